package io.sentio.launcher.exchange;

import java.util.List;
import java.util.Set;
import okhttp3.WebSocket;

/**
 * The market-data stream's server messages, batched in arrays, each written once and sent as a JSON
 * text frame or a MessagePack binary frame ({@link FrameWriter}: same keys, encodings as Alpaca's).
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
        FrameWriter.send(ws, msgpack, w -> {
            w.startArray(due.size());
            for (int[] d : due) {
                int s = d[0];
                int i = d[1];
                w.startMap(10).key("T").text(type).key("S").text(tape.universe().symbol(s))
                    .key("o").price(tape.open(s, i)).key("h").price(tape.high(s, i))
                    .key("l").price(tape.low(s, i)).key("c").price(tape.close(s, i))
                    .key("v").number(tape.volume(s, i) - volumeShortfall).key("t").time(tape.time(s, i))
                    .key("n").integer(1).key("vw").price(typical(s, i)).endMap();
            }
            w.endArray();
        });
    }

    private double typical(int s, int i) {
        return (tape.high(s, i) + tape.low(s, i) + tape.close(s, i)) / 3.0;
    }

    void control(WebSocket ws, String type, String msg, boolean msgpack) {
        FrameWriter.send(ws, msgpack, w -> w.startArray(1).startMap(2).key("T").text(type).key("msg").text(msg)
            .endMap().endArray());
    }

    void error(WebSocket ws, int code, String msg, boolean msgpack) {
        FrameWriter.send(ws, msgpack, w -> w.startArray(1).startMap(3).key("T").text("error").key("code").integer(code)
            .key("msg").text(msg).endMap().endArray());
    }

    /** The full current subscription lists; only bars and updatedBars are served. */
    void subscription(WebSocket ws, Set<String> bars, Set<String> updatedBars, boolean msgpack) {
        FrameWriter.send(ws, msgpack, w -> {
            w.startArray(1).startMap(1 + SUBSCRIPTION_LISTS.length).key("T").text("subscription");
            for (String name : SUBSCRIPTION_LISTS) {
                Set<String> set = list(name, bars, updatedBars);
                w.key(name).startArray(set.size());
                for (String s : set) {
                    w.text(s);
                }
                w.endArray();
            }
            w.endMap().endArray();
        });
    }

    private static Set<String> list(String name, Set<String> bars, Set<String> updatedBars) {
        return "bars".equals(name) ? bars : "updatedBars".equals(name) ? updatedBars : Set.of();
    }
}
