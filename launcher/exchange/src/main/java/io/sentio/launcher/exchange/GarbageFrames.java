package io.sentio.launcher.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import okhttp3.WebSocket;
import okio.ByteString;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

/**
 * The {@code --garbage-every N} fault of one market-data connection: after every Nth real frame it
 * sends one garbage frame, in turn invalid syntax (a truncated frame), a bar with a wrong-typed price
 * and a message of an unknown type, as MessagePack for MessagePack clients. None of them may cost the
 * client a real bar or its connection.
 */
final class GarbageFrames {
    private static final String JSON_TRUNCATED = "[{\"T\":\"b\",\"S\":\"SPY\",\"o\":";
    private static final String JSON_WRONG_TYPE = "[{\"T\":\"b\",\"S\":\"SPY\",\"o\":\"garbage\",\"h\":1,\"l\":1,\"c\":1,"
        + "\"v\":1,\"t\":\"2021-02-22T19:15:00Z\"}]";
    private static final String JSON_UNKNOWN_TYPE = "[{\"T\":\"garbage\",\"msg\":\"--garbage-every\"}]";

    private final int every;
    private final boolean msgpack;
    private long real;
    private int sent;

    /** {@code every} 0: off. */
    GarbageFrames(int every, boolean msgpack) {
        this.every = every;
        this.msgpack = msgpack;
    }

    /** Call after each real frame sent on {@code ws}. */
    synchronized void afterRealFrame(WebSocket ws) {
        if (every <= 0 || ++real % every != 0) {
            return;
        }
        int kind = sent++ % 3;
        if (msgpack) {
            ws.send(ByteString.of(msgpack(kind)));
        } else {
            ws.send(kind == 0 ? JSON_TRUNCATED : kind == 1 ? JSON_WRONG_TYPE : JSON_UNKNOWN_TYPE);
        }
    }

    private static byte[] msgpack(int kind) {
        try (MessageBufferPacker p = MessagePack.newDefaultBufferPacker()) {
            if (kind == 0) {
                // a map announcing nine entries that ends after the first
                p.packArrayHeader(1).packMapHeader(9).packString("T").packString("b");
            } else if (kind == 1) {
                p.packArrayHeader(1).packMapHeader(8).packString("T").packString("b").packString("S").packString("SPY")
                    .packString("o").packString("garbage").packString("h").packDouble(1).packString("l").packDouble(1)
                    .packString("c").packDouble(1).packString("v").packLong(1).packString("t").packLong(1_614_021_300L);
            } else {
                p.packArrayHeader(1).packMapHeader(2).packString("T").packString("garbage")
                    .packString("msg").packString("--garbage-every");
            }
            return p.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
