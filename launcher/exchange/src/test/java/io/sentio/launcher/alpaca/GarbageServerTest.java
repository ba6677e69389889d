package io.sentio.launcher.alpaca;

import static io.sentio.launcher.alpaca.ExchangeFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.core.market.Universe;
import io.sentio.core.time.SessionCalendar;
import io.sentio.launcher.alpaca.stream.Backoff;
import io.sentio.launcher.alpaca.stream.FrameReject;
import io.sentio.launcher.alpaca.stream.MarketDataStream;
import io.sentio.launcher.alpaca.stream.MarketDataStreamContext;
import io.sentio.launcher.alpaca.trading.TradeUpdate;
import io.sentio.launcher.alpaca.trading.TradeUpdateListener;
import io.sentio.launcher.alpaca.trading.TradeUpdatesStream;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Scripted servers that send garbage the stand-in does not: trade_updates garbage, and nothing but garbage. */
@Timeout(60)
class GarbageServerTest {
    private static final String ORDER = "{\"id\":\"o1\",\"client_order_id\":\"c1\",\"symbol\":\"SPY\",\"side\":\"buy\","
        + "\"qty\":\"10\",\"filled_qty\":\"10\",\"filled_avg_price\":\"391.25\",\"status\":\"filled\"}";
    private static final AlpacaCredentials KEYS = new AlpacaCredentials("PKTEST", "secret-for-tests");

    @Test
    void shouldCountUnreadableTradeUpdatesKeepTheConnectionAndAskForACatchUpPoll() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder().webSocketUpgrade(new WebSocketListener() {
                @Override
                public void onClosing(WebSocket ws, int code, String reason) {
                    ws.close(1000, null);
                }
                @Override
                public void onMessage(WebSocket ws, String text) {
                    if (text.contains("authenticate")) {
                        ws.send("{\"stream\":\"authorization\",\"data\":{\"status\":\"authorized\",\"action\":\"authenticate\"}}");
                    } else if (text.contains("listen")) {
                        ws.send("{\"stream\":\"listening\",\"data\":{\"streams\":[\"trade_updates\"]}}");
                        ws.send("not json {");
                        ws.send("{\"stream\":\"trade_updates\",\"data\":{\"event\":\"fill\",\"qty\":\"many\",\"order\":" + ORDER + "}}");
                        ws.send("{\"stream\":\"mystery\",\"data\":{}}");
                        ws.send("{\"stream\":\"trade_updates\"}");
                        ws.send("{\"stream\":\"trade_updates\",\"data\":{\"event\":\"fill\",\"qty\":\"10\",\"price\":\"391.25\","
                            + "\"order\":" + ORDER + "}}");
                    }
                }
            }).build());
            server.start(InetAddress.getByName("127.0.0.1"), 0);
            List<TradeUpdate> updates = new CopyOnWriteArrayList<>();
            List<String> unreadable = new CopyOnWriteArrayList<>();
            TradeUpdateListener listener = new TradeUpdateListener() {
                @Override
                public void onTradeUpdate(TradeUpdate update) {
                    updates.add(update);
                }

                @Override
                public void onUnreadableMessage(String reason) {
                    unreadable.add(reason);
                }
            };
            String url = server.url("/stream").toString().replaceFirst("^http", "ws");
            try (TradeUpdatesStream s = new TradeUpdatesStream(new OkHttpClient(), url, KEYS, listener, new Backoff(10, 50, 3), 3)) {
                s.start();
                assertTrue(s.awaitListening(10, TimeUnit.SECONDS));
                await("the readable update", 10_000, () -> updates.size() == 1);
                assertEquals(10, updates.get(0).fillQty);
                assertEquals(4, unreadable.size(), unreadable.toString());
                assertTrue(unreadable.get(1).contains("'qty' is not a number: 'many'"), unreadable.toString());
                for (FrameReject k : new FrameReject[] {FrameReject.MALFORMED, FrameReject.WRONG_TYPE, FrameReject.UNKNOWN_TYPE,
                    FrameReject.MISSING_FIELD}) {
                    assertEquals(1, s.rejects().count(k), s.rejects().toString());
                }
            }
            assertEquals(1, server.getRequestCount(), "no reconnect");
        }
    }

    @Test
    void shouldTreatAMarketDataStreamOfNothingButGarbageAsSilent() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder().webSocketUpgrade(new WebSocketListener() {
                @Override
                public void onClosing(WebSocket ws, int code, String reason) {
                    ws.close(1000, null);
                }
                @Override
                public void onOpen(WebSocket ws, okhttp3.Response response) {
                    ws.send("[{\"T\":\"success\",\"msg\":\"connected\"}]");
                }

                @Override
                public void onMessage(WebSocket ws, String text) {
                    if (text.contains("\"auth\"")) {
                        ws.send("[{\"T\":\"success\",\"msg\":\"authenticated\"}]");
                    } else if (text.contains("subscribe")) {
                        ws.send("[{\"T\":\"subscription\",\"bars\":[\"SPY\"],\"updatedBars\":[\"SPY\"]}]");
                        Thread garbage = new Thread(() -> {
                            // until the client closes: longer than the test waits for the watchdog
                            for (int i = 0; i < 6_000 && ws.send("[{\"T\":\"b\",\"S\":\"SPY\",\"o\":"); i++) {
                                try {
                                    Thread.sleep(10);
                                } catch (InterruptedException e) {
                                    return;
                                }
                            }
                        }, "garbage-sender");
                        garbage.setDaemon(true);
                        garbage.start();
                    }
                }
            }).build());
            server.start(InetAddress.getByName("127.0.0.1"), 0);
            Universe spy = Universe.of("SPY");
            long tenPastOpen = (SessionCalendar.openEpochSecond(TestTapes.DAY.toEpochDay()) + 600) * 1000L;
            long started = System.nanoTime();
            AlpacaClock duringMarketHours = new AlpacaClock() {
                @Override
                public long epochMillis() {
                    return tenPastOpen + (System.nanoTime() - started) / 1_000_000L;
                }

                @Override
                public void sleepUntil(long epochMillis) throws InterruptedException {
                    Thread.sleep(Math.max(0, epochMillis - epochMillis()));
                }
            };
            ExchangeFixture.Recorder rec = new ExchangeFixture.Recorder(spy);
            MarketDataStreamContext ctx = new MarketDataStreamContext().url(server.url("/v2/iex").toString().replaceFirst("^http", "ws"))
                .credentials(KEYS).symbols(new SymbolTable(spy)).http(new OkHttpClient()).clock(duringMarketHours)
                .maxRetries(0).silenceTimeoutMillis(1_500).watchdogPeriodMillis(20).listener(rec).status(rec);
            try (MarketDataStream stream = new MarketDataStream(ctx)) {
                stream.start();
                await("the watchdog", 10_000, () -> rec.finalReason != null);
                assertTrue(rec.finalReason.contains("during market hours"), rec.finalReason);
                assertTrue(stream.rejects().count(FrameReject.MALFORMED) > 10, stream.rejects().toString());
            }
            assertEquals(List.of("subscribed 1"), rec.events);
        }
    }
}
