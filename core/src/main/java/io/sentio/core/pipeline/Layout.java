package io.sentio.core.pipeline;

/**
 * How the ring's stages map onto threads (DESIGN §3). Both give the same journal and state hash:
 * they run the same stages on the same events in the same order of dependencies.
 */
public enum Layout {
    /**
     * One thread per stage (sync, journal-in, each learner shard, portfolio, journal-out,
     * execution): stages of different bar sets overlap, for backtests and unpaced replays.
     */
    THROUGHPUT,
    /**
     * No more busy threads than a 2-core machine has: a lead thread runs sync, journal-in, learner
     * shard 0, the portfolio, journal-out and execution in turn on each bar set; one helper thread
     * per other shard predicts beside it; each does its shard's deferred learning after the orders
     * (lead) or its predictions (helper) are out. One wake-up on the critical path instead of four.
     */
    LATENCY;

    /** The layout of a {@code --layout} value; the message names the accepted values. */
    public static Layout named(String name) {
        switch (name) {
            case "latency":
                return LATENCY;
            case "throughput":
                return THROUGHPUT;
            default:
                throw new IllegalArgumentException("layout must be latency or throughput, got '" + name + "'");
        }
    }
}
