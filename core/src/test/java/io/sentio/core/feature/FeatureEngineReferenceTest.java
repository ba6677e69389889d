package io.sentio.core.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.sentio.core.testing.TestBars;
import io.sentio.core.time.SessionCalendar;

/** Every feature of the engine against the batch textbook implementation, bar by bar. */
class FeatureEngineReferenceTest {
    private static final int BARS = 1500;

    @Test
    void shouldMatchTextbookDefinitionsOnSyntheticMarketBarsWithGaps() {
        for (String symbol : new String[] {"TQQQ", "SH", "UVXY"}) {
            TestBars b = TestBars.synthetic(symbol, BARS);
            compare(symbol, b.time, b.open, b.high, b.low, b.close, b.volume);
        }
    }

    @Test
    @Tag(TestBars.REAL_DATA)
    void shouldMatchTextbookDefinitionsOnRealBars() {
        for (String symbol : new String[] {"TQQQ", "ERY", "UVXY"}) {
            TestBars b = TestBars.real(symbol, BARS);
            compare(symbol, b.time, b.open, b.high, b.low, b.close, b.volume);
        }
    }

    @Test
    void shouldMatchTextbookDefinitionsOnFlatStretchesAndZeroVolume() {
        int n = 900;
        long[] t = new long[n];
        double[] o = new double[n];
        double[] h = new double[n];
        double[] l = new double[n];
        double[] c = new double[n];
        double[] v = new double[n];
        Random rnd = new Random(7);
        long day = java.time.LocalDate.of(2025, 7, 1).toEpochDay();
        int minute = 0;
        double price = 20;
        for (int i = 0; i < n; i++) {
            if (minute > SessionCalendar.closeMinute(day)) {
                day++;
                while (!SessionCalendar.isTradingDay(day)) {
                    day++;
                }
                minute = 0;
            }
            t[i] = SessionCalendar.openEpochSecond(day) + 60L * minute;
            minute += 1 + (rnd.nextInt(10) == 0 ? 3 : 0);
            boolean flat = (i / 70) % 3 == 1;
            double open = price;
            if (!flat) {
                price *= Math.exp(0.002 * rnd.nextGaussian());
            }
            o[i] = open;
            c[i] = price;
            h[i] = flat ? price : Math.max(open, price) * (1 + 0.001 * rnd.nextDouble());
            l[i] = flat ? price : Math.min(open, price) * (1 - 0.001 * rnd.nextDouble());
            v[i] = flat || rnd.nextInt(8) == 0 ? 0 : 100 + rnd.nextInt(1000);
        }
        compare("synthetic", t, o, h, l, c, v);
    }

    private static void compare(String label, long[] t, double[] o, double[] h, double[] l, double[] c, double[] v) {
        FeatureEngine engine = new FeatureEngine();
        ReferenceFeatures ref = new ReferenceFeatures(t, o, h, l, c, v);
        double[] worst = new double[FeatureNames.COUNT];
        for (int i = 0; i < t.length; i++) {
            boolean has = engine.update(t[i], o[i], h[i], l[i], c[i], v[i]);
            assertEquals(i >= 60, has, "features exist from the 61st bar");
            if (!has || i % 3 != 0) {
                continue;
            }
            double[] expected = ref.at(i);
            for (int k = 0; k < FeatureNames.COUNT; k++) {
                double a = engine.raw(k);
                double e = expected[k];
                double err = Math.abs(a - e) / Math.max(1e-3, Math.abs(e));
                worst[k] = Math.max(worst[k], err);
                if (!(err <= 1e-7)) {
                    fail(label + " bar " + i + " feature " + FeatureNames.name(k) + ": engine " + a + ", textbook " + e);
                }
            }
        }
        for (int k = 0; k < FeatureNames.COUNT; k++) {
            assertTrue(worst[k] <= 1e-7, FeatureNames.name(k));
        }
    }
}
