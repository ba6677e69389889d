package io.sentio.launcher.alpaca;

import io.sentio.core.market.BarSource;
import io.sentio.core.market.Universe;
import io.sentio.core.testing.ArrayBarSource;
import io.sentio.core.time.SessionCalendar;
import io.sentio.launcher.exchange.SessionTape;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Deterministic synthetic sessions for the stand-in: bars for the first {@code minutes} minutes of each day. */
public final class TestTapes {
    public static final LocalDate DAY = LocalDate.of(2025, 4, 2);

    private TestTapes() {
    }

    /** Symbol s, minute m of day d: open 100 + 10 s + 0.01 m + d, a 0.25 range, volume 1000 + m + 7 s. */
    public static SessionTape tape(Universe universe, List<LocalDate> days, int minutes, int skipSymbol, int skipMinute) {
        List<BarSource> sources = new ArrayList<>();
        for (int s = 0; s < universe.size(); s++) {
            List<double[]> rows = new ArrayList<>();
            for (int d = 0; d < days.size(); d++) {
                long open = SessionCalendar.openEpochSecond(days.get(d).toEpochDay());
                for (int m = 0; m < minutes; m++) {
                    if (s == skipSymbol && m == skipMinute) {
                        continue;
                    }
                    double o = 100 + 10 * s + 0.01 * m + d;
                    rows.add(new double[] {open + 60L * m, o, o + 0.25, o - 0.25, o + 0.05, 1000 + m + 7 * s});
                }
            }
            sources.add(ArrayBarSource.ofRows(rows));
        }
        return SessionTape.load(universe, sources);
    }

    public static SessionTape tape(Universe universe, int minutes) {
        return tape(universe, List.of(LocalDate.of(2025, 3, 31), LocalDate.of(2025, 4, 1), DAY), minutes, -1, -1);
    }

    /** A tape from explicit rows {epochSecond, o, h, l, c, v} per symbol. */
    public static SessionTape fromRows(Universe universe, List<List<double[]>> rows) {
        List<BarSource> sources = new ArrayList<>();
        for (List<double[]> r : rows) {
            sources.add(ArrayBarSource.ofRows(r));
        }
        return SessionTape.load(universe, sources);
    }

    public static double open(int s, int m, int d) {
        return 100 + 10 * s + 0.01 * m + d;
    }
}
