package io.sentio.launcher.live;

import io.sentio.core.execution.ExecutionReport;

/**
 * What the network threads hand to the {@link LiveSequencer}, the ring's only publisher. Small
 * immutable messages: a few per minute per symbol, off the ring's allocation-free path.
 */
abstract class LiveInput {
    /** Arrival time (System.nanoTime) at the daemon, for latency figures. */
    final long arrivalNanos = System.nanoTime();

    static final class Bar extends LiveInput {
        final int symbol;
        final long epochSecond;
        final double open;
        final double high;
        final double low;
        final double close;
        final double volume;
        final boolean correction;
        final boolean backfilled;

        Bar(int symbol, long epochSecond, double open, double high, double low, double close, double volume,
            boolean correction, boolean backfilled) {
            this.symbol = symbol;
            this.epochSecond = epochSecond;
            this.open = open;
            this.high = high;
            this.low = low;
            this.close = close;
            this.volume = volume;
            this.correction = correction;
            this.backfilled = backfilled;
        }
    }

    static final class Clock extends LiveInput {
        final long epochMillis;

        Clock(long epochMillis) {
            this.epochMillis = epochMillis;
        }
    }

    /** The market-data feed went down ({@code live} false) or is back with its backfill delivered. */
    static final class Feed extends LiveInput {
        final boolean live;

        Feed(boolean live) {
            this.live = live;
        }
    }

    static final class Report extends LiveInput {
        final ExecutionReport report = new ExecutionReport();

        Report(int symbol, long orderSequence, int status, long filledQty, double avgPrice, long venueMillis) {
            report.set(symbol, orderSequence, status, filledQty, avgPrice, venueMillis);
        }
    }

    /** Stop the session: {@code exitCode} 0 for a requested stop, 1 for a failure; {@code flatten} closes positions. */
    static final class Stop extends LiveInput {
        final int exitCode;
        final String reason;
        final boolean flatten;

        Stop(int exitCode, String reason, boolean flatten) {
            this.exitCode = exitCode;
            this.reason = reason;
            this.flatten = flatten;
        }
    }
}
