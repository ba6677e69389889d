package io.sentio.core.config;

/**
 * Whether a parameter shapes the learners' state or only how the trading desk acts on their
 * output. A journal's model state can be reused across runs that differ only in DESK values.
 */
public enum ParamScope {
    /** Changes what the learners learn: a different value gives a different model state. */
    MODEL,
    /** Changes only signals, sizing, risk, costs or bar syncing; the learners are untouched. */
    DESK
}
