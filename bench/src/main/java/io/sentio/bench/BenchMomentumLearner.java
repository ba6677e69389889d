package io.sentio.bench;

import io.sentio.core.learn.Learner;

/**
 * Stand-in learner for the harness until the real OnlineLearner is merged (the lead re-measures
 * with it): p from the log return over the last {@code lookback} closes, C = 1 once ready. O(1)
 * per bar, no allocation. The same logic as core's test MomentumLearner.
 */
final class BenchMomentumLearner implements Learner {
    private final double[] closes;
    private final double scale;
    private final double buyThreshold;
    private long bars;
    private double p = 0.5;
    private double c;

    BenchMomentumLearner(int lookback, double scale, double buyThreshold) {
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
            double r = Math.log(close / closes[(int) (bars % n)]);
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
        return p >= buyThreshold ? SIGNAL_LONG : p <= 1 - buyThreshold ? SIGNAL_SHORT : SIGNAL_NEUTRAL;
    }

    @Override
    public boolean isReady() {
        return c > 0;
    }

    @Override
    public long stateHash() {
        long h = bars;
        for (double v : closes) {
            h = 31 * h + Double.doubleToLongBits(v);
        }
        return 31 * h + Double.doubleToLongBits(p);
    }
}
