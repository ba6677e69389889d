package io.sentio.launcher.alpaca.stream;

import io.sentio.launcher.alpaca.Rfc3339;
import io.sentio.launcher.alpaca.SymbolTable;
import java.io.IOException;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.core.buffer.ArrayBufferInput;
import org.msgpack.value.ValueType;

/**
 * Decodes a MessagePack binary frame (an array of maps, the same keys as the JSON form, {@code t} a
 * timestamp extension, type -1) into a {@link StreamFrameHandler} with msgpack-core. Keys and symbols
 * are compared as bytes in a reused buffer, not built into strings.
 */
public final class MsgPackFrameDecoder {
    private final ArrayBufferInput input = new ArrayBufferInput(new byte[0]);
    private final MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(input);
    private final StreamMessage message = new StreamMessage();
    private final SymbolTable symbols;
    private final byte[] bytes = new byte[32];
    private final char[] scratch = new char[32];

    public MsgPackFrameDecoder(SymbolTable symbols) {
        this.symbols = symbols;
    }

    public void decode(byte[] frame, StreamFrameHandler handler) throws IOException {
        input.reset(frame);
        unpacker.reset(input);
        if (unpacker.getNextFormat().getValueType() == ValueType.ARRAY) {
            int n = unpacker.unpackArrayHeader();
            for (int i = 0; i < n; i++) {
                message(handler);
            }
        } else {
            message(handler);
        }
    }

    private void message(StreamFrameHandler handler) throws IOException {
        StreamMessage m = message.reset();
        int fields = unpacker.unpackMapHeader();
        for (int f = 0; f < fields; f++) {
            if (unpacker.getNextFormat().getValueType() != ValueType.STRING) {
                unpacker.skipValue(2);
                continue;
            }
            int keyLength = readAscii();
            char key = keyLength == 1 ? scratch[0] : 0;
            switch (key) {
                case 'T': {
                    int n = readAscii();
                    if (n == 1) {
                        m.type = scratch[0];
                    } else {
                        m.typeText = new String(scratch, 0, Math.min(n, scratch.length));
                    }
                    break;
                }
                case 'S': {
                    int n = readAscii();
                    m.symbol = n <= scratch.length ? symbols.indexOf(scratch, 0, n) : -1;
                    break;
                }
                case 't':
                    m.epochSecond = unpacker.getNextFormat().getValueType() == ValueType.EXTENSION
                        ? unpacker.unpackTimestamp().getEpochSecond() : Rfc3339.parseEpochSecond(unpacker.unpackString());
                    break;
                case 'o': m.open = number(); break;
                case 'h': m.high = number(); break;
                case 'l': m.low = number(); break;
                case 'c': m.close = number(); break;
                case 'v': m.volume = number(); break;
                default:
                    if (is("code", keyLength)) {
                        m.code = unpacker.unpackInt();
                    } else if (is("msg", keyLength)) {
                        m.msg = unpacker.unpackString();
                    } else if (is("bars", keyLength)) {
                        m.bars = strings();
                    } else if (is("updatedBars", keyLength)) {
                        m.updatedBars = strings();
                    } else {
                        unpacker.skipValue();
                    }
            }
        }
        m.deliver(handler);
    }

    /** Integers (volumes) and floats (prices) alike. */
    private double number() throws IOException {
        return unpacker.getNextFormat().getValueType() == ValueType.INTEGER ? unpacker.unpackLong() : unpacker.unpackDouble();
    }

    /**
     * Reads the next string's bytes as Latin-1 chars into {@code scratch} (keys, types and symbols are
     * ASCII) and returns its full length; only the first {@code scratch.length} chars are kept.
     */
    private int readAscii() throws IOException {
        int n = unpacker.unpackRawStringHeader();
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

    private String[] strings() throws IOException {
        if (unpacker.getNextFormat().getValueType() != ValueType.ARRAY) {
            unpacker.skipValue();
            return new String[0];
        }
        String[] out = new String[unpacker.unpackArrayHeader()];
        for (int i = 0; i < out.length; i++) {
            out[i] = unpacker.unpackString();
        }
        return out;
    }
}
