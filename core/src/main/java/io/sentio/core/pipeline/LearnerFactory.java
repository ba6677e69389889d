package io.sentio.core.pipeline;

import io.sentio.core.learn.Learner;

/** Creates the learner of one symbol, given its index in the universe; called once per symbol per run. */
@FunctionalInterface
public interface LearnerFactory {
    Learner create(int symbolIndex);
}
