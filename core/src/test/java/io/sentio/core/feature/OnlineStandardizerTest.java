package io.sentio.core.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OnlineStandardizerTest {
    @Test
    void shouldScoreAgainstStatisticsFromBeforeTheValue() {
        OnlineStandardizer s = new OnlineStandardizer(1);
        double[] z = new double[1];
        s.standardize(new double[] {1}, z);
        assertEquals(0.0, z[0], "no earlier values");
        s.standardize(new double[] {3}, z);
        assertEquals(0.0, z[0], "one earlier value");
        assertEquals(2.0, s.mean(0), 1e-15);
        assertEquals(1.0, s.variance(0), 1e-15);
        s.standardize(new double[] {4}, z);
        assertEquals(2.0 / Math.sqrt(1 + 1e-12), z[0], 1e-15);
        assertEquals(8.0 / 3.0, s.mean(0), 1e-15);
        assertEquals(14.0 / 9.0, s.variance(0), 1e-15, "population variance of 1, 3, 4");
    }

    @Test
    void shouldClipAtEight() {
        OnlineStandardizer s = new OnlineStandardizer(1);
        double[] z = new double[1];
        s.standardize(new double[] {0}, z);
        s.standardize(new double[] {1}, z);
        s.standardize(new double[] {1000}, z);
        assertEquals(8.0, z[0]);
        s.standardize(new double[] {-1e6}, z);
        assertEquals(-8.0, z[0]);
    }

    @Test
    void shouldIgnoreAndCountNonFiniteValues() {
        OnlineStandardizer s = new OnlineStandardizer(2);
        double[] z = new double[2];
        s.standardize(new double[] {1, 1}, z);
        s.standardize(new double[] {2, Double.NaN}, z);
        s.standardize(new double[] {3, Double.POSITIVE_INFINITY}, z);
        assertEquals(0.0, z[1]);
        assertEquals(1, s.count(1));
        assertEquals(1.0, s.mean(1));
        assertEquals(2, s.nonFiniteCount());
    }

    @Test
    void shouldSwitchToAnExponentialWindowAfterAThousandValues() {
        OnlineStandardizer s = new OnlineStandardizer(1);
        double[] z = new double[1];
        for (int i = 0; i < 1000; i++) {
            s.standardize(new double[] {i % 2}, z);
        }
        assertEquals(0.5, s.mean(0), 1e-12);
        assertEquals(0.25, s.variance(0), 1e-12);
        s.standardize(new double[] {10.5}, z);
        assertEquals(0.5 + 0.001 * 10, s.mean(0), 1e-12, "a = max(1/1001, 0.001) = 0.001");
        assertEquals((1 - 0.001) * (0.25 + 0.001 * 100), s.variance(0), 1e-12);
    }
}
