package io.sentio.launcher.report;

import java.util.Objects;

/** One latency percentile, e.g. label "p99" and the value in microseconds. */
public record Percentile(String label, double micros) {
    public Percentile {
        Objects.requireNonNull(label, "label");
    }
}
