package io.sentio.launcher.live;

import io.sentio.core.execution.ExecutionReport;

/**
 * What the network threads hand to the {@link LiveSequencer}, the ring's only publisher. Small
 * immutable messages: a few per minute per symbol, off the ring's allocation-free path. Each carries
 * its arrival time (System.nanoTime) at the daemon, for latency figures.
 */
sealed interface LiveInput {
    long arrivalNanos();

    record Bar(long arrivalNanos, int symbol, long epochSecond, double open, double high, double low, double close,
               double volume, boolean correction, boolean backfilled) implements LiveInput {
        Bar(int symbol, long epochSecond, double open, double high, double low, double close, double volume,
            boolean correction, boolean backfilled) {
            this(System.nanoTime(), symbol, epochSecond, open, high, low, close, volume, correction, backfilled);
        }
    }

    record Clock(long arrivalNanos, long epochMillis) implements LiveInput {
        Clock(long epochMillis) {
            this(System.nanoTime(), epochMillis);
        }
    }

    /** The market-data feed went down ({@code live} false) or is back with its backfill delivered. */
    record Feed(long arrivalNanos, boolean live) implements LiveInput {
        Feed(boolean live) {
            this(System.nanoTime(), live);
        }
    }

    /** An execution report for the ring; the report object is this message's own, never shared. */
    record Report(long arrivalNanos, ExecutionReport report) implements LiveInput {
        Report(int symbol, long orderSequence, int status, long filledQty, double avgPrice, long venueMillis) {
            this(System.nanoTime(), new ExecutionReport().set(symbol, orderSequence, status, filledQty, avgPrice, venueMillis));
        }
    }

    /** Stop the session: {@code exitCode} 0 for a requested stop, 1 for a failure; {@code flatten} closes positions. */
    record Stop(long arrivalNanos, int exitCode, String reason, boolean flatten) implements LiveInput {
        Stop(int exitCode, String reason, boolean flatten) {
            this(System.nanoTime(), exitCode, reason, flatten);
        }
    }
}
