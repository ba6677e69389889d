package io.sentio.launcher;

import io.sentio.core.learn.Learner;

/** A learner that always says the same: LONG at p >= 0.557 (the seed's buy threshold), else neutral. */
public final class ConstantLearner implements Learner {
    private final double p;

    public ConstantLearner(double p) {
        this.p = p;
    }

    @Override
    public void onBar(long epochSecond, double open, double high, double low, double close, double volume) {
    }

    @Override
    public double probability() {
        return p;
    }

    @Override
    public double confidence() {
        return 1;
    }

    @Override
    public int signal() {
        return p >= 0.557 ? SIGNAL_LONG : SIGNAL_NEUTRAL;
    }

    @Override
    public boolean isReady() {
        return true;
    }

    @Override
    public long stateHash() {
        return Double.doubleToLongBits(p);
    }
}
