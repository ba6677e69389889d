package io.sentio.launcher.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.core.execution.FillBatch;
import io.sentio.core.pipeline.PipelineEvent;
import io.sentio.core.pipeline.TradeListener;
import io.sentio.launcher.ExitCodes;
import io.sentio.launcher.alpaca.ExchangeFixture;
import io.sentio.launcher.exchange.ExchangeServer;
import io.sentio.launcher.exchange.FaultPlan;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live daemon against the stand-in's faults: a dropped feed, a rejected order, a dead feed, a restart. */
class LiveFaultsTest {
    private static final double SPEED = 600;

    @Test
    void shouldRecoverFromADroppedFeedAndARejectedOrderWithoutLosingAMinute(@TempDir Path dir) throws Exception {
        LiveFixture fx = new LiveFixture(dir);
        FaultPlan faults = new FaultPlan();
        faults.dropAtMinute = 150;
        faults.rejectNthOrder = 1;
        Recorder rec = new Recorder(null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (ExchangeServer x = fx.exchange(SPEED, faults)) {
            LiveDaemon daemon = new LiveDaemon(fx.settings(x, out, err).extraListener(rec));
            int exit = daemon.run();
            String log = log(dir, out, err);
            assertEquals(0, exit, log);
            assertEquals(391, rec.minutes.size(), "every minute of the session published once");
            for (int m = 0; m < 391; m++) {
                assertEquals(m, rec.minutes.get(m), "minutes in order, none lost");
                assertEquals(4, rec.present.get(m), "minute " + m + " complete, nothing forward-filled");
            }
            assertTrue(rec.backfilledMinutes.contains(150), "the dropped minute came back through the backfill: "
                + rec.backfilledMinutes);
            assertFalse(log.contains("sentio live: late "), log);
            assertEquals(1, daemon.report().ordersRejected, log);
            assertEquals(1, rec.cancels, "the rejected order left the book: its slot is free");
            assertTrue(daemon.report().ordersSent > 1, "trading went on after the rejection");
            assertEquals(List.of(), x.positions());
            assertTrue(log.contains("positions: daemon flat, broker flat"), log);
            assertFalse(log.contains(ExchangeFixture.SECRET), "the API secret never appears in the output");
        }
    }

    @Test
    void shouldTradeEveryMinuteThroughGarbageOnBothStreamsAndCountIt(@TempDir Path dir) throws Exception {
        LiveFixture fx = new LiveFixture(dir);
        FaultPlan faults = new FaultPlan();
        faults.garbageEvery = 3;
        Recorder rec = new Recorder(null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (ExchangeServer x = fx.exchange(SPEED, faults)) {
            LiveDaemon daemon = new LiveDaemon(fx.settings(x, out, err).extraListener(rec));
            int exit = daemon.run();
            String log = log(dir, out, err);
            assertEquals(0, exit, log);
            assertEquals(391, rec.minutes.size(), "every minute of the session published once");
            for (int m = 0; m < 391; m++) {
                assertEquals(4, rec.present.get(m), "minute " + m + " complete: garbage cost no bar");
            }
            LiveReport report = daemon.report();
            assertTrue(report.garbageMarketData >= 391 / 3, "a garbage frame after every third real one: " + log);
            assertTrue(report.ordersSent >= 3, "orders went out: " + log);
            assertTrue(report.garbageTradeUpdates >= report.ordersSent * 2 / 3,
                "a garbage message after every third trade update (new + fill per order): " + log);
            assertTrue(log.contains("sentio live: garbage dropped: market data " + report.garbageMarketData
                + ", trade_updates " + report.garbageTradeUpdates), log);
            assertEquals(report.ordersSent, x.orderCount(), "every order placed once");
            assertEquals(0, x.duplicateClientOrderIds(), "no order sent twice");
            assertEquals(0, report.ordersRejected, log);
            assertEquals(List.of(), x.positions());
            assertTrue(log.contains("positions: daemon flat, broker flat"), log);
        }
    }

    @Test
    void shouldStopTradingFlattenAndExitWithVenueFailureWhenTheFeedIsGoneForGood(@TempDir Path dir) throws Exception {
        LiveFixture fx = new LiveFixture(dir);
        FaultPlan faults = new FaultPlan();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (ExchangeServer x = fx.exchange(SPEED, faults)) {
            // Once the daemon holds a position, every reconnect is refused (406) from the next minute on.
            Recorder rec = new Recorder(r -> {
                if (r.holding && faults.dropAtMinute < 0) {
                    faults.connectionLimit = true;
                    faults.dropAtMinute = r.minutes.get(r.minutes.size() - 1) + 2;
                }
            });
            LiveDaemon daemon = new LiveDaemon(fx.settings(x, out, err).extraListener(rec));
            int exit = daemon.run();
            String log = log(dir, out, err);
            assertEquals(ExitCodes.VENUE_FAILURE, exit, log);
            assertTrue(log.contains("market data gone"), log);
            assertTrue(log.contains("flatten: "), log);
            ExchangeFixture.await("the flatten orders to fill", 10_000, () -> x.positions().isEmpty());
            assertTrue(rec.minutes.size() < 391, "stopped before the close");
        }
    }

    @Test
    void shouldGiveUpAfterFiveFailedReconnectsWhenTheExchangeIsGone(@TempDir Path dir) throws Exception {
        LiveFixture fx = new LiveFixture(dir);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ExchangeServer x = fx.exchange(SPEED, new FaultPlan());
        try {
            Recorder rec = new Recorder(r -> {
                if (r.holding) {
                    try {
                        x.close();
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            });
            int exit = new LiveDaemon(fx.settings(x, out, err).extraListener(rec)).run();
            String log = log(dir, out, err);
            assertEquals(ExitCodes.VENUE_FAILURE, exit, log);
            assertTrue(log.contains("lost after 5 reconnect attempts"), log);
            assertTrue(log.contains("FLATTEN FAILED, check the account by hand"), "the operator is told: " + log);
        } finally {
            x.close();
        }
    }

    @Test
    void shouldRefuseUnknownBrokerPositionsAndAdoptThemOnRestartWithoutReusingAnOrderId(@TempDir Path dir) throws Exception {
        LiveFixture fx = new LiveFixture(dir);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (ExchangeServer x = fx.exchange(SPEED, new FaultPlan())) {
            LiveDaemon[] first = new LiveDaemon[1];
            Recorder stopper = new Recorder(r -> {
                if (r.holding) {
                    first[0].requestStop("test: stop while holding");
                }
            });
            first[0] = new LiveDaemon(fx.settings(x, out, err).extraListener(stopper));
            assertEquals(0, first[0].run(), log(dir, out, err));
            List<String> held = x.positions();
            assertFalse(held.isEmpty(), "stopped while holding, without flattening");

            LiveDaemon refusing = new LiveDaemon(fx.settings(x, out, err));
            assertEquals(ExitCodes.RECONCILIATION_MISMATCH, refusing.run());
            String log = log(dir, out, err);
            assertTrue(log.contains("positions at the broker differ"), log);
            assertTrue(log.contains(held.get(0).split("=")[0] + ": broker " + held.get(0).split("=")[1]), log);

            LiveDaemon adopting = new LiveDaemon(fx.settings(x, out, err).adopt(true));
            assertEquals(0, adopting.run(), log(dir, out, err));
            assertEquals(List.of(), x.positions(), "the adopted positions were closed by the session's flatten");
            assertEquals(first[0].report().ordersSent + adopting.report().ordersSent, x.orderCount(),
                "every order of both runs placed once: no client order id reused");
            assertTrue(log(dir, out, err).contains("adopting the broker's positions"));
        }
    }

    private static String log(Path dir, ByteArrayOutputStream out, ByteArrayOutputStream err) throws Exception {
        String all = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        Files.writeString(Path.of("target", "live-faults-" + dir.getFileName() + ".log"), all);
        return all;
    }

    /** Per bar set: minute, symbols present, backfilled; cancels; whether anything is held. */
    static final class Recorder implements TradeListener {
        final List<Integer> minutes = new CopyOnWriteArrayList<>();
        final List<Integer> present = new CopyOnWriteArrayList<>();
        final List<Integer> backfilledMinutes = new CopyOnWriteArrayList<>();
        final long[] position = new long[LiveFixture.SYMBOLS.size()];
        final Consumer<Recorder> onMinute;
        volatile int cancels;
        volatile boolean holding;

        Recorder(Consumer<Recorder> onMinute) {
            this.onMinute = onMinute;
        }

        @Override
        public void onFills(PipelineEvent ev) {
            for (int i = 0; i < ev.fills.count(); i++) {
                if (ev.fills.status(i) == FillBatch.CANCELLED) {
                    cancels++;
                } else {
                    position[ev.fills.symbol(i)] += ev.fills.quantity(i);
                }
            }
        }

        @Override
        public void onBarSet(PipelineEvent ev) {
            minutes.add(ev.received.sessionMinute);
            present.add(ev.received.presentCount());
            if (ev.backfilled) {
                backfilledMinutes.add(ev.received.sessionMinute);
            }
            boolean h = false;
            for (long p : position) {
                h |= p != 0;
            }
            holding = h;
            if (onMinute != null) {
                onMinute.accept(this);
            }
        }
    }
}
