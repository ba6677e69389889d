package io.sentio.launcher.report;

import java.util.Objects;

/** One named number of a metrics table, shown with {@code decimals} digits after the point. */
public record Metric(String name, double value, int decimals) {
    public Metric {
        Objects.requireNonNull(name, "name");
        if (decimals < 0 || decimals > 10) {
            throw new IllegalArgumentException("metric " + name + ": decimals must be in [0, 10], got " + decimals);
        }
    }

    /** A metric shown with four decimals. */
    public static Metric of(String name, double value) {
        return new Metric(name, value, 4);
    }

    /** A count, shown without decimals. */
    public static Metric count(String name, long value) {
        return new Metric(name, value, 0);
    }
}
