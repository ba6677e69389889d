package io.sentio.core.rotation;

import io.sentio.core.state.StateCodec;
import io.sentio.core.state.Stateful;

/**
 * Strength per symbol (DESIGN §5.5): p * C (or, under the expected_return rule, the expected
 * return net of cost) smoothed by an EMA with alpha
 * {@code strength_smoothing} (1 = none). The EMA advances only on a symbol's real bars, the
 * only bars on which its learner changes p and C; the first real bar seeds it.
 */
public final class SignalAggregator implements Stateful {
    private final double alpha;
    private final double[] smoothed;
    private final boolean[] seeded;

    public SignalAggregator(int symbols, double strengthSmoothing) {
        if (!(strengthSmoothing > 0 && strengthSmoothing <= 1)) {
            throw new IllegalArgumentException("strength_smoothing must be in (0, 1]");
        }
        this.alpha = strengthSmoothing;
        this.smoothed = new double[symbols];
        this.seeded = new boolean[symbols];
    }

    /** Updates symbols with a real bar and writes every symbol's smoothed strength to {@code strength}. */
    public void update(boolean[] real, double[] probability, double[] confidence, double[] strength) {
        for (int s = 0; s < smoothed.length; s++) {
            if (real[s]) {
                advance(s, probability[s] * confidence[s]);
            }
            strength[s] = smoothed[s];
        }
    }

    /** As {@link #update(boolean[], double[], double[], double[])} with another rule's raw strength. */
    public void update(boolean[] real, double[] raw, double[] strength) {
        for (int s = 0; s < smoothed.length; s++) {
            if (real[s]) {
                advance(s, raw[s]);
            }
            strength[s] = smoothed[s];
        }
    }

    private void advance(int s, double raw) {
        if (seeded[s]) {
            smoothed[s] += alpha * (raw - smoothed[s]);
        } else {
            smoothed[s] = raw;
            seeded[s] = true;
        }
    }

    public double strength(int symbol) {
        return smoothed[symbol];
    }

    @Override
    public void visit(StateCodec c) {
        c.doubles(smoothed);
        c.booleans(seeded);
    }
}
