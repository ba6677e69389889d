package io.sentio.launcher.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.core.market.Universe;
import io.sentio.launcher.alpaca.SymbolTable;
import io.sentio.launcher.alpaca.TestTapes;
import io.sentio.launcher.alpaca.stream.FrameRejects;
import io.sentio.launcher.alpaca.stream.JsonFrameDecoder;
import io.sentio.launcher.alpaca.stream.MsgPackFrameDecoder;
import io.sentio.launcher.alpaca.stream.StreamFrameHandler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import okhttp3.Request;
import okhttp3.WebSocket;
import okio.ByteString;
import org.junit.jupiter.api.Test;

/** Each market-data message is written once: decoded, its JSON and MessagePack frames say the same. */
class FeedFramesTest {
    private static final Universe UNIVERSE = Universe.of("SPY", "QQQ");

    @Test
    void shouldSendTheSameMessagesAsJsonTextAndAsMessagePack() throws Exception {
        // Whole prices (100, 100.25 is not) and a fractional volume after the shortfall, on both paths.
        SessionTape tape = TestTapes.fromRows(UNIVERSE, List.of(
            List.<double[]>of(new double[] {1_743_600_600L, 100, 101, 99, 100.5, 1200}),
            List.<double[]>of(new double[] {1_743_600_600L, 200.25, 201, 199, 200, 800})));
        List<String> json = new ArrayList<>();
        List<String> msgpack = new ArrayList<>();
        Frames text = new Frames();
        Frames binary = new Frames();
        for (boolean packed : new boolean[] {false, true}) {
            Frames sink = packed ? binary : text;
            FeedFrames frames = new FeedFrames(tape);
            frames.control(sink, "success", "authenticated", packed);
            frames.subscription(sink, new LinkedHashSet<>(List.of("SPY", "QQQ")), Set.of("SPY"), packed);
            frames.bars(sink, List.of(new int[] {0, 0}, new int[] {1, 0}), "b", 0.5, packed);
            frames.error(sink, 406, "connection limit exceeded", packed);
        }
        for (String frame : text.texts) {
            new JsonFrameDecoder(new SymbolTable(UNIVERSE), new FrameRejects("test")).decode(frame, recorder(json));
        }
        for (ByteString frame : binary.binaries) {
            new MsgPackFrameDecoder(new SymbolTable(UNIVERSE), new FrameRejects("test")).decode(frame.toByteArray(), recorder(msgpack));
        }
        assertEquals(List.of("success authenticated", "subscription [SPY, QQQ] [SPY]",
            "bar 0 1743600600 100.0 101.0 99.0 100.5 1199.5 false", "bar 1 1743600600 200.25 201.0 199.0 200.0 799.5 false",
            "error 406 connection limit exceeded"), json);
        assertEquals(json, msgpack);
        assertEquals(4, text.texts.size());
        assertEquals(4, binary.binaries.size());
        String bars = text.texts.get(2);
        assertTrue(bars.startsWith("[{\"T\":\"b\",\"S\":\"SPY\",\"o\":100,\"h\":101,\"l\":99,\"c\":100.5,\"v\":1199.5,"
            + "\"t\":\"2025-04-02T13:30:00Z\",\"n\":1,\"vw\":"), bars);
    }

    private static StreamFrameHandler recorder(List<String> seen) {
        return new StreamFrameHandler() {
            @Override
            public void onBar(int symbol, long epochSecond, double open, double high, double low, double close,
                              double volume, boolean correction) {
                seen.add("bar " + symbol + " " + epochSecond + " " + open + " " + high + " " + low + " " + close + " "
                    + volume + " " + correction);
            }

            @Override
            public void onSuccess(String msg) {
                seen.add("success " + msg);
            }

            @Override
            public void onSubscription(String[] bars, String[] updatedBars) {
                seen.add("subscription " + Arrays.toString(bars) + " " + Arrays.toString(updatedBars));
            }

            @Override
            public void onError(int code, String msg) {
                seen.add("error " + code + " " + msg);
            }
        };
    }

    /** The server side of a connection, keeping what was sent. */
    private static final class Frames implements WebSocket {
        final List<String> texts = new ArrayList<>();
        final List<ByteString> binaries = new ArrayList<>();

        @Override
        public Request request() {
            return new Request.Builder().url("http://127.0.0.1/").build();
        }

        @Override
        public long queueSize() {
            return 0;
        }

        @Override
        public boolean send(String text) {
            return texts.add(text);
        }

        @Override
        public boolean send(ByteString bytes) {
            return binaries.add(bytes);
        }

        @Override
        public boolean close(int code, String reason) {
            return true;
        }

        @Override
        public void cancel() {
        }
    }
}
