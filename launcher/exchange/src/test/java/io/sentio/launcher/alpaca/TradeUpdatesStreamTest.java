package io.sentio.launcher.alpaca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.core.market.Universe;
import io.sentio.launcher.alpaca.stream.Backoff;
import io.sentio.launcher.alpaca.trading.AlpacaBroker;
import io.sentio.launcher.alpaca.trading.Broker;
import io.sentio.launcher.alpaca.trading.OrderPoller;
import io.sentio.launcher.alpaca.trading.OrderSide;
import io.sentio.launcher.alpaca.trading.TradeUpdate;
import io.sentio.launcher.alpaca.trading.TradeUpdateListener;
import io.sentio.launcher.alpaca.trading.TradeUpdatesStream;
import io.sentio.launcher.exchange.FaultPlan;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class TradeUpdatesStreamTest {
    @Test
    void shouldTellTheListenerToPollWhenTheStreamRefusesTheKeys() throws Exception {
        Universe u = Universe.of("SPY");
        try (ExchangeFixture fx = new ExchangeFixture(u, TestTapes.tape(u, 5), 600, new FaultPlan())) {
            String[] down = new String[1];
            TradeUpdateListener listener = new TradeUpdateListener() {
                @Override
                public void onTradeUpdate(TradeUpdate update) {
                }

                @Override
                public void onStreamDown(String reason) {
                    down[0] = reason;
                }
            };
            try (TradeUpdatesStream s = new TradeUpdatesStream(fx.http, fx.server.httpUrl().replace("http", "ws") + "/stream",
                new AlpacaCredentials(ExchangeFixture.KEY, "not-the-secret"), listener, new Backoff(10, 50, 3), 3)) {
                s.start();
                assertFalse(s.awaitListening(300, TimeUnit.MILLISECONDS));
                ExchangeFixture.await("stream down", 10_000, () -> down[0] != null);
            }
            assertTrue(down[0].contains("authentication failed"), down[0]);
        }
    }

    @Test
    void shouldBeCutRefusedAndRestoredAroundAnOutageWhileOnePollCatchesUpWithTheFillItMissed() throws Exception {
        Universe u = Universe.of("SPY");
        FaultPlan faults = new FaultPlan();
        // One market minute per real second: down when minute 2 is due (3 s in), up again when minute 4 is.
        faults.tradeUpdatesDownAtMinute = 2;
        faults.tradeUpdatesDownMinutes = 2;
        try (ExchangeFixture fx = new ExchangeFixture(u, TestTapes.tape(u, 8), 60, faults, true)) {
            Follower f = new Follower(new AlpacaBroker(fx.rest(fx.marketClock()), 3));
            try (TradeUpdatesStream s = new TradeUpdatesStream(fx.http, fx.server.httpUrl().replace("http", "ws") + "/stream",
                ExchangeFixture.CREDENTIALS, f, new Backoff(10, 50, 3), 2)) {
                s.start();
                assertTrue(s.awaitListening(5, TimeUnit.SECONDS));
                f.submit("before", 5);
                ExchangeFixture.await("the fill on the stream", 5_000, () -> f.streamed.contains("fill before"));

                ExchangeFixture.await("the stream given up", 10_000, () -> f.down != null);
                f.submit("during", 3);
                ExchangeFixture.await("the stream back", 10_000, () -> f.restored > 0);
                assertFalse(f.streamed.contains("fill during"), "the outage's order events were sent to no one: " + f.streamed);
                f.poller.pollOnce();
                f.poller.pollOnce();
                assertEquals(List.of("fill before", "fill during"), f.reported,
                    "the catch-up poll reports the missed fill, once, and not the one the stream delivered");
                assertEquals(0, f.poller.tracked());

                f.submit("after", 2);
                ExchangeFixture.await("a fill on the stream again", 5_000, () -> f.streamed.contains("fill after"));
            }
            assertTrue(f.down.contains("HTTP 503"), "reconnects refused during the outage: " + f.down);
            assertTrue(fx.server.refusedTradeStreamConnections() >= 3, "refused: " + fx.server.refusedTradeStreamConnections());
            assertEquals(1, f.restored, "restored once, after the outage");
            assertEquals(List.of("fill before", "fill during", "fill after"), f.reported);
        }
    }

    /** Follows orders as the live venue does: the stream's events and the poller's, each new state reported once. */
    private static final class Follower implements TradeUpdateListener {
        final Broker broker;
        final OrderPoller poller;
        final List<String> streamed = new CopyOnWriteArrayList<>();
        final List<String> reported = new CopyOnWriteArrayList<>();
        volatile String down;
        volatile int restored;

        Follower(Broker broker) {
            this.broker = broker;
            this.poller = new OrderPoller(broker, this::report);
        }

        void submit(String clientOrderId, long qty) throws Exception {
            poller.track(broker.submitMarketOrder("SPY", qty, OrderSide.BUY, clientOrderId));
        }

        @Override
        public void onTradeUpdate(TradeUpdate update) {
            streamed.add(update.event + " " + update.order.clientOrderId);
            report(update);
        }

        private void report(TradeUpdate update) {
            if (poller.observe(update.order) && !"new".equals(update.event)) {
                reported.add(update.event + " " + update.order.clientOrderId);
            }
        }

        @Override
        public void onStreamDown(String reason) {
            down = reason;
        }

        @Override
        public void onStreamRestored() {
            restored++;
        }
    }
}
