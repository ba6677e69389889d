package io.sentio.launcher.alpaca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.core.market.Universe;
import io.sentio.launcher.alpaca.stream.FrameRejects;
import io.sentio.launcher.alpaca.stream.JsonFrameDecoder;
import io.sentio.launcher.alpaca.stream.MsgPackFrameDecoder;
import io.sentio.launcher.alpaca.stream.StreamFrameHandler;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

class WireFormatTest {
    @Test
    void shouldParseRfc3339WithZuluOffsetsAndFractionsLikeJavaTime() {
        String[] samples = {"2021-02-22T19:15:00Z", "2025-04-01T09:30:00-04:00", "2025-11-03T09:30:00.123456789-05:00",
            "2024-02-29T23:59:59.5+09:00", "1999-12-31T23:59:59Z"};
        for (String s : samples) {
            assertEquals(OffsetDateTime.parse(s).toEpochSecond(), Rfc3339.parseEpochSecond(s), s);
        }
        assertThrows(IllegalArgumentException.class, () -> Rfc3339.parseEpochSecond("2021-02-22 19:15:00Z"));
        assertThrows(IllegalArgumentException.class, () -> Rfc3339.parseEpochSecond("2021-02-22T19:15:00"));
    }

    @Test
    void shouldDecodeMsgpackBarsWithEveryTimestampFormLikeTheirJsonTwins() throws Exception {
        long second = 1_614_021_300L;
        MessageBufferPacker p = MessagePack.newDefaultBufferPacker();
        p.packArrayHeader(5);
        bar(p, "QQQ", 'b').packString("t").packTimestamp(Instant.ofEpochSecond(second));
        bar(p, "QQQ", 'b').packString("t").packTimestamp(Instant.ofEpochSecond(second, 5));
        bar(p, "SPY", 'u').packString("t").packTimestamp(Instant.ofEpochSecond(-86_400L));
        bar(p, "SPY", 'b').packString("t").packString("2021-02-22T19:15:00Z");
        bar(p, "IBM", 'b').packString("t").packTimestamp(Instant.ofEpochSecond(second));
        List<String> seen = new ArrayList<>();
        new MsgPackFrameDecoder(new SymbolTable(Universe.of("SPY", "QQQ")), new FrameRejects("test")).decode(p.toByteArray(), recorder(seen));
        assertEquals(List.of("1 1614021300 1.5 2.0 1.0 1.75 300.0 false", "1 1614021300 1.5 2.0 1.0 1.75 300.0 false",
            "0 -86400 1.5 2.0 1.0 1.75 300.0 true", "0 1614021300 1.5 2.0 1.0 1.75 300.0 false"), seen);
    }

    /** A bar map of nine entries (one unknown and nested) whose last, {@code t}, the caller writes. */
    private static MessageBufferPacker bar(MessageBufferPacker p, String symbol, char type) throws Exception {
        p.packMapHeader(9).packString("T").packString(String.valueOf(type)).packString("S").packString(symbol)
            .packString("o").packDouble(1.5).packString("h").packLong(2).packString("l").packDouble(1.0)
            .packString("c").packDouble(1.75).packString("v").packLong(300);
        p.packString("x").packMapHeader(1).packString("nested").packArrayHeader(2).packLong(1).packLong(2);
        return p;
    }

    @Test
    void shouldDecodeABatchedJsonFrameIgnoringUnknownSymbolsAndFields() throws Exception {
        List<String> seen = new ArrayList<>();
        StreamFrameHandler h = recorder(seen);
        JsonFrameDecoder d = new JsonFrameDecoder(new SymbolTable(Universe.of("SPY", "QQQ")), new FrameRejects("test"));
        d.decode("[{\"T\":\"b\",\"S\":\"QQQ\",\"o\":1.5,\"h\":2,\"l\":1,\"c\":1.75,\"v\":300,\"t\":\"2021-02-22T19:15:00Z\","
            + "\"n\":4,\"vw\":1.6,\"x\":{\"nested\":[1,2]}},{\"T\":\"b\",\"S\":\"IBM\",\"o\":1,\"h\":1,\"l\":1,\"c\":1,\"v\":1,"
            + "\"t\":\"2021-02-22T19:15:00Z\"},{\"T\":\"u\",\"S\":\"SPY\",\"o\":3,\"h\":3,\"l\":3,\"c\":3,\"v\":9,"
            + "\"t\":\"2021-02-22T19:14:00Z\"}]", h);
        d.decode("[{\"T\":\"subscription\",\"trades\":[],\"bars\":[\"SPY\"],\"updatedBars\":[\"SPY\",\"QQQ\"]}]", h);
        d.decode("[{\"T\":\"error\",\"code\":406,\"msg\":\"connection limit exceeded\"}]", h);
        assertEquals(List.of("1 1614021300 1.5 2.0 1.0 1.75 300.0 false", "0 1614021240 3.0 3.0 3.0 3.0 9.0 true",
            "subscription SPY / SPY,QQQ", "error 406 connection limit exceeded"), seen);
    }

    @Test
    void shouldResolveEndpointsFromOptionsThenEnvironmentThenDefaults() {
        Map<String, String> env = Map.of(AlpacaEndpoints.TRADING_ENV, "http://127.0.0.1:9000/",
            AlpacaEndpoints.STREAM_ENV, "ws://127.0.0.1:9000/v2/sip");
        AlpacaEndpoints e = AlpacaEndpoints.resolve(null, "http://127.0.0.1:9001", null, env, true);
        assertEquals("http://127.0.0.1:9000", e.trading());
        assertEquals("ws://127.0.0.1:9000/stream", e.tradingStream());
        assertEquals("http://127.0.0.1:9001", e.data());
        assertEquals("ws://127.0.0.1:9000/v2/sip", e.stream());
        AlpacaEndpoints d = AlpacaEndpoints.resolve(null, null, null, Map.of(), true);
        assertEquals(AlpacaEndpoints.PAPER_TRADING, d.trading());
        assertEquals("wss://paper-api.alpaca.markets/stream", d.tradingStream());
        assertEquals(AlpacaEndpoints.STREAM, d.stream());
        AlpacaException bad = assertThrows(AlpacaException.class,
            () -> AlpacaEndpoints.resolve(null, null, "http://x", Map.of(), true));
        assertTrue(bad.getMessage().contains("stream URL"), bad.getMessage());
    }

    @Test
    void shouldTellAlpacasLiveHostFromItsPaperHostAndTheStandIn() {
        AlpacaEndpoints live = AlpacaEndpoints.resolve(null, null, null,
            Map.of(AlpacaEndpoints.TRADING_ENV, "https://api.alpaca.markets/"), true);
        assertTrue(live.realMoney());
        assertFalse(live.paperHost());
        AlpacaEndpoints paper = AlpacaEndpoints.resolve(null, null, null, Map.of(), true);
        assertFalse(paper.realMoney());
        assertTrue(paper.paperHost());
        AlpacaEndpoints standIn = new AlpacaEndpoints("http://127.0.0.1:9000", "http://127.0.0.1:9000",
            "ws://127.0.0.1:9000/v2/iex");
        assertFalse(standIn.realMoney());
        assertFalse(standIn.paperHost());
    }

    @Test
    void shouldNeverShowTheSecretInCredentialsOrErrors(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
        throws Exception {
        AlpacaCredentials c = new AlpacaCredentials("PKEY", "very-secret-value");
        assertFalse(c.toString().contains("very-secret-value"));
        assertFalse(c.toString().contains("PKEY"));
        java.nio.file.Path f = dir.resolve("config.env");
        java.nio.file.Files.writeString(f, "APCA_API_KEY_ID=PKEY\nvery-secret-value\n");
        AlpacaException e = assertThrows(AlpacaException.class, () -> AlpacaCredentials.readEnvFile(f));
        assertTrue(e.getMessage().contains(":2:"), e.getMessage());
        assertFalse(e.getMessage().contains("very-secret-value"));
        assertTrue(c.matches("PKEY", "very-secret-value"));
        assertFalse(c.matches("PKEY", "very-secret-valuf"));
    }

    private static StreamFrameHandler recorder(List<String> seen) {
        return new StreamFrameHandler() {
            @Override
            public void onBar(int s, long t, double o, double hi, double l, double c, double v, boolean u) {
                seen.add(s + " " + t + " " + o + " " + hi + " " + l + " " + c + " " + v + " " + u);
            }

            @Override
            public void onSuccess(String msg) {
                seen.add("success " + msg);
            }

            @Override
            public void onSubscription(String[] bars, String[] updatedBars) {
                seen.add("subscription " + String.join(",", bars) + " / " + String.join(",", updatedBars));
            }

            @Override
            public void onError(int code, String msg) {
                seen.add("error " + code + " " + msg);
            }
        };
    }
}
