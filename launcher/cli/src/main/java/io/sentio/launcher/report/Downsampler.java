package io.sentio.launcher.report;

/**
 * Picks which points of a long curve to draw. Min-max per bucket keeps every peak and trough
 * (a drawdown must not vanish because it fell between two samples) and is a pure function of
 * the input, so the same curve always gives the same picture.
 */
final class Downsampler {
    private Downsampler() {
    }

    /** Indices to keep, strictly increasing, always with the first and last; all when n <= max. */
    static int[] minMax(double[] y, int maxPoints) {
        int n = y.length;
        if (maxPoints < 4) {
            throw new IllegalArgumentException("maxPoints must be >= 4, got " + maxPoints);
        }
        if (n <= maxPoints) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        int buckets = (maxPoints - 2) / 2;
        int[] out = new int[2 + 2 * buckets];
        int k = 0;
        out[k++] = 0;
        int inner = n - 2;
        for (int b = 0; b < buckets; b++) {
            int from = 1 + (int) ((long) inner * b / buckets);
            int to = 1 + (int) ((long) inner * (b + 1) / buckets);
            if (from >= to) {
                continue;
            }
            int lo = from;
            int hi = from;
            for (int i = from + 1; i < to; i++) {
                if (y[i] < y[lo]) {
                    lo = i;
                }
                if (y[i] > y[hi]) {
                    hi = i;
                }
            }
            out[k++] = Math.min(lo, hi);
            if (lo != hi) {
                out[k++] = Math.max(lo, hi);
            }
        }
        out[k++] = n - 1;
        return java.util.Arrays.copyOf(out, k);
    }
}
