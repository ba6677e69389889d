package io.sentio.launcher.exchange;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.sentio.launcher.alpaca.AlpacaTime;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import okhttp3.WebSocket;
import okio.ByteString;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

/**
 * One market-data frame, written once by {@link FeedFrames} and encoded as the connection asked: a JSON
 * text frame (Jackson's generator) or a MessagePack binary frame (msgpack-core's packer). Arrays and
 * maps give their size up front, which MessagePack needs and JSON ignores, and are ended, which JSON
 * needs and MessagePack ignores. The encodings differ where Alpaca's do: times are RFC-3339 UTC text
 * in JSON and a timestamp extension in MessagePack; prices are float64 in MessagePack and lose a
 * whole value's fraction in JSON.
 */
abstract class FrameWriter {
    private static final JsonFactory JSON = new JsonFactory();

    static FrameWriter of(boolean msgpack) {
        return msgpack ? new MsgPack() : new Json();
    }

    abstract FrameWriter startArray(int size) throws IOException;

    abstract FrameWriter endArray() throws IOException;

    abstract FrameWriter startMap(int size) throws IOException;

    abstract FrameWriter endMap() throws IOException;

    abstract FrameWriter key(String name) throws IOException;

    abstract FrameWriter text(String v) throws IOException;

    abstract FrameWriter integer(long v) throws IOException;

    /** A whole value as an integer, any other as a float (volumes: Alpaca sends them so in both). */
    abstract FrameWriter number(double v) throws IOException;

    abstract FrameWriter price(double v) throws IOException;

    abstract FrameWriter time(long epochSecond) throws IOException;

    /** Sends the frame written; the writer is spent. */
    abstract void sendTo(WebSocket ws) throws IOException;

    /** Writes and sends one frame; a failure to encode (never expected for these values) is unchecked. */
    static void send(WebSocket ws, boolean msgpack, Content content) {
        try {
            FrameWriter w = of(msgpack);
            content.writeTo(w);
            w.sendTo(ws);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a frame holds, written once for both encodings. */
    interface Content {
        void writeTo(FrameWriter w) throws IOException;
    }

    private static final class Json extends FrameWriter {
        private final StringWriter text = new StringWriter();
        private final JsonGenerator g;

        Json() {
            try {
                g = JSON.createGenerator(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override FrameWriter startArray(int size) throws IOException { g.writeStartArray(); return this; }
        @Override FrameWriter endArray() throws IOException { g.writeEndArray(); return this; }
        @Override FrameWriter startMap(int size) throws IOException { g.writeStartObject(); return this; }
        @Override FrameWriter endMap() throws IOException { g.writeEndObject(); return this; }
        @Override FrameWriter key(String name) throws IOException { g.writeFieldName(name); return this; }
        @Override FrameWriter text(String v) throws IOException { g.writeString(v); return this; }
        @Override FrameWriter integer(long v) throws IOException { g.writeNumber(v); return this; }
        @Override FrameWriter price(double v) throws IOException { return number(v); }
        @Override FrameWriter time(long epochSecond) throws IOException { return text(AlpacaTime.utc(epochSecond)); }

        @Override
        FrameWriter number(double v) throws IOException {
            if (WireJson.whole(v)) {
                g.writeNumber((long) v);
            } else {
                g.writeNumber(v);
            }
            return this;
        }

        @Override
        void sendTo(WebSocket ws) throws IOException {
            g.close();
            ws.send(text.toString());
        }
    }

    private static final class MsgPack extends FrameWriter {
        private final MessageBufferPacker p = MessagePack.newDefaultBufferPacker();

        @Override FrameWriter startArray(int size) throws IOException { p.packArrayHeader(size); return this; }
        @Override FrameWriter endArray() { return this; }
        @Override FrameWriter startMap(int size) throws IOException { p.packMapHeader(size); return this; }
        @Override FrameWriter endMap() { return this; }
        @Override FrameWriter key(String name) throws IOException { p.packString(name); return this; }
        @Override FrameWriter text(String v) throws IOException { p.packString(v); return this; }
        @Override FrameWriter integer(long v) throws IOException { p.packLong(v); return this; }
        @Override FrameWriter price(double v) throws IOException { p.packDouble(v); return this; }
        @Override FrameWriter time(long epochSecond) throws IOException { p.packTimestamp(epochSecond, 0); return this; }

        @Override
        FrameWriter number(double v) throws IOException {
            if (WireJson.whole(v)) {
                p.packLong((long) v);
            } else {
                p.packDouble(v);
            }
            return this;
        }

        @Override
        void sendTo(WebSocket ws) throws IOException {
            byte[] frame = p.toByteArray();
            p.close();
            ws.send(ByteString.of(frame));
        }
    }
}
