package io.sentio.core.pipeline;

import static io.sentio.core.config.StrategyParamTable.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.core.config.ParamBuilder;
import io.sentio.core.config.StrategyParams;
import io.sentio.core.decision.ExpectedReturnRule;
import io.sentio.core.decision.ReturnCalibration;
import io.sentio.core.learn.OnlineLearner;
import io.sentio.core.market.BarSet;
import io.sentio.core.portfolio.RoundTripLog;
import io.sentio.core.state.StateCodec;
import io.sentio.core.sync.SessionMinuteMerger;
import io.sentio.core.synth.SyntheticMarket;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The expected_return desk: the same in the ring, over a tape and in a shadow, and blind to the future. */
class ExpectedReturnDeskTest {
    private static final SyntheticMarket MARKET = SyntheticMarket.generate(17, LocalDate.of(2025, 3, 3), 6);
    private static final StrategyParams ER = StrategyParams.defaults().toBuilder()
        .set(DECISION, "expected_return").set(CALIBRATION_MIN_LABELS, 200).conclude();
    private static final BarTape BARS = bars();

    private static BarTape bars() {
        try (SessionMinuteMerger m = new SessionMinuteMerger(MARKET.sources())) {
            return BarTape.record(MARKET.universe().size(), m);
        }
    }

    private static StrategyParams with(UnaryOperator<ParamBuilder<StrategyParams>> change) {
        return change.apply(ER.toBuilder()).conclude();
    }

    private static RunResult backtest(StrategyParams p, List<PipelineContext.ShadowSpec> shadows) {
        PipelineContext ctx = new PipelineContext().universe(MARKET.universe()).params(p).shadows(shadows)
            .learnerFactory(s -> new OnlineLearner(p.oes, p.buyThreshold)).shards(2).conclude();
        return new Pipeline(ctx).run(MARKET.sources());
    }

    private static RunResult desk(StrategyParams p, ModelTape tape, BarTape bars) {
        PipelineContext ctx = new PipelineContext().universe(MARKET.universe()).params(p)
            .learnerFactory(s -> {
                throw new AssertionError("a desk over a tape runs no learner");
            }).conclude();
        return DeskReplay.run(ctx, tape, bars);
    }

    private static void assertSameRun(RunResult a, RunResult b, String label) {
        assertTrue(a.metrics.trades > 0, label + ": the variant trades");
        assertEquals(a.metrics.trades, b.metrics.trades, label + " trades");
        assertArrayEquals(a.barEquity, b.barEquity, label + " equity curve");
        assertArrayEquals(a.dailyReturns, b.dailyReturns, label + " daily returns");
        assertEquals(a.deskStateHash, b.deskStateHash, label + " desk state hash");
    }

    @Test
    void shouldGiveTheFullBacktestFromAModelTapeAndAsAShadowDesk() {
        ModelTape tape = ModelTape.record(ER, BARS);
        List<StrategyParams> variants = List.of(ER,
            with(b -> b.set(ENTRY_COST_MULTIPLE, 0.5).set(EXIT_COST_MULTIPLE, -0.5).set(MAX_HOLD_BARS, 15)),
            with(b -> b.set(CALIBRATION_HALF_LIFE, 300.0).set(STRENGTH_SMOOTHING, 0.3).set(MAX_POSITIONS, 1)));
        for (int i = 0; i < variants.size(); i++) {
            StrategyParams p = variants.get(i);
            RunResult full = backtest(p, List.of());
            assertSameRun(full, desk(p, tape, BARS), "variant " + i + " over the tape");
        }
        RunResult withShadow = backtest(StrategyParams.defaults(), List.of(new PipelineContext.ShadowSpec("er", ER)));
        assertSameRun(backtest(ER, List.of()), withShadow.shadows.get(0), "shadow under a probability desk 0");
    }

    @Test
    void shouldCalibrateInAWarmupExactlyAsTheDeskBehindTheRing() {
        PipelineContext ctx = new PipelineContext().universe(MARKET.universe()).params(ER)
            .learnerFactory(s -> new OnlineLearner(ER.oes, ER.buyThreshold)).shards(2).conclude();
        Pipeline pipeline = new Pipeline(ctx);
        pipeline.run(MARKET.sources());
        int n = MARKET.universe().size();
        OnlineLearner[] learners = new OnlineLearner[n];
        for (int s = 0; s < n; s++) {
            learners[s] = new OnlineLearner(ER.oes, ER.buyThreshold);
        }
        ReturnCalibration calibration = ExpectedReturnRule.calibration(n, ER);
        BarSet[] sets = new BarSet[BARS.size()];
        for (int i = 0; i < sets.length; i++) {
            sets[i] = BARS.get(i);
        }
        new WarmupTrainer(learners, ER.maxForwardFill, ER.maxMissingSymbols).calibrating(calibration).train(sets, 2);
        assertTrue(calibration.labels(0, 1) > 1000, "labels: " + calibration.labels(0, 1));
        assertEquals(StateCodec.hashOf(pipeline.calibrationState()), StateCodec.hashOf(calibration));

        byte[] walk = new byte[StateCodec.lengthOf(calibration)];
        calibration.visit(new StateCodec().writingTo(new org.agrona.concurrent.UnsafeBuffer(walk), 0));
        PipelineContext warm = new PipelineContext().universe(MARKET.universe()).params(ER).calibrationState(walk)
            .learnerFactory(s -> new OnlineLearner(ER.oes, ER.buyThreshold)).conclude();
        assertEquals(StateCodec.hashOf(calibration), StateCodec.hashOf(new Pipeline(warm).calibrationState()),
            "a warm start resumes the calibration");
        assertThrows(IllegalArgumentException.class, () -> new PipelineContext().universe(MARKET.universe())
            .params(StrategyParams.defaults()).calibrationState(walk)
            .learnerFactory(s -> new OnlineLearner(ER.oes, ER.buyThreshold)).conclude());
    }

    @Test
    void shouldDecideEveryBarAlikeWhateverBarsFollowIt() {
        int cut = 4 * 391 + 200;
        BarSet[] prefix = new BarSet[cut];
        for (int i = 0; i < cut; i++) {
            prefix[i] = BARS.get(i);
        }
        BarTape head = BarTape.of(BARS.symbols(), prefix);
        RunResult truncated = desk(ER, ModelTape.record(ER, head), head);
        RunResult whole = desk(ER, ModelTape.record(ER, BARS), BARS);
        assertTrue(truncated.metrics.trades > 0, "the prefix trades");
        int marked = truncated.barEquity.length;
        assertTrue(marked > 4 * 380, "marks of the bar sets before the cut: " + marked);
        // A decision at bar t shows in the holdings of the bar its order fills on, t + 1.
        assertArrayEquals(Arrays.copyOf(whole.barHoldings, marked), truncated.barHoldings, "holdings up to the cut");
        assertArrayEquals(Arrays.copyOf(whole.barEquity, marked), truncated.barEquity, "marks up to the cut");
        assertEquals(whole.barEpochSeconds[marked - 1], truncated.barEpochSeconds[marked - 1]);
    }

    @Test
    void shouldTradeOtherwiseThanTheProbabilityRuleAndLeaveItAlone() {
        RunResult probability = backtest(StrategyParams.defaults(), List.of());
        RunResult expected = backtest(ER, List.of());
        assertNotEquals(probability.deskStateHash, expected.deskStateHash);
        RunResult again = backtest(StrategyParams.defaults().toBuilder().set(DECISION, "probability")
            .set(ENTRY_COST_MULTIPLE, 3.0).set(CALIBRATION_HALF_LIFE, 10.0).conclude(), List.of());
        assertEquals(probability.stateHash, again.stateHash, "the probability rule reads no expected_return key");
        assertArrayEquals(probability.barEquity, again.barEquity);
    }

    @Test
    void shouldExitEveryPositionByTheMaximumHold() {
        StrategyParams p = with(b -> b.set(MAX_HOLD_BARS, 3).set(MIN_HOLD_BARS, 0).set(ENTRY_COST_MULTIPLE, 0.0)
            .set(EXIT_COST_MULTIPLE, -100.0));
        RunResult r = desk(p, ModelTape.record(p, BARS), BARS);
        RoundTripLog trips = r.roundTrips;
        assertTrue(trips.size() > 10, "entries at any positive expected return: " + trips.size());
        java.util.Map<Long, BarSet> byTime = new java.util.HashMap<>();
        for (int i = 0; i < BARS.size(); i++) {
            byTime.put(BARS.get(i).epochSecond, BARS.get(i));
        }
        int delayed = 0;
        for (int i = 0; i < trips.size(); i++) {
            // Held 3 bar sets counting the fill's, so the exit fills at the open 3 minutes on, unless
            // a bar set in between was skipped or the symbol had no bar (the order waits for its next real bar).
            long entry = trips.entryEpochSecond(i);
            long held = trips.exitEpochSecond(i) - entry;
            boolean gap = false;
            for (long t = entry + 60; t <= entry + 3 * 60; t += 60) {
                BarSet b = byTime.get(t);
                gap |= b == null || !b.present[trips.symbol(i)] || missing(b) > p.maxMissingSymbols;
            }
            assertTrue(held <= 3 * 60 || gap, "round trip " + i + " held " + held + " s");
            if (held > 3 * 60) {
                delayed++;
            }
        }
        assertTrue(delayed < trips.size() / 10, delayed + " exits waited for a missing bar");
    }

    private static int missing(BarSet b) {
        int n = 0;
        for (boolean present : b.present) {
            n += present ? 0 : 1;
        }
        return n;
    }
}
