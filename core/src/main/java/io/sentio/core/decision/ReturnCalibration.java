package io.sentio.core.decision;

import io.sentio.core.learn.ModelOutputs;
import io.sentio.core.state.StateCodec;
import io.sentio.core.state.Stateful;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Maps each horizon's forecast to an expected tradable return in bp, online, per symbol and per
 * horizon (docs/decisions.md): an exponentially weighted least-squares line of the realized
 * next-open return y = 1e4 ln(o[t+1+h] / o[t+1]) on the clipped forecast z = yhat/s of bar t.
 * That label is what a fill at the next open and an exit h bars later gets, whatever
 * {@code oes.label} the model learns; it becomes known at the symbol's real bar t+1+h, so the line
 * at bar t uses only prices up to t. Labels never span a session. The state is a ring of the last
 * max(h)+1 real bars of each symbol (their open and z) and five weighted sums per symbol and
 * horizon, all in primitive arrays: nothing is allocated per bar.
 */
public final class ReturnCalibration implements Stateful {
    private static final int SUMS = 5;
    private static final int W = 0;
    private static final int Z = 1;
    private static final int ZZ = 2;
    private static final int Y = 3;
    private static final int ZY = 4;

    private final int[] horizons;
    private final int hs;
    private final int ring;
    private final double decay;
    private final long minLabels;
    private final double forecastClip;
    private final double[] storedOpen;
    /** z of each stored bar and horizon; NaN when the model was not ready at that bar. */
    private final double[] storedZ;
    private final int[] head;
    private final int[] count;
    private final long[] sessionDay;
    private final double[] sums;
    private final long[] labels;

    /**
     * @param halfLife  labels after which an observation's weight has halved
     * @param minLabels labels a symbol's horizon needs before {@link #expectedBp} answers
     */
    public ReturnCalibration(int symbols, int[] horizons, double forecastClip, double halfLife, long minLabels) {
        if (!(halfLife > 0) || minLabels < 2) {
            throw new IllegalArgumentException("half-life must be positive and min labels at least 2");
        }
        this.horizons = horizons.clone();
        this.hs = horizons.length;
        this.ring = horizons[hs - 1] + 1;
        // StrictMath: the weights must not depend on which JIT tier computed them (replay is bit for bit).
        this.decay = StrictMath.pow(0.5, 1.0 / halfLife);
        this.minLabels = minLabels;
        this.forecastClip = forecastClip;
        this.storedOpen = new double[symbols * ring];
        this.storedZ = new double[symbols * ring * hs];
        this.head = new int[symbols];
        this.count = new int[symbols];
        this.sessionDay = new long[symbols];
        java.util.Arrays.fill(sessionDay, Long.MIN_VALUE);
        this.sums = new double[symbols * hs * SUMS];
        this.labels = new long[symbols * hs];
    }

    /**
     * One real bar of symbol {@code s}: learns from every label that its open completes, then
     * stores the bar's open and the forecasts in {@code outputs[offset..]} (the model after it).
     */
    public void onRealBar(int s, long nyEpochDay, double open, double[] outputs, int offset) {
        if (nyEpochDay != sessionDay[s]) {
            count[s] = 0;
            sessionDay[s] = nyEpochDay;
        }
        for (int j = 0; j < hs; j++) {
            int h = horizons[j];
            // z of bar t = now-1-h, entered at o[t+1] (stored h bars back), exited at this open.
            if (count[s] >= h + 1) {
                double z = storedZ[slot(s, h + 1) * hs + j];
                double y = 1e4 * StrictMath.log(open / storedOpen[slot(s, h)]);
                if (!Double.isNaN(z) && Double.isFinite(y)) {
                    learn(s, j, z, y);
                }
            }
        }
        int at = s * ring + head[s];
        storedOpen[at] = open;
        for (int j = 0; j < hs; j++) {
            storedZ[at * hs + j] = forecast(outputs, offset, j);
        }
        head[s] = head[s] + 1 == ring ? 0 : head[s] + 1;
        if (count[s] < ring) {
            count[s]++;
        }
    }

    /** The clipped forecast z of horizon {@code j} in a model-outputs record; NaN until the model is ready. */
    public double forecast(double[] outputs, int offset, int j) {
        double scale = outputs[offset + ModelOutputs.scale(hs, j)];
        if (outputs[offset + ModelOutputs.ready(hs)] == 0.0 || scale == 0.0) {
            return Double.NaN;
        }
        double z = outputs[offset + ModelOutputs.yhat(j)] / scale;
        return Math.max(-forecastClip, Math.min(forecastClip, z));
    }

    /** Expected return in bp over horizon {@code j} given forecast {@code z}; NaN before min labels or for a NaN z. */
    public double expectedBp(int s, int j, double z) {
        if (labels[s * hs + j] < minLabels || Double.isNaN(z)) {
            return Double.NaN;
        }
        return intercept(s, j) + slope(s, j) * z;
    }

    /** Weighted least-squares slope, bp per unit of z; 0 while the forecasts seen have no spread. */
    public double slope(int s, int j) {
        int b = (s * hs + j) * SUMS;
        double w = sums[b + W];
        double spread = w * sums[b + ZZ] - sums[b + Z] * sums[b + Z];
        if (!(spread > 1e-12 * w * w)) {
            return 0.0;
        }
        return (w * sums[b + ZY] - sums[b + Z] * sums[b + Y]) / spread;
    }

    /** Weighted least-squares intercept in bp (the expected return at z = 0); 0 before any label. */
    public double intercept(int s, int j) {
        int b = (s * hs + j) * SUMS;
        double w = sums[b + W];
        return w == 0.0 ? 0.0 : (sums[b + Y] - slope(s, j) * sums[b + Z]) / w;
    }

    /** Labels learned so far by symbol {@code s}'s horizon {@code j}. */
    public long labels(int s, int j) {
        return labels[s * hs + j];
    }

    /**
     * Replaces the state with a walk of a calibration of the same shape (a warm start's section).
     *
     * @throws IllegalArgumentException when {@code bytes} is not exactly one such walk
     */
    public void restore(byte[] bytes) {
        int length = StateCodec.lengthOf(this);
        if (bytes.length != length) {
            throw new IllegalArgumentException("calibration state of " + bytes.length + " bytes, this calibration's is "
                + length + " (other symbols or horizons)");
        }
        visit(new StateCodec().readingFrom(new UnsafeBuffer(bytes), 0));
    }

    private void learn(int s, int j, double z, double y) {
        int b = (s * hs + j) * SUMS;
        sums[b + W] = decay * sums[b + W] + 1.0;
        sums[b + Z] = decay * sums[b + Z] + z;
        sums[b + ZZ] = decay * sums[b + ZZ] + z * z;
        sums[b + Y] = decay * sums[b + Y] + y;
        sums[b + ZY] = decay * sums[b + ZY] + z * y;
        labels[s * hs + j]++;
    }

    /** Ring index (symbol-major) of the bar stored {@code back} real bars before the next one. */
    private int slot(int s, int back) {
        int slot = head[s] - back;
        return s * ring + (slot < 0 ? slot + ring : slot);
    }

    @Override
    public void visit(StateCodec c) {
        c.doubles(storedOpen);
        c.doubles(storedZ);
        c.ints(head);
        c.ints(count);
        c.longs(sessionDay);
        c.doubles(sums);
        c.longs(labels);
    }
}
