package io.sentio.core.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.core.market.BarSource;
import io.sentio.core.market.MutableBar;
import io.sentio.core.market.Universe;
import io.sentio.core.state.StateCodec;
import io.sentio.core.time.SessionCalendar;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SyntheticMarketTest {
    private static final LocalDate START = LocalDate.of(2025, 11, 24);

    private static long fingerprint(SyntheticMarket m) {
        StateCodec h = new StateCodec().hashing();
        MutableBar b = new MutableBar();
        for (String s : m.universe().symbols()) {
            BarSource src = m.source(s);
            while (src.next(b)) {
                h.l(b.epochSecond);
                h.d(b.open);
                h.d(b.high);
                h.d(b.low);
                h.d(b.close);
                h.d(b.volume);
            }
        }
        return h.hash();
    }

    @Test
    void shouldGenerateIdenticalBarsForTheSameSeed() {
        assertEquals(fingerprint(SyntheticMarket.generate(7, START, 6)), fingerprint(SyntheticMarket.generate(7, START, 6)));
    }

    @Test
    void shouldGenerateDifferentBarsForDifferentSeeds() {
        assertNotEquals(fingerprint(SyntheticMarket.generate(7, START, 6)), fingerprint(SyntheticMarket.generate(8, START, 6)));
    }

    @Test
    void shouldCoverTheDefaultUniverse() {
        assertEquals(Universe.defaultUniverse(), SyntheticMarket.generate(1, START, 1).universe());
    }

    @Test
    void shouldProduceValidBarsOnlyInsideRegularSessionsIncludingEarlyClose() {
        SyntheticMarket m = SyntheticMarket.generate(3, START, 8);
        MutableBar b = new MutableBar();
        for (String s : m.universe().symbols()) {
            Set<Long> days = new HashSet<>();
            long last = Long.MIN_VALUE;
            BarSource src = m.source(s);
            while (src.next(b)) {
                int minute = SessionCalendar.sessionMinute(b.epochSecond);
                assertTrue(minute >= 0, s + " bar outside the session at " + b.epochSecond);
                assertTrue(b.epochSecond > last);
                assertTrue(b.low > 0 && b.low <= Math.min(b.open, b.close) && b.high >= Math.max(b.open, b.close), b::toString);
                assertTrue(b.volume >= 0);
                last = b.epochSecond;
                days.add(SessionCalendar.nyEpochDay(b.epochSecond));
            }
            assertEquals(8, days.size(), s);
        }
        assertTrue(SessionCalendar.isEarlyClose(LocalDate.of(2025, 11, 28).toEpochDay()));
        assertTrue(m.series("SPY").size() < 7 * 391 + 211, "gaps must remove some minutes");
    }

    @Test
    void shouldHaveGapsAcrossSymbolsAndLeaveMostMinutesTraded() {
        SyntheticMarket m = SyntheticMarket.generate(11, LocalDate.of(2025, 4, 1), 40);
        long full = 0;
        LocalDate d = SessionCalendar.nextTradingDay(LocalDate.of(2025, 4, 1));
        for (int i = 0; i < 40; i++) {
            full += SessionCalendar.closeMinute(d) + 1;
            d = SessionCalendar.nextTradingDay(d.plusDays(1));
        }
        for (String s : m.universe().symbols()) {
            int n = m.series(s).size();
            assertTrue(n < full && n > 0.9 * full, s + ": " + n + " of " + full);
        }
    }

    @Test
    void shouldMoveInverseProductsAgainstLongOnes() {
        SyntheticMarket m = SyntheticMarket.generate(5, LocalDate.of(2025, 4, 1), 10);
        double corr = returnCorrelation(m.series("SPY"), m.series("SH"));
        assertTrue(corr < -0.95, "SPY/SH correlation " + corr);
        assertTrue(returnCorrelation(m.series("SPY"), m.series("UPRO")) > 0.95);
        assertTrue(returnCorrelation(m.series("SPY"), m.series("UVXY")) < -0.5);
    }

    /** Correlation of close-to-close returns over minutes where both series have consecutive bars. */
    private static double returnCorrelation(BarSeries a, BarSeries b) {
        MutableBar x = new MutableBar();
        MutableBar y = new MutableBar();
        double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        int n = 0;
        int j = 0;
        for (int i = 1; i < a.size(); i++) {
            a.get(i, x);
            long t = x.epochSecond;
            double ra;
            a.get(i - 1, y);
            if (y.epochSecond != t - 60) {
                continue;
            }
            ra = x.close / y.close - 1;
            while (j < b.size()) {
                b.get(j, y);
                if (y.epochSecond >= t) {
                    break;
                }
                j++;
            }
            if (j == 0 || j >= b.size() || y.epochSecond != t) {
                continue;
            }
            MutableBar prev = new MutableBar();
            b.get(j - 1, prev);
            if (prev.epochSecond != t - 60) {
                continue;
            }
            double rb = y.close / prev.close - 1;
            sx += ra;
            sy += rb;
            sxx += ra * ra;
            syy += rb * rb;
            sxy += ra * rb;
            n++;
        }
        double cov = sxy / n - sx / n * sy / n;
        return cov / Math.sqrt((sxx / n - sx * sx / n / n) * (syy / n - sy * sy / n / n));
    }
}
