package io.sentio.launcher.report;

import java.util.List;
import java.util.Objects;

/** The metrics of the same run under one fill convention, e.g. "next open + 1 bp". */
public record FillConvention(String name, List<Metric> metrics) {
    public FillConvention {
        Objects.requireNonNull(name, "name");
        metrics = List.copyOf(metrics);
    }
}
