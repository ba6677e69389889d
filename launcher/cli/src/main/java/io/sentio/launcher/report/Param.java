package io.sentio.launcher.report;

import java.util.Objects;

/** One line of a parameters summary, key as in rotation_params.json and value as text. */
public record Param(String key, String value) {
    public Param {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
