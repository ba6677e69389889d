package io.sentio.launcher.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.core.market.BarSource;
import io.sentio.core.market.MutableBar;
import io.sentio.core.time.SessionCalendar;
import io.sentio.launcher.ExitCodes;
import io.sentio.launcher.alpaca.stream.BarListener;
import io.sentio.launcher.alpaca.stream.StreamStatusListener;
import io.sentio.launcher.alpaca.trading.Broker;
import io.sentio.launcher.alpaca.trading.OrderReport;
import io.sentio.launcher.alpaca.trading.OrderSide;
import io.sentio.launcher.alpaca.trading.TradeUpdate;
import io.sentio.launcher.alpaca.trading.TradeUpdateListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon over connections held in memory: no exchange, no sockets. Bars come from the fixture's
 * bar files on a feed thread, orders fill at once at the last close, and the market clock stands at
 * the session's open (every minute is closed by its bars, none by the clock).
 */
class LiveDaemonInMemoryTest {

    @Test
    void shouldPublishEveryMinuteOfTheFeedAndSendEachOrderToTheBrokerOnce(@TempDir Path dir) throws Exception {
        LiveFixture fx = new LiveFixture(dir);
        MemoryBroker broker = new MemoryBroker();
        MemoryBars bars = new MemoryBars(fx, broker, false);
        MemoryTradeUpdates updates = new MemoryTradeUpdates(broker);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        LiveDaemon daemon = new LiveDaemon(fx.settings(connections(broker, bars, updates), out, err));

        int exit = daemon.run();

        String log = err.toString(StandardCharsets.UTF_8);
        assertEquals(ExitCodes.OK, exit, log);
        assertEquals(SessionCalendar.closeMinute(LiveFixture.DAY) + 1, daemon.report().barSetsPublished,
            "one bar set per session minute:\n" + log);
        assertEquals(Long.MIN_VALUE, bars.resumeAfter, "a fresh start asks for no backfill");
        assertTrue(bars.closed && updates.closed, "both feeds closed at the end");
        assertTrue(broker.orders.size() > 0, "the session traded:\n" + out.toString(StandardCharsets.UTF_8) + log);
        assertEquals(broker.orders.size(), new HashSet<>(broker.orders).size(), "no client order id sent twice");
        assertEquals(broker.orders.size(), daemon.report().ordersSent, "the venue counts what the broker received");
        assertTrue(log.contains("trading memory"), log);
    }

    @Test
    void shouldFlattenAndExitWithAFeedFailureWhenTheBarFeedGivesUp(@TempDir Path dir) throws Exception {
        LiveFixture fx = new LiveFixture(dir);
        MemoryBroker broker = new MemoryBroker();
        broker.positions.put("TQQQ", 10L);
        MemoryBars bars = new MemoryBars(fx, broker, true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        LiveDaemon daemon = new LiveDaemon(fx.settings(connections(broker, bars, new MemoryTradeUpdates(broker)), out, err)
            .adopt(true));

        int exit = daemon.run();

        String log = err.toString(StandardCharsets.UTF_8);
        assertEquals(ExitCodes.VENUE_FAILURE, exit, log);
        assertTrue(log.contains("market data gone: feed gone in a test"), log);
        assertEquals(List.of("TQQQ"), broker.closed, "the adopted position is closed");
        assertEquals(Map.of(), broker.positions, "broker flat");
    }

    private static LiveConnections connections(MemoryBroker broker, MemoryBars bars, MemoryTradeUpdates updates) {
        long open = SessionCalendar.openEpochSecond(LiveFixture.DAY.toEpochDay()) * 1000;
        return new LiveConnections(broker, new FixedClock(open), bars, updates, "memory");
    }

    /** Market time standing still at one instant. */
    private record FixedClock(long epochMillis) implements LiveClock {
        @Override
        public double speed() {
            return 0;
        }

        @Override
        public void anchor() {
        }

        @Override
        public void sleepUntil(long target) {
            if (target > epochMillis) {
                throw new IllegalStateException("a clock standing still never reaches " + target);
            }
        }
    }

    /**
     * The fixture's session, minute by minute, on a thread of its own; or, {@code giveUp}, a feed that
     * subscribes and then fails for good.
     */
    private static final class MemoryBars implements BarFeed {
        private final LiveFixture fx;
        private final MemoryBroker broker;
        private final boolean giveUp;
        private Thread thread;
        volatile long resumeAfter;
        volatile boolean closed;

        MemoryBars(LiveFixture fx, MemoryBroker broker, boolean giveUp) {
            this.fx = fx;
            this.broker = broker;
            this.giveUp = giveUp;
        }

        @Override
        public void start(long resumeAfter, BarListener bars, StreamStatusListener status) {
            this.resumeAfter = resumeAfter;
            thread = new Thread(() -> {
                status.onSubscribed(1);
                if (giveUp) {
                    status.onFinalFailure(0, "feed gone in a test");
                } else {
                    deliver(bars);
                }
            }, "memory-bars");
            thread.start();
        }

        /** Minute by minute, every symbol's bar of the minute in universe order (the fixture has every minute). */
        private void deliver(BarListener listener) {
            BarSource[] sources = fx.wiring.bars(fx.dataDir, fx.universe, LiveFixture.DAY, LiveFixture.DAY);
            MutableBar bar = new MutableBar();
            try {
                boolean more = true;
                while (more && !closed) {
                    more = false;
                    for (int s = 0; s < sources.length; s++) {
                        if (sources[s].next(bar)) {
                            more = true;
                            broker.lastClose(fx.universe.symbol(s), bar.close);
                            listener.onBar(s, bar.epochSecond, bar.open, bar.high, bar.low, bar.close, bar.volume, false,
                                false);
                        }
                    }
                }
            } finally {
                for (BarSource source : sources) {
                    try {
                        source.close();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }

        @Override
        public void close() {
            closed = true;
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Order events straight from the {@link MemoryBroker}, always subscribed. */
    private static final class MemoryTradeUpdates implements TradeUpdateFeed {
        private final MemoryBroker broker;
        volatile boolean closed;

        MemoryTradeUpdates(MemoryBroker broker) {
            this.broker = broker;
        }

        @Override
        public void start(TradeUpdateListener listener) {
            broker.listener = listener;
        }

        @Override
        public boolean awaitListening(long timeout, TimeUnit unit) {
            return true;
        }

        @Override
        public void late() {
            throw new IllegalStateException("always listening: never late");
        }

        @Override
        public void close() {
            closed = true;
            broker.listener = null;
        }
    }

    /** Fills every market order at once at the symbol's last close and tells the trade-update listener. */
    private static final class MemoryBroker implements Broker {
        final Map<String, Long> positions = new LinkedHashMap<>();
        final Map<String, Double> lastClose = new LinkedHashMap<>();
        final Map<String, OrderReport> byClientId = new LinkedHashMap<>();
        final List<String> orders = new ArrayList<>();
        final List<String> closed = new ArrayList<>();
        volatile TradeUpdateListener listener;

        synchronized void lastClose(String symbol, double price) {
            lastClose.put(symbol, price);
        }

        @Override
        public OrderReport submitMarketOrder(String symbol, long qty, OrderSide side, String clientOrderId) {
            OrderReport filled;
            synchronized (this) {
                OrderReport known = byClientId.get(clientOrderId);
                if (known != null) {
                    return known;
                }
                double price = lastClose.getOrDefault(symbol, 100.0);
                filled = new OrderReport("o" + orders.size(), clientOrderId, symbol, side, qty, qty, price, "filled");
                orders.add(clientOrderId);
                byClientId.put(clientOrderId, filled);
                long held = positions.getOrDefault(symbol, 0L) + (side == OrderSide.BUY ? qty : -qty);
                if (held == 0) {
                    positions.remove(symbol);
                } else {
                    positions.put(symbol, held);
                }
            }
            TradeUpdateListener l = listener;
            if (l != null) {
                l.onTradeUpdate(new TradeUpdate("fill", filled, qty, filled.filledAvgPrice));
            }
            return filled;
        }

        @Override
        public synchronized OrderReport orderByClientOrderId(String clientOrderId) {
            return byClientId.get(clientOrderId);
        }

        @Override
        public Account account() {
            return new Account("PA0000000", "ACTIVE", 100_000, 100_000, 100_000);
        }

        @Override
        public synchronized List<Position> positions() {
            List<Position> list = new ArrayList<>();
            positions.forEach((symbol, qty) -> list.add(new Position(symbol, qty, lastClose.getOrDefault(symbol, 50.0),
                qty * lastClose.getOrDefault(symbol, 50.0))));
            return list;
        }

        @Override
        public MarketClock clock() throws IOException {
            throw new IOException("the daemon reads its LiveClock, not the broker's");
        }

        @Override
        public synchronized List<CloseResult> closeAll() {
            List<CloseResult> results = new ArrayList<>();
            for (String symbol : new ArrayList<>(positions.keySet())) {
                results.add(closePosition(symbol));
            }
            return results;
        }

        @Override
        public synchronized CloseResult closePosition(String symbol) {
            if (positions.remove(symbol) == null) {
                return new CloseResult(symbol, 404, null);
            }
            closed.add(symbol);
            return new CloseResult(symbol, 200, null);
        }
    }
}
