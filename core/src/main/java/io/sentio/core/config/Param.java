package io.sentio.core.config;

import java.util.Arrays;
import java.util.List;

/**
 * One row of a parameter table: dotted key as in {@code rotation_params.json}, type, default,
 * valid range, unit, one-line meaning and {@link ParamScope}. Immutable; a row reads as
 * {@code Param.real("buy_threshold", 0.557, 0.5, 0.95).desk("probability", "...")}.
 * Values are held as {@code Long} (INT, LONG), {@code Double}, {@code Boolean}, {@code String}
 * (CHOICE), {@code int[]} or {@code double[]}.
 */
public final class Param {
    private final String key;
    private final ParamType type;
    private final Object defaultValue;
    private final double min;
    private final double max;
    private final boolean lowOpen;
    private final int minLength;
    private final int maxLength;
    private final List<String> choices;
    private final String unit;
    private final String meaning;
    private final ParamScope scope;

    private Param(String key, ParamType type, Object defaultValue, double min, double max, boolean lowOpen,
                  int minLength, int maxLength, List<String> choices, String unit, String meaning, ParamScope scope) {
        this.key = key;
        this.type = type;
        this.defaultValue = defaultValue;
        this.min = min;
        this.max = max;
        this.lowOpen = lowOpen;
        this.minLength = minLength;
        this.maxLength = maxLength;
        this.choices = choices;
        this.unit = unit;
        this.meaning = meaning;
        this.scope = scope;
    }

    private static Param of(String key, ParamType type, Object def, double min, double max) {
        return new Param(key, type, def, min, max, false, 0, 0, List.of(), "", "", null);
    }

    public static Param integer(String key, int def, int min, int max) {
        return of(key, ParamType.INT, (long) def, min, max);
    }

    public static Param longInteger(String key, long def, long min, long max) {
        return of(key, ParamType.LONG, def, min, max);
    }

    public static Param real(String key, double def, double min, double max) {
        return of(key, ParamType.DOUBLE, def, min, max);
    }

    public static Param flag(String key, boolean def) {
        return of(key, ParamType.BOOLEAN, def, 0, 0);
    }

    public static Param choice(String key, String def, List<String> choices) {
        return new Param(key, ParamType.CHOICE, def, 0, 0, false, 0, 0, List.copyOf(choices), "", "", null);
    }

    /** A list of {@code minLength..maxLength} integers, each in [min, max]. */
    public static Param integers(String key, int[] def, int minLength, int maxLength, int min, int max) {
        return new Param(key, ParamType.INT_LIST, def.clone(), min, max, false, minLength, maxLength, List.of(),
            "", "", null);
    }

    /** A list of {@code minLength..maxLength} numbers, each in [min, max]. */
    public static Param reals(String key, double[] def, int minLength, int maxLength, double min, double max) {
        return new Param(key, ParamType.DOUBLE_LIST, def.clone(), min, max, false, minLength, maxLength,
            List.of(), "", "", null);
    }

    /** The lower bound is exclusive: (min, max]. */
    public Param openLow() {
        return new Param(key, type, defaultValue, min, max, true, minLength, maxLength, choices, unit, meaning, scope);
    }

    public Param model(String unit, String meaning) {
        return describe(unit, meaning, ParamScope.MODEL);
    }

    public Param desk(String unit, String meaning) {
        return describe(unit, meaning, ParamScope.DESK);
    }

    private Param describe(String unit, String meaning, ParamScope scope) {
        return new Param(key, type, defaultValue, min, max, lowOpen, minLength, maxLength, choices, unit, meaning,
            scope);
    }

    public String key() {
        return key;
    }

    public ParamType type() {
        return type;
    }

    public String unit() {
        return unit;
    }

    public String meaning() {
        return meaning;
    }

    public ParamScope scope() {
        return scope;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public boolean lowOpen() {
        return lowOpen;
    }

    public int minLength() {
        return minLength;
    }

    public int maxLength() {
        return maxLength;
    }

    public List<String> choices() {
        return choices;
    }

    /** The default, a copy when it is an array. */
    public Object defaultValue() {
        return copy(defaultValue);
    }

    /** Throws a {@link ConfigException} naming this key when {@code value} is outside the row's range. */
    void check(Object value) {
        switch (type) {
            case INT, LONG -> ConfigException.checkRange(key, (long) value, (long) min, (long) max);
            case DOUBLE -> checkReal((double) value);
            case CHOICE -> {
                if (!choices.contains(value)) {
                    throw new ConfigException(key, "must be one of " + choices + ", got \"" + value + "\"");
                }
            }
            case INT_LIST -> {
                int[] a = (int[]) value;
                checkLength(a.length);
                for (int v : a) {
                    ConfigException.checkRange(key, v, (long) min, (long) max);
                }
            }
            case DOUBLE_LIST -> {
                double[] a = (double[]) value;
                checkLength(a.length);
                for (double v : a) {
                    checkReal(v);
                }
            }
            case BOOLEAN -> { }
            default -> throw new AssertionError(type);
        }
    }

    private void checkReal(double v) {
        if (lowOpen) {
            ConfigException.checkOpenLow(key, v, min, max);
        } else {
            ConfigException.checkRange(key, v, min, max);
        }
    }

    private void checkLength(int n) {
        if (n < minLength || n > maxLength) {
            throw new ConfigException(key, "needs " + minLength + " to " + maxLength + " values, got " + n);
        }
    }

    /** The valid range as the error messages spell it: {@code [1, 64]}, {@code (0.0, 1.0]}, choices, lengths. */
    public String rangeText() {
        return switch (type) {
            case BOOLEAN -> "true, false";
            case CHOICE -> String.join(", ", choices);
            case INT_LIST, DOUBLE_LIST -> minLength + "-" + maxLength + " x " + interval();
            default -> interval();
        };
    }

    private String interval() {
        return (lowOpen ? "(" : "[") + bound(min) + ", " + bound(max) + "]";
    }

    /** A bound as the schema and messages print it: integral types without a fraction. */
    public String bound(double v) {
        return type.integral() ? Long.toString((long) v) : Double.toString(v);
    }

    /** A value of this row as text: {@code 3}, {@code 0.557}, {@code [1, 5, 10]}, {@code EQUAL_WEIGHT}. */
    public String format(Object value) {
        if (value instanceof int[] a) {
            return Arrays.toString(a);
        }
        if (value instanceof double[] a) {
            return Arrays.toString(a);
        }
        return String.valueOf(value);
    }

    static Object copy(Object value) {
        if (value instanceof int[] a) {
            return a.clone();
        }
        if (value instanceof double[] a) {
            return a.clone();
        }
        return value;
    }

    @Override
    public String toString() {
        return key;
    }
}
