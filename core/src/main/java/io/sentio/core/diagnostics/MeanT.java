package io.sentio.core.diagnostics;

/** Mean of a sample, its t-statistic (mean / (sd / sqrt n), ddof 1) and its size; NaNs are left out. */
public record MeanT(double mean, double t, int n) {
    public static MeanT of(double[] values, int count) {
        int n = 0;
        double sum = 0;
        for (int i = 0; i < count; i++) {
            if (Double.isFinite(values[i])) {
                sum += values[i];
                n++;
            }
        }
        if (n == 0) {
            return new MeanT(Double.NaN, Double.NaN, 0);
        }
        double mean = sum / n;
        if (n < 2) {
            return new MeanT(mean, Double.NaN, n);
        }
        double ss = 0;
        for (int i = 0; i < count; i++) {
            if (Double.isFinite(values[i])) {
                ss += (values[i] - mean) * (values[i] - mean);
            }
        }
        double sd = Math.sqrt(ss / (n - 1));
        return new MeanT(mean, sd == 0 ? Double.NaN : mean / (sd / Math.sqrt(n)), n);
    }
}
