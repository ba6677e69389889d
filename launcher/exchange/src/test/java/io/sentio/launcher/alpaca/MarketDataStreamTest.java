package io.sentio.launcher.alpaca;

import static io.sentio.launcher.alpaca.ExchangeFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.core.market.Universe;
import io.sentio.core.time.SessionCalendar;
import io.sentio.launcher.alpaca.stream.MarketDataStream;
import io.sentio.launcher.exchange.FaultPlan;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class MarketDataStreamTest {
    private static final Universe UNIVERSE = Universe.of("SPY", "QQQ", "TQQQ");
    private static final int MINUTES = 12;
    /** 100 ms of real time per market minute. */
    private static final double SPEED = 600;

    private static List<String> expected(int minutes) {
        long open = SessionCalendar.openEpochSecond(TestTapes.DAY.toEpochDay());
        List<String> out = new ArrayList<>();
        for (int m = 0; m < minutes; m++) {
            for (int s = 0; s < UNIVERSE.size(); s++) {
                double o = TestTapes.open(s, m, 2);
                out.add(UNIVERSE.symbol(s) + " " + (open + 60L * m) + " " + o + " " + (o + 0.25) + " " + (o - 0.25)
                    + " " + (o + 0.05) + " " + (double) (1000 + m + 7 * s));
            }
        }
        return out;
    }

    private List<String> run(FaultPlan faults, boolean msgpack, ExchangeFixture.Recorder[] out) throws Exception {
        try (ExchangeFixture fx = new ExchangeFixture(UNIVERSE, TestTapes.tape(UNIVERSE, MINUTES), SPEED, faults)) {
            ExchangeFixture.Recorder rec = new ExchangeFixture.Recorder(UNIVERSE);
            out[0] = rec;
            try (MarketDataStream stream = new MarketDataStream(fx.streamContext(rec, msgpack))) {
                stream.start();
                await("all bars", 20_000, () -> rec.bars.size() >= MINUTES * UNIVERSE.size() || rec.finalReason != null);
            }
            return rec.bars;
        }
    }

    @Test
    void shouldDeliverEveryBarInOrderAfterSubscribing() throws Exception {
        ExchangeFixture.Recorder[] rec = new ExchangeFixture.Recorder[1];
        List<String> bars = run(new FaultPlan(), false, rec);
        assertEquals(expected(MINUTES), bars);
        assertEquals(List.of("subscribed 1"), rec[0].events);
    }

    @Test
    void shouldDecodeMsgpackFramesIdenticallyToJson() throws Exception {
        // A loaded machine may stall a socket long enough for the watchdog to reconnect and backfill:
        // the bars must still be the same, so the backfilled flag is left out of the comparison.
        ExchangeFixture.Recorder[] rec = new ExchangeFixture.Recorder[1];
        run(new FaultPlan(), true, rec);
        List<String> msgpack = rec[0].plainBars();
        assertEquals(expected(MINUTES), msgpack);
        run(new FaultPlan(), false, rec);
        assertEquals(rec[0].plainBars(), msgpack);
    }

    @Test
    void shouldDeliverCorrectionsAfterTheBarTheyCorrect() throws Exception {
        FaultPlan faults = new FaultPlan();
        faults.corrections = true;
        ExchangeFixture.Recorder[] rec = new ExchangeFixture.Recorder[1];
        try (ExchangeFixture fx = new ExchangeFixture(UNIVERSE, TestTapes.tape(UNIVERSE, MINUTES), SPEED, faults)) {
            ExchangeFixture.Recorder r = new ExchangeFixture.Recorder(UNIVERSE);
            rec[0] = r;
            try (MarketDataStream stream = new MarketDataStream(fx.streamContext(r, true))) {
                stream.start();
                await("bars and corrections", 20_000, () -> r.bars.size() >= 2 * 2 * UNIVERSE.size());
            }
        }
        List<String> e = expected(1);
        String first = rec[0].bars.get(0);
        assertEquals(e.get(0).replace(" 1000.0", " 999.0"), first, "the live bar misses one share");
        assertEquals(e.get(0) + " u", rec[0].bars.get(UNIVERSE.size()), "the correction carries the true bar");
    }

    @Test
    void shouldFailFinallyWith402WhenTheSecretIsWrong() throws Exception {
        try (ExchangeFixture fx = new ExchangeFixture(UNIVERSE, TestTapes.tape(UNIVERSE, MINUTES), SPEED, new FaultPlan())) {
            ExchangeFixture.Recorder rec = new ExchangeFixture.Recorder(UNIVERSE);
            try (MarketDataStream stream = new MarketDataStream(fx.streamContext(rec, false)
                .credentials(new AlpacaCredentials(ExchangeFixture.KEY, "wrong-secret")))) {
                stream.start();
                await("final failure", 10_000, () -> rec.finalReason != null);
            }
            assertEquals(402, rec.finalCode);
            assertTrue(rec.finalReason.contains("auth failed"), rec.finalReason);
            assertEquals(List.of(), rec.events, "no subscription, no reconnect");
            assertEquals(0, fx.server.minutesPublished(), "nothing subscribed, the replay never started");
        }
    }

    @Test
    void shouldStopWithAClearErrorOnConnectionLimit406() throws Exception {
        FaultPlan faults = new FaultPlan();
        faults.connectionLimit = true;
        try (ExchangeFixture fx = new ExchangeFixture(UNIVERSE, TestTapes.tape(UNIVERSE, MINUTES), SPEED, faults)) {
            ExchangeFixture.Recorder rec = new ExchangeFixture.Recorder(UNIVERSE);
            try (MarketDataStream stream = new MarketDataStream(fx.streamContext(rec, false))) {
                stream.start();
                await("final failure", 10_000, () -> rec.finalReason != null);
                Thread.sleep(200);
            }
            assertEquals(406, rec.finalCode);
            assertTrue(rec.finalReason.contains("connection limit exceeded"), rec.finalReason);
            assertEquals(List.of(), rec.events, "a 406 is final: no reconnect attempt");
        }
    }

    @Test
    void shouldBackfillTheMinutesMissedWhileDisconnectedWithoutLosingOrRepeatingAny() throws Exception {
        FaultPlan faults = new FaultPlan();
        faults.dropAtMinute = 4;
        ExchangeFixture.Recorder[] rec = new ExchangeFixture.Recorder[1];
        run(faults, false, rec);
        assertEquals(expected(MINUTES), rec[0].plainBars(), "every minute exactly once, in order");
        assertTrue(rec[0].events.contains("subscribed 2"), rec[0].events.toString());
        long backfilled = rec[0].bars.stream().filter(b -> b.endsWith("backfilled")).count();
        assertTrue(backfilled >= UNIVERSE.size(), "minute 4 came through the history API: " + rec[0].bars);
        assertTrue(rec[0].bars.get(4 * UNIVERSE.size()).endsWith("backfilled"), rec[0].bars.toString());
    }

    @Test
    void shouldCloseTheGapFromTheFirstLiveBarWhenTheClientClockLagsTheServer() throws Exception {
        FaultPlan faults = new FaultPlan();
        faults.dropAtMinute = 4;
        try (ExchangeFixture fx = new ExchangeFixture(UNIVERSE, TestTapes.tape(UNIVERSE, MINUTES), SPEED, faults)) {
            ExchangeFixture.Recorder rec = new ExchangeFixture.Recorder(UNIVERSE);
            AlpacaClock market = fx.marketClock();
            AlpacaClock lagging = new AlpacaClock() {
                @Override
                public long epochMillis() {
                    return market.epochMillis() - 120_000;
                }

                @Override
                public void sleepUntil(long target) throws InterruptedException {
                    market.sleepUntil(target + 120_000);
                }
            };
            try (MarketDataStream stream = new MarketDataStream(fx.streamContext(rec, false).clock(lagging))) {
                stream.start();
                await("all bars", 20_000, () -> rec.bars.size() >= MINUTES * UNIVERSE.size());
            }
            assertEquals(expected(MINUTES), rec.plainBars(), "every minute exactly once, in order");
            assertTrue(rec.bars.get(4 * UNIVERSE.size()).endsWith("backfilled"), rec.bars.toString());
        }
    }

    @Test
    void shouldTreatASilentSocketAsDeadDuringMarketHoursAndBackfill() throws Exception {
        FaultPlan faults = new FaultPlan();
        faults.silentFromMinute = 3;
        ExchangeFixture.Recorder[] rec = new ExchangeFixture.Recorder[1];
        run(faults, false, rec);
        assertEquals(expected(MINUTES), rec[0].plainBars());
        assertTrue(rec[0].events.get(1).startsWith("disconnected 1"), rec[0].events.toString());
        assertTrue(rec[0].events.contains("subscribed 2"), rec[0].events.toString());
        assertTrue(rec[0].bars.get(3 * UNIVERSE.size()).endsWith("backfilled"), rec[0].bars.toString());
    }

    @Test
    void shouldGiveUpAfterFiveFailedReconnectsWithJitteredExponentialBackoff() throws Exception {
        ExchangeFixture.Recorder rec = new ExchangeFixture.Recorder(UNIVERSE);
        MarketDataStream stream;
        try (ExchangeFixture fx = new ExchangeFixture(UNIVERSE, TestTapes.tape(UNIVERSE, MINUTES), SPEED, new FaultPlan())) {
            stream = new MarketDataStream(fx.streamContext(rec, false));
            stream.start();
            await("first bars", 10_000, () -> rec.bars.size() >= UNIVERSE.size());
        }
        // The server is gone: every reconnect is refused.
        await("final failure", 20_000, () -> rec.finalReason != null);
        stream.close();
        assertEquals(0, rec.finalCode);
        assertTrue(rec.finalReason.contains("after 5 reconnect attempts"), rec.finalReason);
        List<Long> delays = new ArrayList<>();
        for (String e : rec.events) {
            if (e.startsWith("disconnected")) {
                delays.add(Long.parseLong(e.split(" ")[2]));
            }
        }
        assertEquals(5, delays.size(), rec.events.toString());
        long[] caps = {20, 40, 80, 160, 200};
        for (int i = 0; i < 5; i++) {
            assertTrue(delays.get(i) >= caps[i] / 2 && delays.get(i) <= caps[i], "attempt " + (i + 1) + ": " + delays);
        }
        assertEquals(delays, backoffDelays(42), "the seeded random makes the schedule reproducible");
    }

    private static List<Long> backoffDelays(long seed) {
        io.sentio.launcher.alpaca.stream.Backoff b = new io.sentio.launcher.alpaca.stream.Backoff(20, 200, seed);
        List<Long> out = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            out.add(b.delayMillis(i));
        }
        return out;
    }
}
