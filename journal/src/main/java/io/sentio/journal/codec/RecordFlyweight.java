package io.sentio.journal.codec;

import static io.sentio.journal.codec.JournalFormat.FORMAT_VERSION;
import static io.sentio.journal.codec.JournalFormat.KIND;
import static io.sentio.journal.codec.JournalFormat.LENGTH;
import static io.sentio.journal.codec.JournalFormat.ORDER;
import static io.sentio.journal.codec.JournalFormat.SEQUENCE;
import static io.sentio.journal.codec.JournalFormat.VERSION;

import org.agrona.MutableDirectBuffer;

/**
 * Base of the Agrona-style flyweights over one record ({@link JournalFormat}). A flyweight
 * holds no record data itself: it is wrapped over a buffer and reused, so encoding and
 * decoding allocate nothing.
 */
public abstract class RecordFlyweight {
    protected MutableDirectBuffer buffer;
    protected int offset;

    protected final void wrapBuffer(MutableDirectBuffer buffer, int offset) {
        this.buffer = buffer;
        this.offset = offset;
    }

    /** Zeroes the record's bytes and writes the common header. */
    protected final void putHeader(RecordKind kind, int length, long sequence) {
        buffer.setMemory(offset, length, (byte) 0);
        buffer.putByte(offset + KIND, kind.code());
        buffer.putByte(offset + FORMAT_VERSION, VERSION);
        buffer.putInt(offset + LENGTH, length, ORDER);
        buffer.putLong(offset + SEQUENCE, sequence, ORDER);
    }

    public final RecordKind kind() {
        return RecordKind.fromCode(buffer.getByte(offset + KIND));
    }

    public final int version() {
        return buffer.getByte(offset + FORMAT_VERSION);
    }

    public final int length() {
        return buffer.getInt(offset + LENGTH, ORDER);
    }

    /** The desk the record belongs to (0: the trading desk; always 0 before format version 3). */
    public final int desk() {
        return buffer.getShort(offset + JournalFormat.DESK, ORDER) & 0xFFFF;
    }

    public final long sequence() {
        return buffer.getLong(offset + SEQUENCE, ORDER);
    }

    public final MutableDirectBuffer buffer() {
        return buffer;
    }

    public final int offset() {
        return offset;
    }

    protected final long getLong(int field) {
        return buffer.getLong(offset + field, ORDER);
    }

    protected final void putLong(int field, long value) {
        buffer.putLong(offset + field, value, ORDER);
    }

    protected final int getInt(int field) {
        return buffer.getInt(offset + field, ORDER);
    }

    protected final void putInt(int field, int value) {
        buffer.putInt(offset + field, value, ORDER);
    }

    protected final int getShort(int field) {
        return buffer.getShort(offset + field, ORDER);
    }

    protected final void putShort(int field, int value) {
        buffer.putShort(offset + field, (short) value, ORDER);
    }

    protected final double getDouble(int field) {
        return buffer.getDouble(offset + field, ORDER);
    }

    protected final void putDouble(int field, double value) {
        buffer.putDouble(offset + field, value, ORDER);
    }

    protected final byte getByte(int field) {
        return buffer.getByte(offset + field);
    }

    protected final void putByte(int field, byte value) {
        buffer.putByte(offset + field, value);
    }

    /** Writes ASCII text at {@code field} without allocating; returns its length. */
    protected final int putAscii(int field, CharSequence text, int max, boolean truncate, String what) {
        int n = text.length();
        if (n > max) {
            if (!truncate) {
                throw new IllegalArgumentException(what + " longer than " + max + " characters: " + text);
            }
            n = max;
        }
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c > 127) {
                throw new IllegalArgumentException(what + " is not ASCII: " + text);
            }
            buffer.putByte(offset + field + i, (byte) c);
        }
        return n;
    }

    protected final String getAscii(int field, int length) {
        return buffer.getStringWithoutLengthAscii(offset + field, length);
    }

    protected final void appendAscii(int field, int length, StringBuilder out) {
        for (int i = 0; i < length; i++) {
            out.append((char) buffer.getByte(offset + field + i));
        }
    }
}
