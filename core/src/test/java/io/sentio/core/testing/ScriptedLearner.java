package io.sentio.core.testing;

import io.sentio.core.learn.Learner;
import io.sentio.core.state.StateCodec;
import io.sentio.core.time.SessionCalendar;

/**
 * A learner whose p and C at each real bar come from a script indexed by session day and minute:
 * what rotation tests need to put the strategy in an exact state. Forward-filled bars never reach
 * it, so p and C stay at the last real bar's values, like a real learner.
 */
public final class ScriptedLearner implements Learner {
    /** p (or C) of this learner's symbol at the bar starting at {@code epochSecond}. */
    @FunctionalInterface
    public interface Script {
        double at(long nyEpochDay, int sessionMinute);
    }

    private final Script probabilityScript;
    private final Script confidenceScript;
    private final double buyThreshold;
    private double p = 0.5;
    private double c;
    private long bars;

    /** A learner that says the same p, with C = 1, at every bar. */
    public static ScriptedLearner constant(double p, double buyThreshold) {
        return new ScriptedLearner((d, m) -> p, (d, m) -> 1.0, buyThreshold);
    }

    public ScriptedLearner(Script probability, Script confidence, double buyThreshold) {
        this.probabilityScript = probability;
        this.confidenceScript = confidence;
        this.buyThreshold = buyThreshold;
    }

    @Override
    public void onBar(long epochSecond, double open, double high, double low, double close, double volume) {
        long day = SessionCalendar.nyEpochDay(epochSecond);
        int minute = SessionCalendar.sessionMinute(epochSecond);
        p = probabilityScript.at(day, minute);
        c = confidenceScript.at(day, minute);
        bars++;
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
        if (p >= buyThreshold) {
            return SIGNAL_LONG;
        }
        return p <= 1 - buyThreshold ? SIGNAL_SHORT : SIGNAL_NEUTRAL;
    }

    @Override
    public boolean isReady() {
        return bars > 0;
    }

    @Override
    public void visit(StateCodec codec) {
        p = codec.d(p);
        c = codec.d(c);
        bars = codec.l(bars);
    }
}
