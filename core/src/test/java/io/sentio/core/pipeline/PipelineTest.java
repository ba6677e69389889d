package io.sentio.core.pipeline;

import static io.sentio.core.config.StrategyParamTable.BUY_THRESHOLD;
import static io.sentio.core.config.StrategyParamTable.MIN_HOLD_BARS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.core.config.StrategyParams;
import io.sentio.core.learn.Learner;
import io.sentio.core.market.BarSource;
import io.sentio.core.market.Universe;
import io.sentio.core.state.StateCodec;
import io.sentio.core.testing.MomentumLearner;
import io.sentio.core.testing.RecordingListener;
import io.sentio.core.synth.SyntheticMarket;
import io.sentio.core.testing.ScriptedMarket;
import io.sentio.core.time.SessionCalendar;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The ring as a whole: determinism, sharding, failure isolation, pacing and hooks. */
class PipelineTest {
    static final Universe UNIVERSE = Universe.defaultUniverse();
    static final List<LocalDate> DAYS = ScriptedMarket.tradingDays(LocalDate.of(2025, 6, 30), 6);
    static final StrategyParams PARAMS = StrategyParams.defaults().toBuilder().set(BUY_THRESHOLD, 0.52).set(MIN_HOLD_BARS, 3).conclude();

    static BarSource[] market() {
        return SyntheticMarket.generate(42, DAYS.get(0), DAYS.size()).sources();
    }

    static PipelineContext context(int shards, RecordingListener listener) {
        return new PipelineContext().universe(UNIVERSE).params(PARAMS).shards(shards).listener(listener)
            .learnerFactory(s -> new MomentumLearner(5 + s % 4, 200, PARAMS.buyThreshold)).conclude();
    }

    static void assertSameRun(RunResult a, RecordingListener la, RunResult b, RecordingListener lb) {
        assertEquals(a.stateHash, b.stateHash);
        assertEquals(la.transcript(), lb.transcript());
        assertArrayEquals(a.barEquity, b.barEquity);
        assertArrayEquals(a.dailyReturns, b.dailyReturns);
        assertEquals(a.metrics.toString(), b.metrics.toString());
    }

    @Test
    void shouldGiveIdenticalResultsAndStateHashOnTwoRuns() {
        RecordingListener la = new RecordingListener();
        RecordingListener lb = new RecordingListener();
        RunResult a = new Pipeline(context(2, la)).run(market());
        RunResult b = new Pipeline(context(2, lb)).run(market());
        assertTrue(la.orders.size() > 20, "the scenario must trade to prove anything: " + la.orders.size());
        assertTrue(a.metrics.roundTrips > 5);
        assertEquals(DAYS.size(), a.metrics.sessions);
        assertSameRun(a, la, b, lb);
    }

    @Test
    void shouldGiveIdenticalResultsWithOneTwoAndFourLearnerShards() {
        RecordingListener l1 = new RecordingListener();
        RunResult k1 = new Pipeline(context(1, l1)).run(market());
        for (int k : new int[] {2, 4}) {
            RecordingListener lk = new RecordingListener();
            RunResult rk = new Pipeline(context(k, lk)).run(market());
            assertSameRun(k1, l1, rk, lk);
        }
    }

    @Test
    void shouldChangeTheStateHashWhenTheInputChanges() {
        RunResult a = new Pipeline(context(2, null)).run(market());
        RunResult b = new Pipeline(context(2, null)).run(SyntheticMarket.generate(43, DAYS.get(0), DAYS.size()).sources());
        assertNotEquals(a.stateHash, b.stateHash);
    }

    @Test
    void shouldFlagAFailingEventSkipItDownstreamAndKeepTheRingRunning() {
        long badMinute = SessionCalendar.openEpochSecond(DAYS.get(1).toEpochDay()) + 60 * 100;
        PipelineContext ctx = new PipelineContext().universe(UNIVERSE).params(PARAMS).shards(2)
            .learnerFactory(s -> s == 3 ? new ThrowingLearner(new MomentumLearner(5, 200, 0.52), badMinute)
                : new MomentumLearner(5, 200, 0.52))
            .conclude();
        RunResult r = new Pipeline(ctx).run(market());
        assertEquals(1, r.failedEvents);
        assertEquals(r.barSets - r.skippedBarSets - 1, r.barEquity.length, "only the failed bar set went unmarked");
        assertEquals(DAYS.size(), r.metrics.sessions);
        for (long t : r.barEpochSeconds) {
            assertNotEquals(badMinute, t);
        }
    }

    @Test
    void shouldMakeTheSameDecisionsPacedAsInABacktest() {
        long mockDay = DAYS.get(DAYS.size() - 1).toEpochDay();
        RecordingListener backtest = new RecordingListener();
        RunResult a = new Pipeline(context(2, backtest)).run(market());
        RecordingListener mock = new RecordingListener();
        PipelineContext paced = new PipelineContext().universe(UNIVERSE).params(PARAMS).shards(2).listener(mock)
            .learnerFactory(s -> new MomentumLearner(5 + s % 4, 200, PARAMS.buyThreshold))
            .pacer(Pacer.realTimeMultiple(200_000, mockDay))
            .conclude();
        RunResult b = new Pipeline(paced).run(market());
        assertSameRun(a, backtest, b, mock);
        assertTrue(backtest.orders.stream().anyMatch(e -> e.day == mockDay), "the paced day must trade");
    }

    @Test
    void shouldTimeOnlyThePacedBarSetsOfAMockRun() {
        long mockDay = DAYS.get(DAYS.size() - 1).toEpochDay();
        PipelineContext paced = new PipelineContext().universe(UNIVERSE).params(PARAMS).shards(2)
            .learnerFactory(s -> new MomentumLearner(5, 200, PARAMS.buyThreshold))
            .pacer(Pacer.realTimeMultiple(200_000, mockDay))
            .conclude();
        RunResult r = new Pipeline(paced).run(market());
        // Every minute of the paced session is a bar set, also the ones the synchronizer skips
        // (minutes with too few symbols present), which barEpochSeconds leaves out.
        long pacedSets = SessionCalendar.closeMinute(mockDay) + 1;
        assertTrue(Arrays.stream(r.barEpochSeconds).anyMatch(t -> SessionCalendar.nyEpochDay(t) < mockDay));
        assertEquals(pacedSets, r.endToEnd.count, "warm-up sets wait unpaced behind a full ring: queueing, not latency");
    }

    @Test
    void shouldReportEachSessionReturnToTheListenerAsInTheResult() {
        RecordingListener l = new RecordingListener();
        RunResult r = new Pipeline(context(2, l)).run(market());
        assertEquals(r.dailyReturns.length, l.sessionReturns.size());
        for (int i = 0; i < r.dailyReturns.length; i++) {
            assertEquals(r.dailyReturns[i], l.sessionReturns.get(i), 1e-15);
        }
    }

    @Test
    void shouldRunJournalHooksOnEveryEventAndRecordLatency() {
        AtomicLong in = new AtomicLong();
        AtomicLong outOrders = new AtomicLong();
        StageHandler journalIn = new StageHandler() {
            @Override
            protected void handle(PipelineEvent ev) {
                in.incrementAndGet();
            }
        };
        StageHandler journalOut = new StageHandler() {
            @Override
            protected void handle(PipelineEvent ev) {
                outOrders.addAndGet(ev.orders.count());
            }
        };
        RecordingListener l = new RecordingListener();
        PipelineContext ctx = new PipelineContext().universe(UNIVERSE).params(PARAMS).shards(2).listener(l)
            .learnerFactory(s -> new MomentumLearner(5, 200, PARAMS.buyThreshold))
            .journalIn(journalIn).journalOut(journalOut).conclude();
        RunResult r = new Pipeline(ctx).run(market());
        assertEquals(r.barSets, in.get());
        assertEquals(l.orders.size(), outOrders.get());
        assertEquals(r.barSets, r.endToEnd.count);
        assertEquals(7, r.stages.size(), "sync, 2 shards, portfolio, execution, the 2 shards' deferred learning");
        assertEquals("learn-1", r.stages.get(6).name);
        assertTrue(r.endToEnd.p50 > 0 && r.endToEnd.max >= r.endToEnd.p99);
        assertTrue(r.symbolBarsPerSecond > 0);
    }

    private static StageHandler hook(java.util.function.Consumer<PipelineEvent> body) {
        return new StageHandler() {
            @Override
            protected void handle(PipelineEvent ev) {
                body.accept(ev);
            }
        };
    }

    private static PipelineContext journaled(RecordingListener l, StageHandler out) {
        return new PipelineContext().universe(UNIVERSE).params(PARAMS).shards(2).listener(l)
            .learnerFactory(s -> new MomentumLearner(5 + s % 4, 200, PARAMS.buyThreshold))
            .journalIn(hook(ev -> { })).journalOut(out).conclude();
    }

    @Test
    void shouldNotExecuteAnEventWhoseJournalOutFailed() {
        RecordingListener plain = new RecordingListener();
        RunResult reference = new Pipeline(context(2, plain)).run(market());
        RecordingListener l = new RecordingListener();
        RunResult r = new Pipeline(journaled(l, hook(ev -> {
            if (ev.orders.count() > 0) {
                throw new IllegalStateException("disk full");
            }
        }))).run(market());
        assertTrue(plain.orders.size() > 0);
        assertEquals(0, l.orders.size(), "nothing leaves unjournaled");
        assertTrue(r.failedEvents > 0);
        assertEquals(reference.stateHash, r.stateHash, "a journal failure changes no decision");
    }

    @Test
    void shouldNotSendTheOrdersOfRecoveredEventsButDecideTheSame() {
        RecordingListener plain = new RecordingListener();
        RunResult reference = new Pipeline(context(2, plain)).run(market());
        RecordingListener l = new RecordingListener();
        RunResult r = new Pipeline(journaled(l, hook(ev -> ev.recovered = true))).run(market());
        assertTrue(plain.orders.size() > 0);
        assertEquals(0, l.orders.size());
        assertEquals(reference.stateHash, r.stateHash);
    }

    /** Delegates to a real learner but throws on one bar. */
    static final class ThrowingLearner implements Learner {
        private final Learner delegate;
        private final long badEpochSecond;

        ThrowingLearner(Learner delegate, long badEpochSecond) {
            this.delegate = delegate;
            this.badEpochSecond = badEpochSecond;
        }

        @Override
        public void onBar(long epochSecond, double open, double high, double low, double close, double volume) {
            if (epochSecond == badEpochSecond) {
                throw new IllegalStateException("scripted failure at " + epochSecond);
            }
            delegate.onBar(epochSecond, open, high, low, close, volume);
        }

        @Override
        public double probability() {
            return delegate.probability();
        }

        @Override
        public double confidence() {
            return delegate.confidence();
        }

        @Override
        public int signal() {
            return delegate.signal();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void visit(StateCodec c) {
            delegate.visit(c);
        }
    }
}
