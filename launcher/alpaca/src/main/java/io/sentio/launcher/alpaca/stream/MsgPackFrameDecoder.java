package io.sentio.launcher.alpaca.stream;

import io.sentio.launcher.alpaca.Rfc3339;
import io.sentio.launcher.alpaca.SymbolTable;
import java.io.IOException;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessageInsufficientBufferException;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessageSizeException;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.core.buffer.ArrayBufferInput;
import org.msgpack.value.ValueType;

/**
 * Decodes a MessagePack binary frame (an array of maps, the same keys as the JSON form, {@code t} a
 * timestamp extension, type -1) into a {@link StreamFrameHandler} with msgpack-core. Keys, types,
 * symbols and timestamps are read as bytes into reused buffers, not built into strings or Instants.
 *
 * <p>Nothing the server sends makes {@link #decode} throw: a frame that does not unpack is counted in
 * {@link FrameRejects} (the messages before the fault are delivered), and a message with a wrong-typed
 * or unusable field is counted and skipped while the rest of its frame is delivered.
 */
public final class MsgPackFrameDecoder {
    static final int MAX_FRAME_BYTES = 1 << 20;
    private static final byte TIMESTAMP_TYPE = -1;
    private final ArrayBufferInput input = new ArrayBufferInput(new byte[0]);
    private final MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(input);
    private final StreamMessage message = new StreamMessage();
    private final SymbolTable symbols;
    private final FrameRejects rejects;
    private final byte[] bytes = new byte[64];
    private final char[] scratch = new char[64];
    private int frameLength;

    public MsgPackFrameDecoder(SymbolTable symbols, FrameRejects rejects) {
        this.symbols = symbols;
        this.rejects = rejects;
    }

    public void decode(byte[] frame, StreamFrameHandler handler) {
        if (frame.length > MAX_FRAME_BYTES) {
            rejects.reject(FrameReject.OVERSIZED, frame.length + " bytes");
            return;
        }
        try {
            input.reset(frame);
            unpacker.reset(input);
            frameLength = frame.length;
            if (!unpacker.hasNext()) {
                rejects.reject(FrameReject.MALFORMED, "an empty frame");
                return;
            }
            ValueType first = unpacker.getNextFormat().getValueType();
            if (first == ValueType.ARRAY) {
                int n = count(unpacker.unpackArrayHeader());
                for (int i = 0; i < n; i++) {
                    if (unpacker.getNextFormat().getValueType() == ValueType.MAP) {
                        message(handler);
                    } else {
                        rejects.reject(FrameReject.WRONG_TYPE, "an array element that is not a message map");
                        unpacker.skipValue();
                    }
                }
            } else if (first == ValueType.MAP) {
                message(handler);
            } else {
                rejects.reject(FrameReject.MALFORMED, "a frame that is neither an array nor a map");
                return;
            }
            if (unpacker.hasNext()) {
                rejects.reject(FrameReject.MALFORMED, "bytes after the frame's array or map");
            }
        } catch (MessageInsufficientBufferException e) {
            rejects.reject(FrameReject.MALFORMED, "a truncated frame");
        } catch (MessageSizeException e) {
            rejects.reject(FrameReject.OVERSIZED, e.getMessage());
        } catch (IOException | MessagePackException e) {
            // format bytes never used, integer overflows, and the like
            rejects.reject(FrameReject.MALFORMED, e.getClass().getSimpleName());
        }
    }

    /**
     * An array or map header's element count, refused when the frame's remaining bytes cannot hold
     * that many elements (one byte each at least): a forged count never sizes an allocation.
     */
    private int count(int n) {
        return fits(n, "elements");
    }

    /**
     * A string's or extension's payload length, refused when the frame's remaining bytes cannot hold
     * it: msgpack-core would allocate a buffer of the announced length to read or step over it.
     */
    private int fits(int n, String what) {
        if (n > frameLength - unpacker.getTotalReadBytes()) {
            throw new MessageInsufficientBufferException("header announces " + n + " " + what);
        }
        return n;
    }

    private void message(StreamFrameHandler handler) throws IOException {
        StreamMessage m = message.reset();
        int fields = count(unpacker.unpackMapHeader());
        for (int f = 0; f < fields; f++) {
            if (!isNext(ValueType.STRING)) {
                unpacker.skipValue(2);
                continue;
            }
            int keyLength = readAscii();
            char key = keyLength == 1 ? scratch[0] : 0;
            switch (key) {
                case 'T': type(m); break;
                case 'S':
                    if (isNext(ValueType.STRING)) {
                        int n = readAscii();
                        m.symbol = n <= scratch.length ? symbols.indexOf(scratch, 0, n) : -1;
                    } else {
                        wrongType(m, "S");
                    }
                    break;
                case 't': m.epochSecond = time(m); break;
                case 'o': m.open = number(m, "o"); break;
                case 'h': m.high = number(m, "h"); break;
                case 'l': m.low = number(m, "l"); break;
                case 'c': m.close = number(m, "c"); break;
                case 'v': m.volume = number(m, "v"); break;
                default: other(m, keyLength);
            }
        }
        m.deliver(handler, rejects);
    }

    private void type(StreamMessage m) throws IOException {
        if (!isNext(ValueType.STRING)) {
            wrongType(m, "T");
            return;
        }
        int n = readAscii();
        if (n == 1) {
            m.type = scratch[0];
        } else {
            m.typeText = new String(scratch, 0, Math.min(n, scratch.length));
        }
    }

    /** The control-message fields (code, msg, bars, updatedBars); anything else is skipped. */
    private void other(StreamMessage m, int keyLength) throws IOException {
        if (is("code", keyLength)) {
            if (isNext(ValueType.INTEGER)) {
                var code = unpacker.unpackValue().asIntegerValue();
                if (code.isInIntRange()) {
                    m.code = code.toInt();
                } else {
                    m.problem(FrameReject.BAD_VALUE, "code");
                }
            } else {
                wrongType(m, "code");
            }
        } else if (is("msg", keyLength)) {
            if (isNext(ValueType.STRING)) {
                m.msg = unpacker.unpackString();
            } else {
                wrongType(m, "msg");
            }
        } else if (is("bars", keyLength)) {
            m.bars = strings(m, "bars");
        } else if (is("updatedBars", keyLength)) {
            m.updatedBars = strings(m, "updatedBars");
        } else {
            unpacker.skipValue();
        }
    }

    private boolean isNext(ValueType type) throws IOException {
        return unpacker.getNextFormat().getValueType() == type;
    }

    private void wrongType(StreamMessage m, String field) throws IOException {
        m.problem(FrameReject.WRONG_TYPE, field);
        unpacker.skipValue();
    }

    /** Integers (volumes) and floats (prices) alike. */
    private double number(StreamMessage m, String field) throws IOException {
        ValueType type = unpacker.getNextFormat().getValueType();
        if (type == ValueType.FLOAT) {
            return unpacker.unpackDouble();
        }
        if (type == ValueType.INTEGER) {
            // unpackLong refuses the upper half of uint64; such a volume is garbage, but an unusable value, not a malformed frame
            return unpacker.getNextFormat() == MessageFormat.UINT64 ? unpacker.unpackBigInteger().doubleValue() : unpacker.unpackLong();
        }
        wrongType(m, field);
        return Double.NaN;
    }

    /** A timestamp extension (type -1, 4, 8 or 12 bytes) or an RFC-3339 string; epoch seconds. */
    private long time(StreamMessage m) throws IOException {
        ValueType type = unpacker.getNextFormat().getValueType();
        if (type == ValueType.STRING) {
            int n = readAscii();
            try {
                return Rfc3339.parseEpochSecond(scratch, 0, Math.min(n, scratch.length));
            } catch (IllegalArgumentException e) {
                m.problem(FrameReject.BAD_VALUE, "t");
                return Long.MIN_VALUE;
            }
        }
        if (type != ValueType.EXTENSION) {
            wrongType(m, "t");
            return Long.MIN_VALUE;
        }
        var header = unpacker.unpackExtensionTypeHeader();
        int n = fits(header.getLength(), "bytes");
        if (header.getType() != TIMESTAMP_TYPE || (n != 4 && n != 8 && n != 12)) {
            unpacker.readPayloadAsReference(n);
            m.problem(FrameReject.WRONG_TYPE, "t");
            return Long.MIN_VALUE;
        }
        unpacker.readPayload(bytes, 0, n);
        if (n == 4) {
            return be(0, 4);
        }
        if (n == 8) {
            return be(0, 8) & 0x3_ffff_ffffL;
        }
        return be(4, 8);
    }

    /** The big-endian integer in {@code bytes[from, from + n)}. */
    private long be(int from, int n) {
        long v = 0;
        for (int i = from; i < from + n; i++) {
            v = (v << 8) | (bytes[i] & 0xff);
        }
        return v;
    }

    /**
     * Reads the next string's bytes as Latin-1 chars into {@code scratch} (keys, types, symbols and
     * timestamps are ASCII) and returns its full length; only the first {@code scratch.length} chars are kept.
     */
    private int readAscii() throws IOException {
        int n = fits(unpacker.unpackRawStringHeader(), "bytes");
        int kept = Math.min(n, scratch.length);
        unpacker.readPayload(bytes, 0, kept);
        if (n > kept) {
            unpacker.readPayloadAsReference(n - kept);
        }
        for (int i = 0; i < kept; i++) {
            scratch[i] = (char) (bytes[i] & 0xff);
        }
        return n;
    }

    private boolean is(String key, int length) {
        if (length != key.length() || length > scratch.length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (scratch[i] != key.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private String[] strings(StreamMessage m, String field) throws IOException {
        if (!isNext(ValueType.ARRAY)) {
            wrongType(m, field);
            return null;
        }
        String[] out = new String[count(unpacker.unpackArrayHeader())];
        for (int i = 0; i < out.length; i++) {
            if (isNext(ValueType.STRING)) {
                out[i] = unpacker.unpackString();
            } else {
                wrongType(m, field);
            }
        }
        return out;
    }
}
