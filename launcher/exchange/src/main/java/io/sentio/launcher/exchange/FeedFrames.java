package io.sentio.launcher.exchange;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sentio.launcher.alpaca.AlpacaTime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import okhttp3.WebSocket;
import okio.ByteString;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

/**
 * The market-data stream's server messages, batched in arrays, as JSON text frames or MessagePack binary
 * frames (same keys; {@code t} as a timestamp extension in MessagePack, RFC-3339 UTC in JSON).
 */
final class FeedFrames {
    private static final String[] SUBSCRIPTION_LISTS = {"trades", "quotes", "bars", "updatedBars", "dailyBars",
        "statuses", "lulds", "corrections", "cancelErrors"};
    private final SessionTape tape;

    FeedFrames(SessionTape tape) {
        this.tape = tape;
    }

    /**
     * One frame with the bars {symbol, tape index} of {@code due}. The tape has no trade-level data:
     * {@code n} is 1 (a bar means at least one trade) and {@code vw} is the typical price.
     */
    void bars(WebSocket ws, List<int[]> due, String type, double volumeShortfall, boolean msgpack) {
        if (msgpack) {
            send(ws, p -> {
                p.packArrayHeader(due.size());
                for (int[] d : due) {
                    int s = d[0];
                    int i = d[1];
                    double vol = tape.volume(s, i) - volumeShortfall;
                    p.packMapHeader(10).packString("T").packString(type).packString("S").packString(tape.universe().symbol(s))
                        .packString("o").packDouble(tape.open(s, i)).packString("h").packDouble(tape.high(s, i))
                        .packString("l").packDouble(tape.low(s, i)).packString("c").packDouble(tape.close(s, i))
                        .packString("v");
                    if (vol == Math.rint(vol)) {
                        p.packLong((long) vol);
                    } else {
                        p.packDouble(vol);
                    }
                    p.packString("t").packTimestamp(tape.time(s, i), 0)
                        .packString("n").packLong(1)
                        .packString("vw").packDouble(typical(s, i));
                }
            });
        } else {
            ArrayNode frame = WireJson.array();
            for (int[] d : due) {
                int s = d[0];
                int i = d[1];
                ObjectNode bar = frame.addObject().put("T", type).put("S", tape.universe().symbol(s));
                bar.set("o", WireJson.number(tape.open(s, i)));
                bar.set("h", WireJson.number(tape.high(s, i)));
                bar.set("l", WireJson.number(tape.low(s, i)));
                bar.set("c", WireJson.number(tape.close(s, i)));
                bar.set("v", WireJson.number(tape.volume(s, i) - volumeShortfall));
                bar.put("t", AlpacaTime.utc(tape.time(s, i))).put("n", 1);
                bar.set("vw", WireJson.number(typical(s, i)));
            }
            ws.send(frame.toString());
        }
    }

    private double typical(int s, int i) {
        return (tape.high(s, i) + tape.low(s, i) + tape.close(s, i)) / 3.0;
    }

    void control(WebSocket ws, String type, String msg, boolean msgpack) {
        if (msgpack) {
            send(ws, p -> p.packArrayHeader(1).packMapHeader(2).packString("T").packString(type)
                .packString("msg").packString(msg));
        } else {
            ArrayNode frame = WireJson.array();
            frame.addObject().put("T", type).put("msg", msg);
            ws.send(frame.toString());
        }
    }

    void error(WebSocket ws, int code, String msg, boolean msgpack) {
        if (msgpack) {
            send(ws, p -> p.packArrayHeader(1).packMapHeader(3).packString("T").packString("error")
                .packString("code").packInt(code).packString("msg").packString(msg));
        } else {
            ArrayNode frame = WireJson.array();
            frame.addObject().put("T", "error").put("code", code).put("msg", msg);
            ws.send(frame.toString());
        }
    }

    /** The full current subscription lists; only bars and updatedBars are served. */
    void subscription(WebSocket ws, Set<String> bars, Set<String> updatedBars, boolean msgpack) {
        if (msgpack) {
            send(ws, p -> {
                p.packArrayHeader(1).packMapHeader(1 + SUBSCRIPTION_LISTS.length).packString("T").packString("subscription");
                for (String name : SUBSCRIPTION_LISTS) {
                    Set<String> set = list(name, bars, updatedBars);
                    p.packString(name).packArrayHeader(set.size());
                    for (String s : set) {
                        p.packString(s);
                    }
                }
            });
        } else {
            ArrayNode frame = WireJson.array();
            ObjectNode message = frame.addObject().put("T", "subscription");
            for (String name : SUBSCRIPTION_LISTS) {
                ArrayNode symbols = message.putArray(name);
                list(name, bars, updatedBars).forEach(symbols::add);
            }
            ws.send(frame.toString());
        }
    }

    /** What a MessagePack frame holds. */
    private interface FrameContent {
        void packInto(MessageBufferPacker p) throws IOException;
    }

    private static void send(WebSocket ws, FrameContent content) {
        try (MessageBufferPacker p = MessagePack.newDefaultBufferPacker()) {
            content.packInto(p);
            ws.send(ByteString.of(p.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> list(String name, Set<String> bars, Set<String> updatedBars) {
        return "bars".equals(name) ? bars : "updatedBars".equals(name) ? updatedBars : Set.of();
    }
}
