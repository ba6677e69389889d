package io.sentio.core.config;

import java.nio.charset.StandardCharsets;

/**
 * One value per row of a {@link ParamTable}, starting at the defaults. Mutable while a file or a
 * builder fills it; {@link #validate()} checks every row and names the first bad key. Not for the
 * hot path: {@link StrategyParams} and {@link OesParams} copy the values into primitive fields.
 */
public final class ParamValues {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private final ParamTable table;
    private final Object[] values;

    ParamValues(ParamTable table) {
        this.table = table;
        this.values = new Object[table.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = table.params().get(i).defaultValue();
        }
    }

    private ParamValues(ParamValues from) {
        this.table = from.table;
        this.values = new Object[from.values.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = Param.copy(from.values[i]);
        }
    }

    public ParamTable table() {
        return table;
    }

    public ParamValues copy() {
        return new ParamValues(this);
    }

    /**
     * Sets a row's value. Integral numbers go to INT, LONG and DOUBLE rows, any number to DOUBLE
     * rows; any other mismatch is a programming error, not a config error.
     */
    public ParamValues set(Param p, Object value) {
        values[table.indexOf(p)] = normalize(p, value);
        return this;
    }

    private static Object normalize(Param p, Object v) {
        boolean integral = v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte;
        Object out = switch (p.type()) {
            case INT, LONG -> integral ? (Object) ((Number) v).longValue() : null;
            case DOUBLE -> v instanceof Number n ? (Object) n.doubleValue() : null;
            case BOOLEAN -> v instanceof Boolean ? v : null;
            case CHOICE -> v instanceof String ? v : null;
            case INT_LIST -> v instanceof int[] a ? a.clone() : null;
            case DOUBLE_LIST -> v instanceof double[] a ? a.clone() : null;
        };
        if (out == null) {
            throw new IllegalArgumentException(p.key() + ": a " + p.type() + " cannot take " + v);
        }
        return out;
    }

    public Object get(Param p) {
        return Param.copy(values[table.indexOf(p)]);
    }

    public long longValue(Param p) {
        return (long) values[table.indexOf(p)];
    }

    /** An INT row's value; {@link #validate()} has kept it inside its int range. */
    public int intValue(Param p) {
        return Math.toIntExact(longValue(p));
    }

    public double doubleValue(Param p) {
        return (double) values[table.indexOf(p)];
    }

    public boolean flag(Param p) {
        return (boolean) values[table.indexOf(p)];
    }

    public String text(Param p) {
        return (String) values[table.indexOf(p)];
    }

    public int[] ints(Param p) {
        return ((int[]) values[table.indexOf(p)]).clone();
    }

    public double[] reals(Param p) {
        return ((double[]) values[table.indexOf(p)]).clone();
    }

    /** A row's value as {@link Param#format} prints it. */
    public String format(Param p) {
        return p.format(values[table.indexOf(p)]);
    }

    /** Checks every row in table order; throws a {@link ConfigException} naming the first bad key. */
    public ParamValues validate() {
        for (int i = 0; i < values.length; i++) {
            table.params().get(i).check(values[i]);
        }
        return this;
    }

    /**
     * A 64-bit FNV-1a hash of the keys and values of one scope, in table order: two runs whose
     * {@link ParamScope#MODEL} fingerprints match train identical learners.
     */
    public long fingerprint(ParamScope scope) {
        long h = FNV_OFFSET;
        for (Param p : table.params()) {
            if (p.scope() == scope) {
                for (byte b : (p.key() + "=" + format(p) + ";").getBytes(StandardCharsets.UTF_8)) {
                    h = (h ^ (b & 0xff)) * FNV_PRIME;
                }
            }
        }
        return h;
    }

    /** The rows of one scope as {@code key=value;} text, in table order. */
    public String toString(ParamScope scope) {
        StringBuilder sb = new StringBuilder();
        for (Param p : table.params()) {
            if (p.scope() == scope) {
                sb.append(p.key()).append('=').append(format(p)).append(';');
            }
        }
        return sb.toString();
    }

    /** The key of the first row of {@code scope} whose value differs in {@code other} (same table), or null. */
    public String firstDifference(ParamValues other, ParamScope scope) {
        for (Param p : table.params()) {
            if (p.scope() == scope && !format(p).equals(other.format(p))) {
                return p.key();
            }
        }
        return null;
    }

    /** The rows whose key starts with {@code prefix}, as {@code key=value} pairs with the prefix cut off. */
    public String toString(String prefix) {
        StringBuilder sb = new StringBuilder();
        for (Param p : table.params()) {
            if (p.key().startsWith(prefix)) {
                sb.append(sb.length() == 0 ? "" : ", ").append(p.key().substring(prefix.length()))
                    .append('=').append(format(p));
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return toString("");
    }
}
