package io.sentio.launcher.metrics;

import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A Prometheus classic histogram family of latencies in seconds, one child per label value, whose
 * {@link Child#record} is a few atomic adds: no lock and no allocation on the recording thread
 * (the client's own Histogram allocates a lambda per observation until the JIT removes it, which a
 * ring seeing one bar set a minute may never get to). Buckets double from {@code firstNanos};
 * the snapshot is built when scraped.
 */
final class LatencyHistograms implements Collector {
    private final String name;
    private final String help;
    private final String labelName;
    private final long firstNanos;
    private final double[] upperSeconds;
    private final Map<String, Child> children = new ConcurrentHashMap<>();

    /** {@code labelName} null: one unlabelled child, {@link #child()}. */
    LatencyHistograms(String name, String help, String labelName, long firstNanos, int finiteBuckets) {
        this.name = name;
        this.help = help;
        this.labelName = labelName;
        this.firstNanos = firstNanos;
        this.upperSeconds = new double[finiteBuckets + 1];
        for (int i = 0; i < finiteBuckets; i++) {
            upperSeconds[i] = (firstNanos << i) / 1e9;
        }
        upperSeconds[finiteBuckets] = Double.POSITIVE_INFINITY;
    }

    /** The child of a label value, created on first use: bind it before the hot path. */
    Child child(String labelValue) {
        return children.computeIfAbsent(labelValue, v -> new Child());
    }

    Child child() {
        return child("");
    }

    @Override
    public String getPrometheusName() {
        return name;
    }

    @Override
    public MetricSnapshot collect() {
        HistogramSnapshot.Builder b = HistogramSnapshot.builder().name(name).help(help);
        children.forEach((value, c) -> {
            long[] counts = new long[upperSeconds.length];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = c.counts.get(i);
            }
            b.dataPoint(HistogramSnapshot.HistogramDataPointSnapshot.builder()
                .classicHistogramBuckets(ClassicHistogramBuckets.of(upperSeconds, counts))
                .sum(c.sumNanos.get() / 1e9).labels(labelName == null ? Labels.EMPTY : Labels.of(labelName, value)).build());
        });
        return b.build();
    }

    /** One series of the family. */
    final class Child {
        private final AtomicLongArray counts = new AtomicLongArray(upperSeconds.length);
        private final AtomicLong sumNanos = new AtomicLong();

        void record(long nanos) {
            counts.incrementAndGet(bucket(Math.max(0, nanos)));
            sumNanos.addAndGet(Math.max(0, nanos));
        }
    }

    /** Bucket i holds (firstNanos * 2^(i-1), firstNanos * 2^i]; bucket 0 everything up to firstNanos. */
    int bucket(long nanos) {
        int i = nanos <= firstNanos ? 0 : 64 - Long.numberOfLeadingZeros((nanos - 1) / firstNanos);
        return Math.min(i, upperSeconds.length - 1);
    }
}
