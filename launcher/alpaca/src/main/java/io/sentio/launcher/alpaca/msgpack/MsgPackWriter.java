package io.sentio.launcher.alpaca.msgpack;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The subset of MessagePack (msgpack.org spec) the Alpaca stream uses: maps, arrays, strings,
 * integers, float64, nil, booleans and the timestamp extension (type -1). Writes into a growable
 * buffer that the owner resets and reuses.
 */
public final class MsgPackWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

    public MsgPackWriter reset() {
        out.reset();
        return this;
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }

    public MsgPackWriter mapHeader(int size) {
        if (size < 16) {
            out.write(0x80 | size);
        } else if (size < 65536) {
            out.write(0xde);
            u16(size);
        } else {
            out.write(0xdf);
            u32(size);
        }
        return this;
    }

    public MsgPackWriter arrayHeader(int size) {
        if (size < 16) {
            out.write(0x90 | size);
        } else if (size < 65536) {
            out.write(0xdc);
            u16(size);
        } else {
            out.write(0xdd);
            u32(size);
        }
        return this;
    }

    public MsgPackWriter string(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        int n = b.length;
        if (n < 32) {
            out.write(0xa0 | n);
        } else if (n < 256) {
            out.write(0xd9);
            out.write(n);
        } else if (n < 65536) {
            out.write(0xda);
            u16(n);
        } else {
            out.write(0xdb);
            u32(n);
        }
        out.write(b, 0, n);
        return this;
    }

    public MsgPackWriter integer(long v) {
        if (v >= 0 && v < 128) {
            out.write((int) v);
        } else if (v < 0 && v >= -32) {
            out.write((int) (v & 0xff));
        } else if (v >= 0 && v <= 0xffffffffL) {
            out.write(0xce);
            u32(v);
        } else {
            out.write(v >= 0 ? 0xcf : 0xd3);
            u64(v);
        }
        return this;
    }

    public MsgPackWriter float64(double v) {
        out.write(0xcb);
        u64(Double.doubleToRawLongBits(v));
        return this;
    }

    public MsgPackWriter nil() {
        out.write(0xc0);
        return this;
    }

    public MsgPackWriter bool(boolean v) {
        out.write(v ? 0xc3 : 0xc2);
        return this;
    }

    /** Timestamp extension type -1: 32-bit form when it fits, else the 96-bit form. */
    public MsgPackWriter timestamp(long epochSecond, int nanos) {
        if (nanos == 0 && epochSecond >= 0 && epochSecond <= 0xffffffffL) {
            out.write(0xd6);
            out.write(0xff);
            u32(epochSecond);
        } else {
            out.write(0xc7);
            out.write(12);
            out.write(0xff);
            u32(nanos);
            u64(epochSecond);
        }
        return this;
    }

    private void u16(int v) {
        out.write(v >>> 8);
        out.write(v);
    }

    private void u32(long v) {
        out.write((int) (v >>> 24));
        out.write((int) (v >>> 16));
        out.write((int) (v >>> 8));
        out.write((int) v);
    }

    private void u64(long v) {
        u32(v >>> 32);
        u32(v & 0xffffffffL);
    }
}
