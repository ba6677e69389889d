package io.sentio.core.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.core.market.BarSet;
import io.sentio.core.market.BarSource;
import io.sentio.core.market.MutableBar;
import io.sentio.core.synth.BarSeries;
import io.sentio.core.time.SessionCalendar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random per-symbol gaps (seeded) over sessions that include early closes and a session nobody
 * traded: every minute of every traded session comes out once, in order, and a symbol is present
 * exactly when its source had that bar, with the bar's values untouched.
 */
class SessionMinuteMergerPropertyTest {
    private static final int SYMBOLS = 5;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {5, 17, 2025})
    void shouldEmitEverySessionMinuteWithPresenceExactlyWhereSourcesHaveBars(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2025, 11, 24); days.size() < 8; d = d.plusDays(1)) {
            if (SessionCalendar.isTradingDay(d)) {
                days.add(d);
            }
        }
        LocalDate untraded = days.get(5);
        // expected[day][minute][symbol]: close price, or NaN when absent
        double[][][] expected = new double[days.size()][391][SYMBOLS];
        BarSeries[] series = new BarSeries[SYMBOLS];
        MutableBar b = new MutableBar();
        for (int s = 0; s < SYMBOLS; s++) {
            series[s] = new BarSeries("S" + s);
        }
        for (int di = 0; di < days.size(); di++) {
            long day = days.get(di).toEpochDay();
            int close = SessionCalendar.closeMinute(day);
            for (int m = 0; m <= close; m++) {
                for (int s = 0; s < SYMBOLS; s++) {
                    boolean has = !days.get(di).equals(untraded) && rnd.nextDouble() > 0.2 * s;
                    expected[di][m][s] = Double.NaN;
                    if (has) {
                        double c = 100 + rnd.nextDouble();
                        expected[di][m][s] = c;
                        series[s].add(b.set(SessionCalendar.openEpochSecond(day) + 60L * m, c, c + 1, c - 1, c, m));
                    }
                }
            }
        }
        BarSource[] sources = new BarSource[SYMBOLS];
        for (int s = 0; s < SYMBOLS; s++) {
            sources[s] = series[s].source();
        }
        BarSet out = new BarSet(SYMBOLS);
        try (SessionMinuteMerger merger = new SessionMinuteMerger(sources)) {
            for (int di = 0; di < days.size(); di++) {
                if (days.get(di).equals(untraded)) {
                    continue;
                }
                long day = days.get(di).toEpochDay();
                int close = SessionCalendar.closeMinute(day);
                for (int m = 0; m <= close; m++) {
                    assertTrue(merger.next(out), days.get(di) + " minute " + m);
                    assertEquals(day, out.nyEpochDay);
                    assertEquals(m, out.sessionMinute);
                    assertEquals(close, out.closeMinute);
                    assertEquals(SessionCalendar.openEpochSecond(day) + 60L * m, out.epochSecond);
                    for (int s = 0; s < SYMBOLS; s++) {
                        double e = expected[di][m][s];
                        assertEquals(!Double.isNaN(e), out.present[s], days.get(di) + " m" + m + " s" + s);
                        if (out.present[s]) {
                            assertEquals(e, out.close[s], 0.0);
                            assertEquals(e + 1, out.high[s], 0.0);
                            assertEquals(m, out.volume[s], 0.0);
                        }
                    }
                }
            }
            assertFalse(merger.next(out));
        }
        assertTrue(SessionCalendar.isEarlyClose(LocalDate.of(2025, 11, 28).toEpochDay()), "covers an early close");
    }
}
