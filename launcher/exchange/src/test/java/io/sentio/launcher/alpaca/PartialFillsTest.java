package io.sentio.launcher.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import static io.sentio.launcher.alpaca.ExchangeFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.core.market.Universe;
import io.sentio.core.time.SessionCalendar;
import io.sentio.launcher.alpaca.trading.AlpacaBroker;
import io.sentio.launcher.alpaca.trading.Broker;
import io.sentio.launcher.alpaca.trading.OrderPoller;
import io.sentio.launcher.alpaca.trading.OrderReport;
import io.sentio.launcher.alpaca.trading.OrderSide;
import io.sentio.launcher.alpaca.trading.TradeUpdate;
import io.sentio.launcher.exchange.FaultPlan;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import okhttp3.Request;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The stand-in's partial-fill faults on the wire: partial_fill then fill (or canceled) trade_updates
 * messages as Alpaca sends them, the order object's cumulative filled_qty and volume-weighted
 * filled_avg_price, positions that move with each part, and the polling fallback seeing both parts.
 */
@Timeout(120)
class PartialFillsTest {
    private static final Universe UNIVERSE = Universe.of("SPY", "QQQ");
    private static final int MINUTES = 30;
    private static final double SPEED = 600;
    private static final int DAY_INDEX = 2;
    private static final long OPEN = SessionCalendar.openEpochSecond(TestTapes.DAY.toEpochDay());

    @Test
    void shouldFillHalfAtTheArrivalMinutesOpenAndTheRestAtTheNextMinutesOpen() throws Exception {
        FaultPlan faults = new FaultPlan();
        faults.partialFills = true;
        try (Session s = new Session(faults, true, SPEED)) {
            s.broker.submitMarketOrder("SPY", 11, OrderSide.BUY, "p-arrival");
            await("fill", 5_000, () -> s.events("p-arrival").contains("fill"));
            assertEquals(List.of("new", "partial_fill", "fill"), s.events("p-arrival"));
            JsonNode partial = s.update("p-arrival", "partial_fill");
            JsonNode fill = s.update("p-arrival", "fill");
            int arrival = minute(AlpacaJson.text(order(partial), "created_at"));
            double p1 = TestTapes.open(0, arrival, DAY_INDEX);
            double p2 = TestTapes.open(0, arrival + 1, DAY_INDEX);
            assertPart(partial, 5, p1, 5, "partially_filled", 5, p1);
            assertNull(AlpacaJson.text(order(partial), "filled_at"), "filled_at stays null until the order is filled");
            double vwap = (5 * p1 + 6 * p2) / 11;
            assertPart(fill, 6, p2, 11, "filled", 11, vwap);
            assertEquals(AlpacaTime.newYorkMillis((OPEN + 60L * (arrival + 1)) * 1000), AlpacaJson.text(fill, "timestamp"),
                "the rest fills at the next minute's open");
            assertNotNull(AlpacaJson.text(order(fill), "filled_at"));
            assertNotEquals(AlpacaJson.text(partial, "execution_id"), AlpacaJson.text(fill, "execution_id"), "one execution id per part");

            Broker.Position held = s.broker.positions().get(0);
            assertEquals(11, held.qty);
            assertEquals(vwap, held.avgEntryPrice, 1e-9);
            assertEquals(100_000 - 5 * p1 - 6 * p2, s.broker.account().cash, 0.006);
        }
    }

    @Test
    void shouldFillBuysAndSellsInTwoPartsAtTheNextTwoBarsOpensWithoutFillAtArrival() throws Exception {
        FaultPlan faults = new FaultPlan();
        faults.partialFills = true;
        try (Session s = new Session(faults, false, SPEED)) {
            s.broker.submitMarketOrder("QQQ", 10, OrderSide.BUY, "p-buy");
            await("buy filled", 5_000, () -> s.events("p-buy").contains("fill"));
            JsonNode partial = s.update("p-buy", "partial_fill");
            int arrival = minute(AlpacaJson.text(order(partial), "created_at"));
            double p1 = TestTapes.open(1, arrival + 1, DAY_INDEX);
            double p2 = TestTapes.open(1, arrival + 2, DAY_INDEX);
            assertPart(partial, 5, p1, 5, "partially_filled", 5, p1);
            assertPart(s.update("p-buy", "fill"), 5, p2, 10, "filled", 10, (p1 + p2) / 2);

            s.broker.submitMarketOrder("QQQ", 10, OrderSide.SELL, "p-sell");
            await("sell filled", 5_000, () -> s.events("p-sell").contains("fill"));
            assertEquals(List.of("new", "partial_fill", "fill"), s.events("p-sell"));
            assertEquals("5", AlpacaJson.text(s.update("p-sell", "partial_fill"), "position_qty"), "half sold: 5 left");
            assertEquals("0", AlpacaJson.text(s.update("p-sell", "fill"), "position_qty"));
            assertEquals(List.of(), s.broker.positions());
        }
    }

    @Test
    void shouldCancelTheRestOfTheNthOrderAfterItsFirstPart() throws Exception {
        FaultPlan faults = new FaultPlan();
        faults.cancelRestOfNthOrder = 2;
        try (Session s = new Session(faults, true, SPEED)) {
            s.broker.submitMarketOrder("SPY", 4, OrderSide.BUY, "c-1");
            s.broker.submitMarketOrder("QQQ", 9, OrderSide.BUY, "c-2");
            await("rest cancelled", 5_000, () -> s.events("c-2").contains("canceled"));
            assertEquals(List.of("new", "fill"), s.events("c-1"), "only the Nth order is cut short");
            assertEquals(List.of("new", "partial_fill", "canceled"), s.events("c-2"));
            JsonNode partial = s.update("c-2", "partial_fill");
            double p1 = TestTapes.open(1, minute(AlpacaJson.text(order(partial), "created_at")), DAY_INDEX);
            assertPart(partial, 4, p1, 4, "partially_filled", 4, p1);
            JsonNode cancelled = order(s.update("c-2", "canceled"));
            assertEquals("canceled", AlpacaJson.text(cancelled, "status"));
            assertEquals("4", AlpacaJson.text(cancelled, "filled_qty"), "a cancelled order keeps what filled");
            assertEquals(p1, Double.parseDouble(AlpacaJson.text(cancelled, "filled_avg_price")), 1e-9);
            assertNotNull(AlpacaJson.text(cancelled, "canceled_at"));
            assertNull(AlpacaJson.text(cancelled, "filled_at"));

            OrderReport looked = s.broker.orderByClientOrderId("c-2");
            assertEquals("canceled", looked.status);
            assertEquals(4, looked.filledQty);
            Broker.Position qqq = s.broker.positions().stream().filter(p -> p.symbol.equals("QQQ")).findFirst().orElseThrow();
            assertEquals(4, qqq.qty);
        }
    }

    @Test
    void shouldLetThePollerSeeThePartialFillThenTheFill() throws Exception {
        FaultPlan faults = new FaultPlan();
        faults.partialFills = true;
        // Slow enough that the part-filled state lasts about two real seconds: many polls see it.
        try (Session s = new Session(faults, false, 30)) {
            List<TradeUpdate> polled = new CopyOnWriteArrayList<>();
            OrderPoller poller = new OrderPoller(s.broker, polled::add);
            poller.track(s.broker.submitMarketOrder("SPY", 10, OrderSide.BUY, "poll-1"));
            long heldWhilePartial = -1;
            while (polled.isEmpty() || !"fill".equals(polled.get(polled.size() - 1).event)) {
                poller.pollOnce();
                // The lookup just made said partially_filled; if the one after the positions read says so
                // too, the positions were read while the order was part-filled.
                if (heldWhilePartial < 0 && polled.size() == 1 && "partial_fill".equals(polled.get(0).event)) {
                    List<Broker.Position> held = s.broker.positions();
                    if ("partially_filled".equals(s.broker.orderByClientOrderId("poll-1").status)) {
                        heldWhilePartial = held.get(0).qty;
                    }
                }
                Thread.sleep(5);
            }
            assertEquals(List.of("partial_fill", "fill"), polled.stream().map(u -> u.event).collect(Collectors.toList()));
            TradeUpdate part = polled.get(0);
            TradeUpdate rest = polled.get(1);
            assertEquals(5, part.fillQty);
            assertEquals(5, rest.fillQty);
            assertEquals("partially_filled", part.order.status);
            assertEquals(10, rest.order.filledQty);
            assertEquals(rest.order.filledAvgPrice, (part.fillPrice + rest.fillPrice) / 2, 1e-9);
            assertEquals(part.fillPrice + 0.01, rest.fillPrice, 1e-9, "the rest at the next bar's open (0.01 higher)");
            assertEquals(5, heldWhilePartial, "the position held half while the order was part-filled");
            assertEquals(0, poller.tracked());
        }
    }

    /** Session minute of a New York RFC-3339 time. */
    private static int minute(String rfc3339) {
        return (int) ((AlpacaTime.parseEpochSecond(rfc3339) - OPEN) / 60);
    }

    private static JsonNode order(JsonNode update) {
        return AlpacaJson.object(update, "order");
    }

    /** One fill message: this part's qty and price, the position after it, and the order object's running totals. */
    private static void assertPart(JsonNode update, long qty, double price, long positionQty, String status,
                                   long filledQty, double avgPrice) {
        assertEquals(Long.toString(qty), AlpacaJson.text(update, "qty"), "qty: this part's shares");
        assertEquals(price, Double.parseDouble(AlpacaJson.text(update, "price")), 1e-9, "price: this part's price");
        assertEquals(Long.toString(positionQty), AlpacaJson.text(update, "position_qty"), "position_qty after the part");
        JsonNode o = order(update);
        assertEquals(status, AlpacaJson.text(o, "status"));
        assertEquals(Long.toString(filledQty), AlpacaJson.text(o, "filled_qty"), "filled_qty is cumulative");
        assertEquals(avgPrice, Double.parseDouble(AlpacaJson.text(o, "filled_avg_price")), 1e-9,
            "filled_avg_price is volume-weighted");
    }

    /** The stand-in, a broker client, and every trade_updates message as raw JSON. */
    private static final class Session implements AutoCloseable {
        final ExchangeFixture fx;
        final AlpacaBroker broker;
        final List<JsonNode> updates = new CopyOnWriteArrayList<>();
        final WebSocket ws;

        Session(FaultPlan faults, boolean fillAtArrival, double speed) throws Exception {
            fx = new ExchangeFixture(UNIVERSE, TestTapes.tape(UNIVERSE, MINUTES), speed, faults, fillAtArrival);
            broker = new AlpacaBroker(fx.rest(fx.marketClock()), 3);
            CountDownLatch listening = new CountDownLatch(1);
            ws = fx.http.newWebSocket(new Request.Builder().url(fx.server.httpUrl().replace("http", "ws") + "/stream").build(),
                new WebSocketListener() {
                    @Override
                    public void onOpen(WebSocket w, okhttp3.Response response) {
                        w.send("{\"action\":\"authenticate\",\"data\":{\"key_id\":\"" + ExchangeFixture.KEY
                            + "\",\"secret_key\":\"" + ExchangeFixture.SECRET + "\"}}");
                        w.send("{\"action\":\"listen\",\"data\":{\"streams\":[\"trade_updates\"]}}");
                    }

                    @Override
                    public void onMessage(WebSocket w, ByteString bytes) {
                        try {
                            JsonNode m = AlpacaJson.object(bytes.utf8());
                            if ("listening".equals(AlpacaJson.text(m, "stream"))) {
                                listening.countDown();
                            } else if ("trade_updates".equals(AlpacaJson.text(m, "stream"))) {
                                updates.add(AlpacaJson.object(m, "data"));
                            }
                        } catch (IOException e) {
                            throw new AssertionError("not JSON: " + bytes.utf8(), e);
                        }
                    }
                });
            assertTrue(listening.await(20, TimeUnit.SECONDS), "trade_updates listening");
        }

        List<String> events(String clientOrderId) {
            return updates.stream().filter(u -> clientOrderId.equals(AlpacaJson.text(order(u), "client_order_id")))
                .map(u -> AlpacaJson.text(u, "event")).collect(Collectors.toList());
        }

        JsonNode update(String clientOrderId, String event) {
            return updates.stream().filter(u -> clientOrderId.equals(AlpacaJson.text(order(u), "client_order_id"))
                && event.equals(AlpacaJson.text(u, "event"))).findFirst().orElseThrow(() -> new AssertionError("no " + event));
        }

        @Override
        public void close() throws IOException {
            ws.close(1000, null);
            fx.close();
        }
    }
}
