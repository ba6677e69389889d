package io.sentio.core.diagnostics;

import java.util.Arrays;

/** Spearman rank correlation: Pearson's correlation of the ranks, ties sharing their average rank. */
public final class RankCorrelation {
    private RankCorrelation() {
    }

    /**
     * Rank IC of {@code x} against {@code y} over the indices {@code idx[0..n)} where both are
     * finite; NaN with fewer than 3 such pairs or when either side is constant.
     */
    public static double spearman(double[] x, double[] y, int[] idx, int n) {
        int m = 0;
        int[] pairs = new int[n];
        for (int i = 0; i < n; i++) {
            int k = idx[i];
            if (Double.isFinite(x[k]) && Double.isFinite(y[k])) {
                pairs[m++] = k;
            }
        }
        if (m < 3) {
            return Double.NaN;
        }
        double[] rx = ranks(x, pairs, m);
        double[] ry = ranks(y, pairs, m);
        return pearson(rx, ry);
    }

    /** Spearman over all positions of two equally long arrays (non-finite pairs left out). */
    public static double spearman(double[] x, double[] y) {
        int[] all = new int[x.length];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return spearman(x, y, all, all.length);
    }

    /** Average ranks (1-based) of {@code v[pairs[0..m)]}. */
    static double[] ranks(double[] v, int[] pairs, int m) {
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(v[pairs[a]], v[pairs[b]]));
        double[] r = new double[m];
        int i = 0;
        while (i < m) {
            int j = i;
            while (j + 1 < m && v[pairs[order[j + 1]]] == v[pairs[order[i]]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1.0;
            for (int k = i; k <= j; k++) {
                r[order[k]] = rank;
            }
            i = j + 1;
        }
        return r;
    }

    static double pearson(double[] a, double[] b) {
        int n = a.length;
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= n;
        mb /= n;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < n; i++) {
            double da = a[i] - ma;
            double db = b[i] - mb;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        return saa == 0 || sbb == 0 ? Double.NaN : sab / Math.sqrt(saa * sbb);
    }
}
