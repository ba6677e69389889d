package io.sentio.core.state;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * One walk over a component's state serves four purposes (length, write, read, hash), so the
 * snapshot layout, the restore and the state hash can never disagree about which fields exist or
 * in which order. Components implement {@link Stateful} and write every field as
 * {@code field = c.d(field)}. Little-endian, fixed layout.
 *
 * <p>This is the engine's only hash: the run state hash is one hashing walk over every
 * component, and byte fingerprints (state files, params files) feed their bytes through
 * {@link #bytes} in the same mix.
 */
public final class StateCodec {
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;
    private static final int LENGTH = 0;
    private static final int WRITE = 1;
    private static final int READ = 2;
    private static final int HASH = 3;

    private int mode;
    private int offset;
    private MutableDirectBuffer out;
    private DirectBuffer in;
    private long hash;

    public StateCodec measuring() {
        mode = LENGTH;
        offset = 0;
        return this;
    }

    public StateCodec writingTo(MutableDirectBuffer buffer, int offset) {
        mode = WRITE;
        out = buffer;
        this.offset = offset;
        return this;
    }

    public StateCodec readingFrom(DirectBuffer buffer, int offset) {
        mode = READ;
        in = buffer;
        this.offset = offset;
        return this;
    }

    public StateCodec hashing() {
        mode = HASH;
        hash = 0x6A09E667F3BCC908L;
        return this;
    }

    /** Byte position after the last field visited (the length when measuring from 0). */
    public int offset() {
        return offset;
    }

    public long hash() {
        return fmix(hash);
    }

    /** Drops the buffer references so a long-lived codec does not pin a caller's buffer. */
    public void release() {
        out = null;
        in = null;
    }

    public double d(double v) {
        switch (mode) {
            case WRITE:
                out.putDouble(offset, v, ORDER);
                offset += Double.BYTES;
                return v;
            case READ:
                double r = in.getDouble(offset, ORDER);
                offset += Double.BYTES;
                return r;
            case HASH:
                mix(Double.doubleToRawLongBits(v));
                return v;
            default:
                offset += Double.BYTES;
                return v;
        }
    }

    public long l(long v) {
        switch (mode) {
            case WRITE:
                out.putLong(offset, v, ORDER);
                offset += Long.BYTES;
                return v;
            case READ:
                long r = in.getLong(offset, ORDER);
                offset += Long.BYTES;
                return r;
            case HASH:
                mix(v);
                return v;
            default:
                offset += Long.BYTES;
                return v;
        }
    }

    public int i(int v) {
        switch (mode) {
            case WRITE:
                out.putInt(offset, v, ORDER);
                offset += Integer.BYTES;
                return v;
            case READ:
                int r = in.getInt(offset, ORDER);
                offset += Integer.BYTES;
                return r;
            case HASH:
                mix(v);
                return v;
            default:
                offset += Integer.BYTES;
                return v;
        }
    }

    public boolean b(boolean v) {
        return i(v ? 1 : 0) != 0;
    }

    public void doubles(double[] a) {
        for (int k = 0; k < a.length; k++) {
            a[k] = d(a[k]);
        }
    }

    public void longs(long[] a) {
        for (int k = 0; k < a.length; k++) {
            a[k] = l(a[k]);
        }
    }

    public void ints(int[] a) {
        for (int k = 0; k < a.length; k++) {
            a[k] = i(a[k]);
        }
    }

    public void booleans(boolean[] a) {
        for (int k = 0; k < a.length; k++) {
            a[k] = b(a[k]);
        }
    }

    /**
     * Mixes {@code length} bytes as little-endian 64-bit words (a final partial word zero-padded),
     * then the length, so inputs differing only in trailing zeros hash apart. Hashing mode only.
     */
    public void bytes(DirectBuffer buffer, int offset, int length) {
        if (mode != HASH) {
            throw new IllegalStateException("raw bytes are hashed, never part of a state layout");
        }
        int k = 0;
        for (; k + Long.BYTES <= length; k += Long.BYTES) {
            mix(buffer.getLong(offset + k, ORDER));
        }
        if (k < length) {
            long word = 0;
            for (int b = 0; k + b < length; b++) {
                word |= (buffer.getByte(offset + k + b) & 0xFFL) << (8 * b);
            }
            mix(word);
        }
        mix(length);
    }

    /** Bytes {@code component}'s walk takes (its snapshot length). */
    public static int lengthOf(Stateful component) {
        StateCodec c = new StateCodec().measuring();
        component.visit(c);
        return c.offset();
    }

    /** The hash of {@code component}'s walk. Allocates a codec: not for the per-bar path. */
    public static long hashOf(Stateful component) {
        StateCodec c = new StateCodec().hashing();
        component.visit(c);
        return c.hash();
    }

    /** The fingerprint of raw bytes (a state file, a params file): {@link #bytes} in a fresh hashing walk. */
    public static long hashOf(DirectBuffer buffer, int offset, int length) {
        StateCodec c = new StateCodec().hashing();
        c.bytes(buffer, offset, length);
        return c.hash();
    }

    /** 16 lower-case hex digits, zero-padded: the form hashes are printed and compared in. */
    public static String hex(long hash) {
        String s = Long.toHexString(hash);
        return "0".repeat(16 - s.length()) + s;
    }


    private void mix(long v) {
        hash = Long.rotateLeft(hash ^ (v * 0x9E3779B97F4A7C15L), 29) * 0xBF58476D1CE4E5B9L;
    }

    private static long fmix(long h) {
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h;
    }
}
