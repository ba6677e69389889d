package io.sentio.core.testing;

import io.sentio.core.market.BarSource;
import io.sentio.core.time.SessionCalendar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Bars for tests that need an exact market: every session minute of the given days, per symbol,
 * with prices and gaps from small functions. For a realistic seeded market use
 * {@link io.sentio.core.synth.SyntheticMarket}.
 */
public final class ScriptedMarket {
    /** Price of symbol s at a minute (open and close of the bar). */
    @FunctionalInterface
    public interface Price {
        double at(int symbol, long nyEpochDay, int minute);
    }

    /** Whether symbol s has a real bar at a minute. */
    @FunctionalInterface
    public interface Presence {
        boolean at(int symbol, long nyEpochDay, int minute);
    }

    private ScriptedMarket() {
    }

    /** Bars with open = {@code open}, close = {@code close}, high/low around them. */
    public static BarSource[] build(int symbols, List<LocalDate> days, Price open, Price close, Presence present) {
        BarSource[] out = new BarSource[symbols];
        for (int s = 0; s < symbols; s++) {
            ArrayBarSource src = new ArrayBarSource();
            for (LocalDate d : days) {
                long day = d.toEpochDay();
                long t0 = SessionCalendar.openEpochSecond(day);
                for (int m = 0; m <= SessionCalendar.closeMinute(day); m++) {
                    if (present.at(s, day, m)) {
                        double o = open.at(s, day, m);
                        double c = close.at(s, day, m);
                        src.add(t0 + 60L * m, o, Math.max(o, c) * 1.001, Math.min(o, c) * 0.999, c, 1000);
                    }
                }
            }
            out[s] = src;
        }
        return out;
    }

    public static List<LocalDate> tradingDays(LocalDate from, int count) {
        List<LocalDate> days = new ArrayList<>();
        LocalDate d = from;
        while (days.size() < count) {
            if (SessionCalendar.isTradingDay(d)) {
                days.add(d);
            }
            d = d.plusDays(1);
        }
        return days;
    }
}
