package io.sentio.core.testing;

import io.sentio.core.learn.Learner;
import io.sentio.core.state.StateCodec;

/**
 * A simple deterministic stand-in for the real learner: p from the log return over the last
 * {@code lookback} real closes, p = 0.5 + 0.4 tanh(scale * r), C = 1 once the window is full.
 * O(1) per bar, primitive state, no allocation after construction.
 */
public final class MomentumLearner implements Learner {
    private final double[] closes;
    private final double scale;
    private final double buyThreshold;
    private long bars;
    private double p = 0.5;
    private double c;

    public MomentumLearner(int lookback, double scale, double buyThreshold) {
        this.closes = new double[lookback + 1];
        this.scale = scale;
        this.buyThreshold = buyThreshold;
    }

    @Override
    public void onBar(long epochSecond, double open, double high, double low, double close, double volume) {
        int n = closes.length;
        closes[(int) (bars % n)] = close;
        bars++;
        if (bars >= n) {
            double old = closes[(int) (bars % n)];
            double r = Math.log(close / old);
            p = Math.max(0.05, Math.min(0.95, 0.5 + 0.4 * Math.tanh(scale * r)));
            c = 1.0;
        }
    }

    @Override
    public double probability() {
        return p;
    }

    @Override
    public double confidence() {
        return c;
    }

    @Override
    public int signal() {
        if (c == 0) {
            return SIGNAL_NEUTRAL;
        }
        if (p >= buyThreshold) {
            return SIGNAL_LONG;
        }
        return p <= 1 - buyThreshold ? SIGNAL_SHORT : SIGNAL_NEUTRAL;
    }

    @Override
    public boolean isReady() {
        return c > 0;
    }

    @Override
    public void visit(StateCodec codec) {
        bars = codec.l(bars);
        codec.doubles(closes);
        p = codec.d(p);
        c = codec.d(c);
    }
}
