package io.sentio.launcher.alpaca.msgpack;

import java.nio.charset.StandardCharsets;

/**
 * A pull reader over one MessagePack buffer (the subset {@link MsgPackWriter} writes plus every
 * integer/float width). Reused across frames via {@link #wrap}; reading numbers allocates nothing.
 */
public final class MsgPackReader {
    /** Value kinds as seen by {@link #peekKind()}. */
    public enum Kind { NIL, BOOL, INT, FLOAT, STRING, BINARY, ARRAY, MAP, EXT }

    private byte[] buf = new byte[0];
    private int pos;
    private int end;

    public MsgPackReader wrap(byte[] data, int offset, int length) {
        buf = data;
        pos = offset;
        end = offset + length;
        return this;
    }

    public boolean hasMore() {
        return pos < end;
    }

    public Kind peekKind() {
        int b = buf[pos] & 0xff;
        if (b <= 0x7f || b >= 0xe0) {
            return Kind.INT;
        }
        if (b <= 0x8f) {
            return Kind.MAP;
        }
        if (b <= 0x9f) {
            return Kind.ARRAY;
        }
        if (b <= 0xbf) {
            return Kind.STRING;
        }
        switch (b) {
            case 0xc0: return Kind.NIL;
            case 0xc2: case 0xc3: return Kind.BOOL;
            case 0xc4: case 0xc5: case 0xc6: return Kind.BINARY;
            case 0xc7: case 0xc8: case 0xc9: case 0xd4: case 0xd5: case 0xd6: case 0xd7: case 0xd8: return Kind.EXT;
            case 0xca: case 0xcb: return Kind.FLOAT;
            case 0xcc: case 0xcd: case 0xce: case 0xcf: case 0xd0: case 0xd1: case 0xd2: case 0xd3: return Kind.INT;
            case 0xd9: case 0xda: case 0xdb: return Kind.STRING;
            case 0xdc: case 0xdd: return Kind.ARRAY;
            case 0xde: case 0xdf: return Kind.MAP;
            default: throw error("unknown type byte 0x" + Integer.toHexString(b));
        }
    }

    public int readMapHeader() {
        int b = u8();
        if ((b & 0xf0) == 0x80) {
            return b & 0x0f;
        }
        if (b == 0xde) {
            return u16();
        }
        if (b == 0xdf) {
            return (int) u32();
        }
        throw error("expected a map");
    }

    public int readArrayHeader() {
        int b = u8();
        if ((b & 0xf0) == 0x90) {
            return b & 0x0f;
        }
        if (b == 0xdc) {
            return u16();
        }
        if (b == 0xdd) {
            return (int) u32();
        }
        throw error("expected an array");
    }

    public String readString() {
        int n = stringLength();
        String s = new String(buf, pos, n, StandardCharsets.UTF_8);
        pos += n;
        return s;
    }

    /**
     * Copies the next string's bytes (as Latin-1 chars) into {@code into} without allocating and
     * returns its full length; only the first {@code into.length} characters are copied.
     */
    public int readString(char[] into) {
        int n = stringLength();
        int copy = Math.min(n, into.length);
        for (int i = 0; i < copy; i++) {
            into[i] = (char) (buf[pos + i] & 0xff);
        }
        pos += n;
        return n;
    }

    private int stringLength() {
        int b = u8();
        if ((b & 0xe0) == 0xa0) {
            return b & 0x1f;
        }
        switch (b) {
            case 0xd9: return u8();
            case 0xda: return u16();
            case 0xdb: return (int) u32();
            default: throw error("expected a string");
        }
    }

    /** Any integer or float as a double. */
    public double readDouble() {
        int b = buf[pos] & 0xff;
        if (b == 0xcb) {
            pos++;
            return Double.longBitsToDouble(u64());
        }
        if (b == 0xca) {
            pos++;
            return Float.intBitsToFloat((int) u32());
        }
        return readLong();
    }

    public long readLong() {
        int b = u8();
        if (b <= 0x7f) {
            return b;
        }
        if (b >= 0xe0) {
            return (byte) b;
        }
        switch (b) {
            case 0xcc: return u8();
            case 0xcd: return u16();
            case 0xce: return u32();
            case 0xcf: case 0xd3: return u64();
            case 0xd0: return (byte) u8();
            case 0xd1: return (short) u16();
            case 0xd2: return (int) u32();
            default: throw error("expected an integer");
        }
    }

    public boolean readBool() {
        int b = u8();
        if (b == 0xc3 || b == 0xc2) {
            return b == 0xc3;
        }
        throw error("expected a boolean");
    }

    /** Epoch second of a timestamp extension (type -1, any of its three forms); nanoseconds are dropped. */
    public long readTimestampSecond() {
        int b = u8();
        int len;
        switch (b) {
            case 0xd6: len = 4; break;
            case 0xd7: len = 8; break;
            case 0xc7: len = u8(); break;
            default: throw error("expected a timestamp extension");
        }
        if ((byte) u8() != -1) {
            throw error("extension is not a timestamp (type -1)");
        }
        if (len == 4) {
            return u32();
        }
        if (len == 8) {
            return u64() & 0x3ffffffffL;
        }
        if (len == 12) {
            u32();
            return u64();
        }
        throw error("bad timestamp length " + len);
    }

    /** Skips one complete value, containers included. */
    public void skip() {
        switch (peekKind()) {
            case NIL: case BOOL: pos++; return;
            case INT: readLong(); return;
            case FLOAT: readDouble(); return;
            case STRING: pos += stringLength(); return;
            case BINARY: {
                int b = u8();
                pos += b == 0xc4 ? u8() : b == 0xc5 ? u16() : (int) u32();
                return;
            }
            case EXT: {
                int b = u8();
                int len = b == 0xd4 ? 1 : b == 0xd5 ? 2 : b == 0xd6 ? 4 : b == 0xd7 ? 8 : b == 0xd8 ? 16
                    : b == 0xc7 ? u8() : b == 0xc8 ? u16() : (int) u32();
                pos += 1 + len;
                return;
            }
            case ARRAY: {
                int n = readArrayHeader();
                for (int i = 0; i < n; i++) {
                    skip();
                }
                return;
            }
            case MAP: {
                int n = readMapHeader();
                for (int i = 0; i < 2 * n; i++) {
                    skip();
                }
                return;
            }
            default: throw error("cannot skip");
        }
    }

    private int u8() {
        if (pos >= end) {
            throw error("truncated message");
        }
        return buf[pos++] & 0xff;
    }

    private int u16() {
        return (u8() << 8) | u8();
    }

    private long u32() {
        return ((long) u16() << 16) | u16();
    }

    private long u64() {
        return (u32() << 32) | u32();
    }

    private IllegalStateException error(String what) {
        return new IllegalStateException("msgpack: " + what + " at byte " + pos);
    }
}
