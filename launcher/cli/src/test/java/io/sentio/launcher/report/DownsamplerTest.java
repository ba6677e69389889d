package io.sentio.launcher.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DownsamplerTest {
    @Test
    void shouldKeepEveryPointOfAShortCurve() {
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, Downsampler.minMax(new double[5], 5));
    }

    @Test
    void shouldKeepEndsPeaksAndTroughsOfALongCurve() {
        double[] y = new double[100_000];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.sin(i / 500.0);
        }
        y[31_337] = 9;
        y[77_777] = -9;
        int[] idx = Downsampler.minMax(y, 5000);
        assertTrue(idx.length <= 5000, "length " + idx.length);
        assertEquals(0, idx[0]);
        assertEquals(y.length - 1, idx[idx.length - 1]);
        for (int k = 1; k < idx.length; k++) {
            assertTrue(idx[k] > idx[k - 1], "strictly increasing at " + k);
        }
        assertTrue(Arrays.binarySearch(idx, 31_337) >= 0, "spike kept");
        assertTrue(Arrays.binarySearch(idx, 77_777) >= 0, "trough kept");
        assertArrayEquals(idx, Downsampler.minMax(y.clone(), 5000), "deterministic");
    }

    @Test
    void shouldComputeDrawdownFromTheRunningPeak() {
        double[] dd = CurveCharts.drawdownPct(new double[] {100, 110, 99, 121, 108.9});
        assertArrayEquals(new double[] {0, 0, -10, 0, -10}, dd, 1e-9);
    }

    @Test
    void shouldNeverPrintNegativeZeroOrLocaleDigits() {
        assertEquals("0.00", Fmt.num(-0.0001, 2));
        assertEquals("-0.01", Fmt.num(-0.009, 2));
        assertEquals("1234567.50", Fmt.num(1234567.5, 2));
        assertEquals("n/a", Fmt.num(Double.NaN, 2));
        assertEquals("inf", Fmt.num(Double.POSITIVE_INFINITY, 2));
    }
}
