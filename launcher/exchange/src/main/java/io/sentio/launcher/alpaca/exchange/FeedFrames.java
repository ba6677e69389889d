package io.sentio.launcher.alpaca.exchange;

import io.sentio.launcher.alpaca.AlpacaTime;
import io.sentio.launcher.alpaca.msgpack.MsgPackWriter;
import java.util.List;
import java.util.Set;
import okhttp3.WebSocket;
import okio.ByteString;

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
            MsgPackWriter w = new MsgPackWriter().arrayHeader(due.size());
            for (int[] d : due) {
                int s = d[0];
                int i = d[1];
                double vol = tape.volume(s, i) - volumeShortfall;
                w.mapHeader(10).string("T").string(type).string("S").string(tape.universe().symbol(s))
                    .string("o").float64(tape.open(s, i)).string("h").float64(tape.high(s, i))
                    .string("l").float64(tape.low(s, i)).string("c").float64(tape.close(s, i))
                    .string("v");
                if (vol == Math.rint(vol)) {
                    w.integer((long) vol);
                } else {
                    w.float64(vol);
                }
                w.string("t").timestamp(tape.time(s, i), 0)
                    .string("n").integer(1)
                    .string("vw").float64(typical(s, i));
            }
            ws.send(ByteString.of(w.toByteArray()));
        } else {
            JsonWriter w = new JsonWriter().beginArray();
            for (int[] d : due) {
                int s = d[0];
                int i = d[1];
                w.beginObject().field("T", type).field("S", tape.universe().symbol(s))
                    .name("o").number(tape.open(s, i)).name("h").number(tape.high(s, i))
                    .name("l").number(tape.low(s, i)).name("c").number(tape.close(s, i))
                    .name("v").number(tape.volume(s, i) - volumeShortfall)
                    .field("t", AlpacaTime.utc(tape.time(s, i)))
                    .name("n").number(1)
                    .name("vw").number(typical(s, i))
                    .endObject();
            }
            ws.send(w.endArray().toString());
        }
    }

    private double typical(int s, int i) {
        return (tape.high(s, i) + tape.low(s, i) + tape.close(s, i)) / 3.0;
    }

    void control(WebSocket ws, String type, String msg, boolean msgpack) {
        if (msgpack) {
            ws.send(ByteString.of(new MsgPackWriter().arrayHeader(1).mapHeader(2).string("T").string(type)
                .string("msg").string(msg).toByteArray()));
        } else {
            ws.send(new JsonWriter().beginArray().beginObject().field("T", type).field("msg", msg)
                .endObject().endArray().toString());
        }
    }

    void error(WebSocket ws, int code, String msg, boolean msgpack) {
        if (msgpack) {
            ws.send(ByteString.of(new MsgPackWriter().arrayHeader(1).mapHeader(3).string("T").string("error")
                .string("code").integer(code).string("msg").string(msg).toByteArray()));
        } else {
            ws.send(new JsonWriter().beginArray().beginObject().field("T", "error").name("code").number(code)
                .field("msg", msg).endObject().endArray().toString());
        }
    }

    /** The full current subscription lists; only bars and updatedBars are served. */
    void subscription(WebSocket ws, Set<String> bars, Set<String> updatedBars, boolean msgpack) {
        if (msgpack) {
            MsgPackWriter w = new MsgPackWriter().arrayHeader(1).mapHeader(1 + SUBSCRIPTION_LISTS.length)
                .string("T").string("subscription");
            for (String name : SUBSCRIPTION_LISTS) {
                Set<String> set = list(name, bars, updatedBars);
                w.string(name).arrayHeader(set.size());
                for (String s : set) {
                    w.string(s);
                }
            }
            ws.send(ByteString.of(w.toByteArray()));
        } else {
            JsonWriter w = new JsonWriter().beginArray().beginObject().field("T", "subscription");
            for (String name : SUBSCRIPTION_LISTS) {
                w.name(name).beginArray();
                for (String s : list(name, bars, updatedBars)) {
                    w.string(s);
                }
                w.endArray();
            }
            ws.send(w.endObject().endArray().toString());
        }
    }

    private static Set<String> list(String name, Set<String> bars, Set<String> updatedBars) {
        return "bars".equals(name) ? bars : "updatedBars".equals(name) ? updatedBars : Set.of();
    }
}
