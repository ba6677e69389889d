package io.sentio.launcher.alpaca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.core.market.Universe;
import io.sentio.launcher.alpaca.msgpack.MsgPackReader;
import io.sentio.launcher.alpaca.msgpack.MsgPackTree;
import io.sentio.launcher.alpaca.msgpack.MsgPackWriter;
import io.sentio.launcher.alpaca.stream.JsonFrameDecoder;
import io.sentio.launcher.alpaca.stream.StreamFrameHandler;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
    void shouldRoundTripMsgpackValuesIncludingAllTimestampForms() {
        MsgPackWriter w = new MsgPackWriter().arrayHeader(9).integer(5).integer(-7).integer(300).integer(-40_000)
            .integer(1L << 40).float64(101.25).string("x".repeat(40)).timestamp(1_743_514_200L, 0)
            .timestamp(1_743_514_200L, 5);
        MsgPackReader r = new MsgPackReader();
        byte[] b = w.toByteArray();
        r.wrap(b, 0, b.length);
        assertEquals(9, r.readArrayHeader());
        assertEquals(5, r.readLong());
        assertEquals(-7, r.readLong());
        assertEquals(300, r.readLong());
        assertEquals(-40_000, r.readLong());
        assertEquals(1L << 40, r.readLong());
        assertEquals(101.25, r.readDouble());
        assertEquals("x".repeat(40), r.readString());
        assertEquals(1_743_514_200L, r.readTimestampSecond());
        assertEquals(1_743_514_200L, r.readTimestampSecond());
        assertFalse(r.hasMore());
    }

    @Test
    void shouldReadTheTimestamp64FormOtherEncodersUse() {
        // 0xd7 0xff, 30-bit nanoseconds << 34 | 34-bit seconds
        long seconds = 1_743_514_200L;
        long packed = (123L << 34) | seconds;
        byte[] b = new byte[10];
        b[0] = (byte) 0xd7;
        b[1] = (byte) 0xff;
        for (int i = 0; i < 8; i++) {
            b[2 + i] = (byte) (packed >>> (56 - 8 * i));
        }
        assertEquals(seconds, new MsgPackReader().wrap(b, 0, b.length).readTimestampSecond());
    }

    @Test
    void shouldDecodeClientActionsFromMsgpack() {
        byte[] b = new MsgPackWriter().mapHeader(2).string("action").string("subscribe").string("bars").arrayHeader(2)
            .string("SPY").string("QQQ").toByteArray();
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) MsgPackTree.decode(b);
        assertEquals("subscribe", m.get("action"));
        assertEquals(List.of("SPY", "QQQ"), m.get("bars"));
    }

    @Test
    void shouldDecodeABatchedJsonFrameIgnoringUnknownSymbolsAndFields() throws Exception {
        List<String> seen = new ArrayList<>();
        StreamFrameHandler h = new StreamFrameHandler() {
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
        JsonFrameDecoder d = new JsonFrameDecoder(new SymbolTable(Universe.of("SPY", "QQQ")));
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
}
