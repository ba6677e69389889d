package io.sentio.core.learn;

import io.sentio.core.state.Stateful;

/**
 * One symbol's online learner (DESIGN §5.2-5.4). Owns all of its state: nothing static, nothing
 * shared with another symbol's learner, so shards may update different learners in parallel.
 */
public interface Learner extends Stateful {
    int SIGNAL_SHORT = -1;
    int SIGNAL_NEUTRAL = 0;
    int SIGNAL_LONG = 1;

    /**
     * Trains on and scores one real (never forward-filled) bar of this symbol, starting at
     * {@code epochSecond}. Labels are formed only from closes up to this bar.
     */
    void onBar(long epochSecond, double open, double high, double low, double close, double volume);

    /**
     * The decision's half of {@link #onBar} (DESIGN §3, predict first, learn after): afterwards
     * probability, confidence, signal and the model outputs are those {@link #onBar} would give;
     * {@link #learn} must follow before the next bar. A learner without deferred work does it all here.
     */
    default void predictBar(long epochSecond, double open, double high, double low, double close, double volume) {
        onBar(epochSecond, open, high, low, close, volume);
    }

    /** The deferred half of {@link #onBar}: updates that no output of the last bar depends on. */
    default void learn() {
    }

    /** Probability of an up move after the last bar; 0.5 until ready. */
    double probability();

    /** Confidence in [0, 1]; 0 until ready. */
    double confidence();

    /** {@link #SIGNAL_LONG}, {@link #SIGNAL_SHORT} or {@link #SIGNAL_NEUTRAL}. */
    int signal();

    boolean isReady();

    /**
     * The model outputs of the last bar ({@link ModelOutputs} layout) that shadow desks score, or
     * null for a learner without a model (a scripted test learner): such learners serve desk 0 only.
     */
    default double[] modelOutputs() {
        return null;
    }
}
