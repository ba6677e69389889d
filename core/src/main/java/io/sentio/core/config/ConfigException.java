package io.sentio.core.config;

/** A configuration value that is missing, unknown or out of range. Names the key it concerns. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String key;

    public ConfigException(String key, String message) {
        super(key + ": " + message);
        this.key = key;
    }

    public String key() {
        return key;
    }

    static void checkRange(String key, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new ConfigException(key, "value " + value + " out of range [" + min + ", " + max + "]");
        }
    }

    static void checkRange(String key, long value, long min, long max) {
        if (value < min || value > max) {
            throw new ConfigException(key, "value " + value + " out of range [" + min + ", " + max + "]");
        }
    }

    static void checkOpenLow(String key, double value, double minExclusive, double max) {
        if (!(value > minExclusive && value <= max)) {
            throw new ConfigException(key, "value " + value + " out of range (" + minExclusive + ", " + max + "]");
        }
    }
}
