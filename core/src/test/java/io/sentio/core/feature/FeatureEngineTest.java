package io.sentio.core.feature;

import static io.sentio.core.feature.FeatureNames.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.core.state.StateCodec;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.sentio.core.time.SessionCalendar;

/** Hand-worked values: 60 flat bars at 100 (volume 1000), then one up bar o100 h101 l99.5 c100.5. */
class FeatureEngineTest {
    private static final long DAY = LocalDate.of(2025, 4, 1).toEpochDay(); // a Tuesday
    private static final double EPS = 1e-12;

    private static long at(long day, int minute) {
        return SessionCalendar.openEpochSecond(day) + 60L * minute;
    }

    private static FeatureEngine flatThenUpBar() {
        FeatureEngine e = new FeatureEngine();
        for (int m = 0; m < 60; m++) {
            assertFalse(e.update(at(DAY, m), 100, 100, 100, 100, 1000));
            assertTrue(Double.isNaN(e.raw(RET_1)));
        }
        assertTrue(e.update(at(DAY, 60), 100, 101, 99.5, 100.5, 1000));
        return e;
    }

    @Test
    void shouldComputeReturnsCandleShapeAndAveragesByHand() {
        FeatureEngine e = flatThenUpBar();
        double r = Math.log(1.005);
        assertEquals(r, e.raw(RET_1), EPS);
        assertEquals(r, e.raw(RET_20), EPS);
        assertEquals(r, e.raw(RET_60), EPS);
        assertEquals(0.005, e.raw(BODY), EPS);
        assertEquals(1.5 / 100.5, e.raw(RANGE), EPS);
        assertEquals(0.5 / 100.5, e.raw(UPPER_WICK), EPS);
        assertEquals(0.5 / 100.5, e.raw(LOWER_WICK), EPS);
        assertEquals(100.5 / 100.05 - 1, e.raw(SMA10_DEV), EPS);
        assertEquals(100.5 / 100.025 - 1, e.raw(SMA20_DEV), EPS);
        assertEquals(100.5 / 100.01 - 1, e.raw(SMA50_DEV), EPS);
        double ema10 = 100 + 2.0 / 11 * 0.5;
        double ema50 = 100 + 2.0 / 51 * 0.5;
        assertEquals(100.5 / ema10 - 1, e.raw(EMA10_DEV), EPS);
        assertEquals(ema10 / ema50 - 1, e.raw(EMA10_50), EPS);
    }

    @Test
    void shouldComputeVolatilityBandsAndOscillatorsByHand() {
        FeatureEngine e = flatThenUpBar();
        double r = Math.log(1.005);
        // 19 zero returns and one r: sample variance r^2 (1 - 1/20)/19 = r^2/20.
        assertEquals(r / Math.sqrt(20), e.raw(VOL_20), 1e-15);
        assertEquals(r / Math.sqrt(60), e.raw(VOL_60), 1e-15);
        assertEquals(Math.sqrt(3) - 1, e.raw(VOL_REGIME), 1e-9);
        // All earlier true ranges 0; this one max(1.5, 1, 0.5) = 1.5.
        assertEquals(1.5 / 14 / 100.5, e.raw(ATR14), EPS);
        double sd = Math.sqrt((19 * 0.025 * 0.025 + 0.475 * 0.475) / 20);
        assertEquals(0.5 + 0.475 / (4 * sd), e.raw(BB_PCTB), 1e-9);
        assertEquals(4 * sd / 100.025, e.raw(BB_WIDTH), 1e-12);
        double ema20 = 100 + 2.0 / 21 * 0.5;
        assertEquals((100.5 - ema20) / (2 * 0.15), e.raw(KELTNER_POS), 1e-9);
        assertEquals(1.0, e.raw(RSI14), EPS, "gains but no losses: RSI 100");
        assertEquals(1.0, e.raw(RSI21), EPS);
        assertEquals(2.0 / 3.0, e.raw(STOCH_K), EPS);
        assertEquals((0.5 + 0.5 + 2.0 / 3.0) / 3, e.raw(STOCH_D), EPS);
        double line = 2.0 / 13 * 0.5 - 2.0 / 27 * 0.5;
        assertEquals(line / 100.5, e.raw(MACD), 1e-12);
        assertEquals(0.2 * line / 100.5, e.raw(MACD_SIGNAL), 1e-12);
        double tp = (101 + 99.5 + 100.5) / 3;
        double mean = (19 * 100 + tp) / 20;
        double mad = (19 * (mean - 100) + (tp - mean)) / 20;
        assertEquals((tp - mean) / (0.015 * mad) / 100, e.raw(CCI20), 1e-9);
        assertEquals(1.0, e.raw(MFI14), EPS, "positive flow only: MFI 100");
        assertEquals(0.0, e.raw(VOL_RATIO), EPS);
        assertEquals(1000.0 / 20000.0, e.raw(OBV_SLOPE), EPS);
        double vwap = (60 * 100.0 * 1000 + tp * 1000) / 61000;
        assertEquals((100.5 - vwap) / vwap, e.raw(VWAP_DEV), EPS);
        assertEquals(1.0 / 1.5, e.raw(DONCHIAN_POS), EPS);
        assertEquals(1.5 / 100.5, e.raw(DONCHIAN_WIDTH), EPS);
    }

    @Test
    void shouldComputeTimeSessionAndCandleFlagsByHand() {
        FeatureEngine e = flatThenUpBar();
        assertEquals(Math.sin(2 * Math.PI * 60 / 391), e.raw(TOD_SIN), EPS);
        assertEquals(Math.cos(2 * Math.PI * 60 / 391), e.raw(TOD_COS), EPS);
        assertEquals(Math.sin(2 * Math.PI / 5), e.raw(DOW_SIN), EPS);
        assertEquals(Math.cos(2 * Math.PI / 5), e.raw(DOW_COS), EPS);
        assertEquals(330.0 / 391, e.raw(TO_CLOSE), EPS);
        assertEquals(0.0, e.raw(GAP), "first session has no gap");
        assertEquals(1.0, e.raw(BIAS));
        for (int k = DOJI; k <= BEAR_ENGULF; k++) {
            assertEquals(0.0, e.raw(k), FeatureNames.name(k));
        }
    }

    @Test
    void shouldFlagEngulfingHammerAndDojiPatterns() {
        FeatureEngine e = flatThenUpBar();
        e.update(at(DAY, 61), 100.6, 100.7, 100.1, 100.2, 1000);
        e.update(at(DAY, 62), 100.1, 100.9, 100.0, 100.8, 1000);
        assertEquals(1.0, e.raw(BULL_ENGULF));
        assertEquals(0.0, e.raw(BEAR_ENGULF));
        e.update(at(DAY, 63), 100.9, 101.0, 99.9, 100.0, 1000);
        assertEquals(1.0, e.raw(BEAR_ENGULF));
        e.update(at(DAY, 64), 100.0, 100.11, 99.0, 100.1, 1000);
        assertEquals(1.0, e.raw(HAMMER));
        assertEquals(0.0, e.raw(SHOOTING_STAR));
        e.update(at(DAY, 65), 100.1, 101.0, 100.05, 100.0, 1000);
        assertEquals(1.0, e.raw(SHOOTING_STAR));
        e.update(at(DAY, 66), 100.0, 100.5, 99.5, 100.05, 1000);
        assertEquals(1.0, e.raw(DOJI));
    }

    @Test
    void shouldResetVwapAndMeasureTheGapAtEachSessionOpen() {
        FeatureEngine e = flatThenUpBar();
        long next = DAY + 1;
        e.update(at(next, 0), 102, 103, 101, 102.5, 500);
        assertTrue(e.sessionOpened());
        assertEquals(Math.log(102 / 100.5), e.raw(GAP), EPS);
        double tp = (103 + 101 + 102.5) / 3;
        assertEquals((102.5 - tp) / tp, e.raw(VWAP_DEV), EPS);
        e.update(at(next, 1), 102.5, 102.6, 102.4, 102.5, 0);
        assertFalse(e.sessionOpened());
        assertEquals(Math.log(102 / 100.5), e.raw(GAP), EPS, "the gap holds for the whole session");
    }

    @Test
    void shouldUseTheEarlyCloseMinuteOnHalfDays() {
        long halfDay = LocalDate.of(2025, 7, 3).toEpochDay();
        FeatureEngine e = new FeatureEngine();
        for (int m = 0; m < 61; m++) {
            e.update(at(halfDay, 100 + m), 50, 50, 50, 50, 10);
        }
        assertEquals((210 - 160) / 391.0, e.raw(TO_CLOSE), EPS);
    }

    @Test
    void shouldKeepVwapAtZeroWhileTheSessionHasNoVolume() {
        FeatureEngine e = new FeatureEngine();
        for (int m = 0; m < 61; m++) {
            e.update(at(DAY, m), 50, 50.5, 49.5, 50 + 0.01 * m, 0);
        }
        assertEquals(0.0, e.raw(VWAP_DEV));
        assertEquals(0.0, e.raw(OBV_SLOPE), "no volume: denominator 1, numerator 0");
    }

    @Test
    void shouldRejectBadBarsWithoutChangingState() {
        FeatureEngine e = flatThenUpBar();
        long hash = hash(e);
        assertThrows(IllegalArgumentException.class, () -> e.update(at(DAY, 60), 100, 101, 99, 100, 1), "same minute");
        assertThrows(IllegalArgumentException.class, () -> e.update(at(DAY, 61) + 1, 100, 101, 99, 100, 1), "off-minute");
        assertThrows(IllegalArgumentException.class, () -> e.update(at(DAY, 400), 100, 101, 99, 100, 1), "after close");
        assertThrows(IllegalArgumentException.class, () -> e.update(at(DAY, 61), 0, 101, 99, 100, 1));
        assertThrows(IllegalArgumentException.class, () -> e.update(at(DAY, 61), 100, 101, 99, Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> e.update(at(DAY, 61), 100, 99, 101, 100, 1));
        assertThrows(IllegalArgumentException.class, () -> e.update(at(DAY, 61), 100, 101, 99, 100, -1));
        assertEquals(hash, hash(e));
    }

    private static long hash(FeatureEngine e) {
        StateCodec c = new StateCodec().hashing();
        e.visit(c);
        return c.hash();
    }
}
