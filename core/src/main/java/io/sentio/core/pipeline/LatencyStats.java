package io.sentio.core.pipeline;

import java.util.function.LongConsumer;
import org.HdrHistogram.Histogram;

/**
 * One stage's latency histogram in nanoseconds, written by a single handler thread and read after
 * the ring has drained. Values above the range are clamped so recording never allocates or throws.
 * Latency is the only use of System.nanoTime in core; no decision ever reads it.
 */
public final class LatencyStats {
    private static final long MAX_NANOS = 60_000_000_000L;
    private final String name;
    private final Histogram histogram = new Histogram(MAX_NANOS, 3);
    private LongConsumer tap;

    public LatencyStats(String name) {
        this.name = name;
    }

    public void record(long nanos) {
        long clamped = Math.max(0L, Math.min(nanos, MAX_NANOS));
        histogram.recordValue(clamped);
        if (tap != null) {
            tap.accept(clamped);
        }
    }

    /**
     * Also hands every recorded value to {@code tap}, on the recording thread (a live metrics
     * exporter: the histogram itself is read only once the ring has drained). Set before the
     * recording thread starts.
     */
    void tap(LongConsumer tap) {
        this.tap = tap;
    }

    /** Forgets every value; only while the recording thread is idle (a drained ring). */
    public void reset() {
        histogram.reset();
    }

    public String name() {
        return name;
    }

    public long count() {
        return histogram.getTotalCount();
    }

    /** Percentile (0-100) in microseconds. */
    public double percentileMicros(double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    public double maxMicros() {
        return histogram.getMaxValue() / 1000.0;
    }

    public Summary summary() {
        return new Summary(name, count(), percentileMicros(50), percentileMicros(99), percentileMicros(99.9), maxMicros());
    }

    /** Percentiles in microseconds. */
    public static final class Summary {
        public final String name;
        public final long count;
        public final double p50;
        public final double p99;
        public final double p999;
        public final double max;

        public Summary(String name, long count, double p50, double p99, double p999, double max) {
            this.name = name;
            this.count = count;
            this.p50 = p50;
            this.p99 = p99;
            this.p999 = p999;
            this.max = max;
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%s n=%d p50=%.1fus p99=%.1fus p99.9=%.1fus max=%.1fus",
                name, count, p50, p99, p999, max);
        }
    }
}
