package io.sentio.launcher.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import static io.sentio.launcher.alpaca.ExchangeFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.core.market.Universe;
import io.sentio.core.time.SessionCalendar;
import io.sentio.launcher.alpaca.stream.Backoff;
import io.sentio.launcher.alpaca.trading.AlpacaBroker;
import io.sentio.launcher.alpaca.trading.Broker;
import io.sentio.launcher.alpaca.trading.OrderPoller;
import io.sentio.launcher.alpaca.trading.OrderReport;
import io.sentio.launcher.alpaca.trading.OrderSide;
import io.sentio.launcher.alpaca.trading.TradeUpdate;
import io.sentio.launcher.alpaca.trading.TradeUpdatesStream;
import io.sentio.launcher.exchange.FaultPlan;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class AlpacaBrokerTest {
    private static final Universe UNIVERSE = Universe.of("SPY", "QQQ");
    private static final int MINUTES = 30;
    private static final double SPEED = 600;

    private static final class Session implements AutoCloseable {
        final ExchangeFixture fx;
        final AlpacaBroker broker;
        final List<TradeUpdate> updates = new CopyOnWriteArrayList<>();
        final TradeUpdatesStream stream;

        Session(FaultPlan faults) throws Exception {
            this(faults, SPEED);
        }

        Session(FaultPlan faults, double speed) throws Exception {
            fx = new ExchangeFixture(UNIVERSE, TestTapes.tape(UNIVERSE, MINUTES), speed, faults);
            broker = new AlpacaBroker(fx.rest(fx.marketClock()), 3);
            stream = new TradeUpdatesStream(fx.http, fx.server.httpUrl().replace("http", "ws") + "/stream",
                ExchangeFixture.CREDENTIALS, updates::add, new Backoff(20, 200, 7), 3);
            stream.start();
            assertTrue(stream.awaitListening(5, TimeUnit.SECONDS), "trade_updates listening");
            await("first minute published", 5_000, () -> fx.server.minutesPublished() >= 1);
        }

        List<String> events(String clientOrderId) {
            return updates.stream().filter(u -> u.order.clientOrderId.equals(clientOrderId))
                .map(u -> u.event + (u.fillQty > 0 ? " " + u.fillQty : "")).collect(java.util.stream.Collectors.toList());
        }

        @Override
        public void close() throws java.io.IOException {
            stream.close();
            fx.close();
        }
    }

    /** Minute index of the bar a market order placed now would fill at: the next bar to start. */
    private static int nextMinute(ExchangeFixture fx) {
        long open = SessionCalendar.openEpochSecond(TestTapes.DAY.toEpochDay());
        return (int) ((fx.server.marketTimeMillis() / 1000 - open) / 60) + 1;
    }

    @Test
    void shouldFillAMarketOrderAtTheNextBarsOpenAndReportItOnTradeUpdates() throws Exception {
        try (Session s = new Session(new FaultPlan())) {
            int earliest = nextMinute(s.fx);
            OrderReport placed = s.broker.submitMarketOrder("SPY", 10, OrderSide.BUY, "run1-0931-SPY-1");
            int latest = nextMinute(s.fx);
            assertEquals("new", placed.status);
            assertEquals(10, placed.qty);
            await("fill", 5_000, () -> s.events("run1-0931-SPY-1").contains("fill 10"));
            assertEquals(List.of("new", "fill 10"), s.events("run1-0931-SPY-1"));
            TradeUpdate fill = s.updates.get(s.updates.size() - 1);
            boolean atANextOpen = false;
            for (int m = earliest; m <= latest; m++) {
                atANextOpen |= fill.fillPrice == TestTapes.open(0, m, 2);
            }
            assertTrue(atANextOpen, "fill " + fill.fillPrice + " at the open of minute " + earliest + ".." + latest);
            List<Broker.Position> positions = s.broker.positions();
            assertEquals(1, positions.size());
            assertEquals(10, positions.get(0).qty);
            assertEquals(fill.fillPrice, positions.get(0).avgEntryPrice, 1e-9);
            assertEquals(100_000 - 10 * fill.fillPrice, s.broker.account().cash, 0.006);
            assertTrue(s.broker.clock().isOpen);
        }
    }

    @Test
    void shouldSurfaceARejectedOrder() throws Exception {
        FaultPlan faults = new FaultPlan();
        faults.rejectSymbol = "QQQ";
        try (Session s = new Session(faults)) {
            OrderReport r = s.broker.submitMarketOrder("QQQ", 5, OrderSide.BUY, "run1-QQQ-1");
            assertTrue(r.isRejected(), r.toString());
            await("rejected event", 5_000, () -> s.events("run1-QQQ-1").contains("rejected"));
            assertEquals("rejected", s.broker.orderByClientOrderId("run1-QQQ-1").status);
            assertEquals(List.of(), s.broker.positions());
        }
    }

    @Test
    void shouldRejectTheNthOrder() throws Exception {
        FaultPlan faults = new FaultPlan();
        faults.rejectNthOrder = 2;
        try (Session s = new Session(faults)) {
            assertEquals("new", s.broker.submitMarketOrder("SPY", 1, OrderSide.BUY, "a").status);
            assertTrue(s.broker.submitMarketOrder("SPY", 1, OrderSide.BUY, "b").isRejected());
            assertEquals("new", s.broker.submitMarketOrder("SPY", 1, OrderSide.BUY, "c").status);
        }
    }

    @Test
    void shouldNotPlaceASecondOrderWhenTheAcknowledgementWasLost() throws Exception {
        FaultPlan faults = new FaultPlan();
        faults.loseAckOfNthOrder = 1;
        try (Session s = new Session(faults)) {
            OrderReport r = s.broker.submitMarketOrder("SPY", 3, OrderSide.BUY, "run1-lost-ack");
            assertEquals("run1-lost-ack", r.clientOrderId);
            assertEquals(1, s.fx.server.orderCount(), "the lookup by client_order_id found the first order");
            await("fill", 5_000, () -> s.events("run1-lost-ack").contains("fill 3"));
            assertEquals(3, s.broker.positions().get(0).qty);
        }
    }

    @Test
    void shouldReturnTheExistingOrderWhenAClientOrderIdIsResent() throws Exception {
        try (Session s = new Session(new FaultPlan())) {
            OrderReport first = s.broker.submitMarketOrder("SPY", 2, OrderSide.BUY, "run1-dup");
            OrderReport again = s.broker.submitMarketOrder("SPY", 2, OrderSide.BUY, "run1-dup");
            assertEquals(first.id, again.id);
            assertEquals(1, s.fx.server.orderCount());
            assertNull(s.broker.orderByClientOrderId("never-sent"));
        }
    }

    @Test
    void shouldReportPartialFillsThenTheFinalFill() throws Exception {
        FaultPlan faults = new FaultPlan();
        faults.partialFills = true;
        try (Session s = new Session(faults)) {
            s.broker.submitMarketOrder("SPY", 10, OrderSide.BUY, "run1-partial");
            await("fill", 5_000, () -> s.events("run1-partial").contains("fill 5"));
            assertEquals(List.of("new", "partial_fill 5", "fill 5"), s.events("run1-partial"));
        }
    }

    @Test
    void shouldCloseAllPositionsWithOneResultPerSymbol() throws Exception {
        try (Session s = new Session(new FaultPlan())) {
            s.broker.submitMarketOrder("SPY", 4, OrderSide.BUY, "o1");
            s.broker.submitMarketOrder("QQQ", 6, OrderSide.BUY, "o2");
            await("fills", 5_000, () -> s.events("o1").contains("fill 4") && s.events("o2").contains("fill 6"));
            List<Broker.CloseResult> closed = s.broker.closeAll();
            assertEquals(2, closed.size());
            assertEquals("SPY", closed.get(0).symbol);
            assertEquals(200, closed.get(0).status);
            assertEquals(OrderSide.SELL, closed.get(0).order.side);
            assertEquals(4, closed.get(0).order.qty);
            await("flat", 5_000, () -> {
                try {
                    return s.broker.positions().isEmpty();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
        }
    }

    @Test
    void shouldCloseOnePositionLeaveTheOtherAndAnswer404WhenNoneIsHeld() throws Exception {
        try (Session s = new Session(new FaultPlan())) {
            s.broker.submitMarketOrder("SPY", 4, OrderSide.BUY, "o1");
            s.broker.submitMarketOrder("QQQ", 6, OrderSide.BUY, "o2");
            await("fills", 5_000, () -> s.events("o1").contains("fill 4") && s.events("o2").contains("fill 6"));
            Broker.CloseResult closed = s.broker.closePosition("SPY");
            assertEquals(200, closed.status);
            assertEquals(OrderSide.SELL, closed.order.side);
            assertEquals(4, closed.order.qty);
            await("SPY closed", 5_000, () -> {
                try {
                    List<Broker.Position> held = s.broker.positions();
                    return held.size() == 1 && held.get(0).symbol.equals("QQQ") && held.get(0).qty == 6;
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            assertEquals(404, s.broker.closePosition("SPY").status, "nothing left to close");
        }
    }

    @Test
    void shouldAnswerOnePositionAndListOrdersByStatusNewestFirstAsAlpacaDoes() throws Exception {
        try (Session s = new Session(new FaultPlan())) {
            AlpacaRest rest = s.fx.rest(s.fx.marketClock());
            s.broker.submitMarketOrder("SPY", 4, OrderSide.BUY, "o1");
            await("SPY filled", 5_000, () -> s.events("o1").contains("fill 4"));
            // After the tape's last minute no bar opens again: an order placed now stays open.
            await("the tape has ended", 10_000, () -> s.fx.server.minutesPublished() >= MINUTES);
            s.broker.submitMarketOrder("QQQ", 6, OrderSide.BUY, "o2");

            JsonNode spy = AlpacaJson.object(rest.get(rest.url("/v2/positions/SPY").build()).body);
            assertEquals("SPY", AlpacaJson.text(spy, "symbol"));
            assertEquals("4", AlpacaJson.text(spy, "qty"), "quantities are strings on the wire");
            AlpacaApiException none = assertThrows(AlpacaApiException.class,
                () -> rest.get(rest.url("/v2/positions/QQQ").build()), "an open order holds nothing yet");
            assertEquals(404, none.httpStatus());

            assertEquals(List.of("o2"), clientIds(rest, rest.url("/v2/orders")), "default: open orders only");
            assertEquals(List.of("o1"), clientIds(rest, rest.url("/v2/orders").addQueryParameter("status", "closed")));
            assertEquals(List.of("o2", "o1"), clientIds(rest, rest.url("/v2/orders").addQueryParameter("status", "all")));
            assertEquals(List.of("o1", "o2"), clientIds(rest,
                rest.url("/v2/orders").addQueryParameter("status", "all").addQueryParameter("direction", "asc")));
            assertEquals(List.of("o2"), clientIds(rest,
                rest.url("/v2/orders").addQueryParameter("status", "all").addQueryParameter("limit", "1")));
            AlpacaApiException badLimit = assertThrows(AlpacaApiException.class,
                () -> rest.get(rest.url("/v2/orders").addQueryParameter("limit", "501").build()));
            assertEquals(422, badLimit.httpStatus());
        }
    }

    @Test
    void shouldExpireADayOrderStillOpenAtTheClose() throws Exception {
        // 6000x: the replay reaches the 16:00 close ~4 s after the open.
        try (Session s = new Session(new FaultPlan(), 6_000)) {
            await("the tape has ended", 5_000, () -> s.fx.server.minutesPublished() >= MINUTES);
            s.broker.submitMarketOrder("SPY", 4, OrderSide.BUY, "late");
            await("expired at the close", 10_000, () -> s.events("late").contains("expired"));
            assertEquals(List.of("new", "expired"), s.events("late"));
            OrderReport late = s.broker.orderByClientOrderId("late");
            assertEquals("expired", late.status);
            assertEquals(0, late.filledQty);
            assertTrue(s.broker.positions().isEmpty());
            assertEquals(100_000, s.broker.account().cash, 1e-9);
        }
    }

    private static List<Object> clientIds(AlpacaRest rest, okhttp3.HttpUrl.Builder url) throws Exception {
        List<Object> ids = new java.util.ArrayList<>();
        for (JsonNode order : AlpacaJson.array(rest.get(url.build()).body)) {
            ids.add(AlpacaJson.text(order, "client_order_id"));
        }
        return ids;
    }

    @Test
    void shouldFindFillsByPollingWhenTheStreamIsDown() throws Exception {
        try (Session s = new Session(new FaultPlan())) {
            List<TradeUpdate> polled = new CopyOnWriteArrayList<>();
            OrderPoller poller = new OrderPoller(s.broker, polled::add);
            poller.track(s.broker.submitMarketOrder("SPY", 7, OrderSide.BUY, "run1-poll"));
            await("polled fill", 5_000, () -> {
                try {
                    poller.pollOnce();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
                return !polled.isEmpty() && "fill".equals(polled.get(polled.size() - 1).event);
            });
            TradeUpdate fill = polled.get(polled.size() - 1);
            assertEquals(7, fill.fillQty);
            assertEquals(s.broker.positions().get(0).avgEntryPrice, fill.fillPrice, 1e-9);
            assertEquals(0, poller.tracked());
        }
    }

    @Test
    void shouldReportByPollingAFillTheSubmitAnswerAlreadyShowed() throws Exception {
        // Under fill-at-arrival the stand-in fills before it answers: the answer itself says filled.
        try (ExchangeFixture fx = new ExchangeFixture(UNIVERSE, TestTapes.tape(UNIVERSE, MINUTES), SPEED, new FaultPlan(), true)) {
            AlpacaBroker broker = new AlpacaBroker(fx.rest(fx.marketClock()), 3);
            List<TradeUpdate> polled = new CopyOnWriteArrayList<>();
            OrderPoller poller = new OrderPoller(broker, polled::add);
            OrderReport answer = broker.submitMarketOrder("SPY", 7, OrderSide.BUY, "run1-filled-at-once");
            assertEquals("filled", answer.status);
            poller.track(answer);
            poller.pollOnce();
            assertEquals(1, polled.size(), "the fill is reported once: " + polled);
            assertEquals("fill", polled.get(0).event);
            assertEquals(7, polled.get(0).fillQty);
            assertEquals(answer.filledAvgPrice, polled.get(0).fillPrice, 1e-9);
            assertEquals(0, poller.tracked());
        }
    }

    @Test
    void shouldWaitUntilTheRateLimitResetAfterA429Burst() throws Exception {
        FaultPlan faults = new FaultPlan();
        faults.rateLimitBurst = 2;
        try (ExchangeFixture fx = new ExchangeFixture(UNIVERSE, TestTapes.tape(UNIVERSE, MINUTES), SPEED, faults)) {
            long before = System.currentTimeMillis() / 1000;
            FakeClock clock = new FakeClock(before * 1000);
            AlpacaBroker broker = new AlpacaBroker(fx.rest(clock), 1);
            Broker.Account account = broker.account();
            assertEquals("ACTIVE", account.status);
            assertEquals("PA0STANDIN", account.accountNumber, "the number a --live run is confirmed with");
            long after = System.currentTimeMillis() / 1000;
            // Both 429s name the same reset second when they arrive within one real second: one wait then.
            assertTrue(clock.sleeps.size() == 1 || clock.sleeps.size() == 2, "a wait per distinct reset: " + clock.sleeps);
            assertTrue(clock.epochMillis() >= (before + 1) * 1000, "the client waited for the reset");
            for (long target : clock.sleeps) {
                assertEquals(0, target % 1000, "X-Ratelimit-Reset is in whole unix seconds");
                assertTrue(target / 1000 >= before + 1 && target / 1000 <= after + 1, "waited until the reset: " + target);
            }
        }
    }

    @Test
    void shouldWaitForTheResetOfABudgetExhaustedAtAnOrderAndPlaceItOnce() throws Exception {
        FaultPlan faults = new FaultPlan();
        faults.rateLimitAtOrder = 1;
        try (ExchangeFixture fx = new ExchangeFixture(UNIVERSE, TestTapes.tape(UNIVERSE, MINUTES), SPEED, faults)) {
            List<Long> waits = new CopyOnWriteArrayList<>();
            AlpacaClock waiting = new AlpacaClock() {
                @Override
                public long epochMillis() {
                    return System.currentTimeMillis();
                }

                @Override
                public void sleepUntil(long target) throws InterruptedException {
                    waits.add(target);
                    AlpacaClock.SYSTEM.sleepUntil(target);
                }
            };
            long firstSecond = System.currentTimeMillis() / 1000;
            OrderReport placed = new AlpacaBroker(fx.rest(waiting), 1).submitMarketOrder("SPY", 3, OrderSide.BUY, "run1-limited");
            assertEquals("run1-limited", placed.clientOrderId);
            assertEquals(1, fx.server.orderCount(), "placed once");
            assertEquals(0, fx.server.duplicateClientOrderIds());
            assertEquals(1, fx.server.rateLimitedRequests(), "refused once, then let through after the wait");
            assertEquals(1, waits.size(), "one wait, until the reset the 429 named: " + waits);
            assertTrue(waits.get(0) % 1000 == 0 && waits.get(0) >= (firstSecond + 2) * 1000,
                "the window ends at the second after next from the order that exhausted it: " + waits);
        }
    }

    @Test
    void shouldRefuseEveryRequestInsideTheWindowSoAClientThatDoesNotWaitRunsOutOfRetries() throws Exception {
        FaultPlan faults = new FaultPlan();
        faults.rateLimitAtOrder = 1;
        try (ExchangeFixture fx = new ExchangeFixture(UNIVERSE, TestTapes.tape(UNIVERSE, MINUTES), SPEED, faults)) {
            AlpacaBroker impatient = new AlpacaBroker(fx.rest(new FakeClock(System.currentTimeMillis())), 1);
            AlpacaApiException e = assertThrows(AlpacaApiException.class,
                () -> impatient.submitMarketOrder("SPY", 3, OrderSide.BUY, "run1-limited"));
            assertEquals(429, e.httpStatus());
            assertEquals(0, fx.server.orderCount());
            assertEquals(4, fx.server.rateLimitedRequests(), "the order and its 3 retries");
        }
    }

    @Test
    void shouldGiveUpWhenTheServerKeepsAnswering429() throws Exception {
        FaultPlan faults = new FaultPlan();
        faults.rateLimitBurst = 10;
        try (ExchangeFixture fx = new ExchangeFixture(UNIVERSE, TestTapes.tape(UNIVERSE, MINUTES), SPEED, faults)) {
            AlpacaBroker broker = new AlpacaBroker(fx.rest(new FakeClock(System.currentTimeMillis())), 1);
            AlpacaApiException e = assertThrows(AlpacaApiException.class, broker::account);
            assertEquals(429, e.httpStatus());
        }
    }

    @Test
    void shouldSpendAtMost200RequestsAMinuteOnTheClientSide() throws Exception {
        FakeClock clock = new FakeClock(1_000_000);
        TokenBucket bucket = new TokenBucket(clock, 200, 200);
        for (int i = 0; i < 200; i++) {
            bucket.acquire();
        }
        assertEquals(List.of(), clock.sleeps, "a full bucket serves 200 at once");
        bucket.acquire();
        assertEquals(List.of(1_000_300L), clock.sleeps, "then one token every 300 ms");
        bucket.pauseUntil(1_005_000);
        bucket.acquire();
        assertEquals(1_005_000L, clock.epochMillis(), "a 429 holds every caller until the server's reset");
    }
}
