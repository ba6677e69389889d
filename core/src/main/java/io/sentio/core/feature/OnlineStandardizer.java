package io.sentio.core.feature;

import io.sentio.core.state.StateCodec;
import io.sentio.core.state.Stateful;

/**
 * Online standardization of DESIGN §5.2: z = (x - mu)/sqrt(var + 1e-12) from the statistics
 * before this value (0 while fewer than 2 earlier finite values), clipped to [-8, 8]; then
 * mu += a d, var = (1 - a)(var + a d^2) with a = max(1/count, 0.001): an exact running mean and
 * population variance for the first 1000 values, an exponential window after. A non-finite value
 * gets z = 0, leaves the statistics alone and is counted.
 */
public final class OnlineStandardizer implements Stateful {
    static final double EPSILON = 1e-12;
    static final double CLIP = 8.0;
    static final double MIN_RATE = 0.001;

    private final double[] mean;
    private final double[] variance;
    private final long[] count;
    private long nonFinite;

    /** @param features the number of leading coordinates to standardize */
    public OnlineStandardizer(int features) {
        mean = new double[features];
        variance = new double[features];
        count = new long[features];
    }

    /** Standardizes {@code x[0..features)} into {@code z}; other coordinates of z are untouched. */
    public void standardize(double[] x, double[] z) {
        for (int i = 0; i < mean.length; i++) {
            double xi = x[i];
            if (!Double.isFinite(xi)) {
                z[i] = 0.0;
                nonFinite++;
                continue;
            }
            long n = count[i];
            double zi = 0.0;
            if (n >= 2) {
                zi = (xi - mean[i]) / Math.sqrt(variance[i] + EPSILON);
                zi = Math.max(-CLIP, Math.min(CLIP, zi));
            }
            n++;
            count[i] = n;
            if (n == 1) {
                mean[i] = xi;
                variance[i] = 0.0;
            } else {
                double a = Math.max(1.0 / n, MIN_RATE);
                double d = xi - mean[i];
                mean[i] += a * d;
                variance[i] = (1.0 - a) * (variance[i] + a * d * d);
            }
            z[i] = zi;
        }
    }

    /** Non-finite raw values seen so far (each left its feature's statistics unchanged). */
    public long nonFiniteCount() {
        return nonFinite;
    }

    public double mean(int i) {
        return mean[i];
    }

    public double variance(int i) {
        return variance[i];
    }

    public long count(int i) {
        return count[i];
    }

    @Override
    public void visit(StateCodec c) {
        c.doubles(mean);
        c.doubles(variance);
        c.longs(count);
        nonFinite = c.l(nonFinite);
    }
}
