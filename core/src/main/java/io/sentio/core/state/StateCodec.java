package io.sentio.core.feature;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * One walk over a component's state serves four purposes (length, write, read, hash), so the
 * snapshot layout, the restore and the state hash can never disagree about which fields exist or
 * in which order. Components expose {@code void visit(StateCodec c)} and write every field as
 * {@code field = c.d(field)}. Little-endian, fixed layout.
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
