package io.sentio.launcher.alpaca.exchange;

import java.math.BigDecimal;

/** A small JSON text builder for the stand-in's answers; commas are managed by nesting level. */
final class JsonWriter {
    private final StringBuilder b = new StringBuilder(256);
    private final boolean[] first = new boolean[32];
    private int depth;
    private boolean pendingName;

    JsonWriter beginObject() {
        value();
        b.append('{');
        first[++depth] = true;
        return this;
    }

    JsonWriter endObject() {
        depth--;
        b.append('}');
        return this;
    }

    JsonWriter beginArray() {
        value();
        b.append('[');
        first[++depth] = true;
        return this;
    }

    JsonWriter endArray() {
        depth--;
        b.append(']');
        return this;
    }

    JsonWriter name(String n) {
        separator();
        quote(n);
        b.append(':');
        pendingName = true;
        return this;
    }

    JsonWriter string(String s) {
        value();
        if (s == null) {
            b.append("null");
        } else {
            quote(s);
        }
        return this;
    }

    /** A number written as Alpaca's trading API does: a decimal string. */
    JsonWriter numberString(double v) {
        return string(Double.isNaN(v) ? null : decimal(v));
    }

    JsonWriter number(double v) {
        value();
        b.append(decimal(v));
        return this;
    }

    JsonWriter number(long v) {
        value();
        b.append(v);
        return this;
    }

    JsonWriter bool(boolean v) {
        value();
        b.append(v);
        return this;
    }

    JsonWriter nullValue() {
        value();
        b.append("null");
        return this;
    }

    JsonWriter field(String n, String v) {
        return name(n).string(v);
    }

    static String decimal(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return BigDecimal.valueOf(v).toPlainString();
    }

    private void value() {
        if (pendingName) {
            pendingName = false;
            first[depth] = false;
            return;
        }
        separator();
    }

    private void separator() {
        if (depth > 0) {
            if (!first[depth]) {
                b.append(',');
            }
            first[depth] = false;
        }
    }

    private void quote(String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        b.append('"');
    }

    @Override
    public String toString() {
        return b.toString();
    }
}
