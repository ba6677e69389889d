package io.sentio.core.pipeline;

import static io.sentio.core.config.StrategyParamTable.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.core.config.ParamBuilder;
import io.sentio.core.config.StrategyParams;
import io.sentio.core.learn.OnlineLearner;
import io.sentio.core.metrics.Metrics;
import io.sentio.core.sync.SessionMinuteMerger;
import io.sentio.core.synth.SyntheticMarket;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** A desk over a model tape gives, bit for bit, what a full backtest with the same params gives. */
class DeskReplayTest {
    private static final SyntheticMarket MARKET = SyntheticMarket.generate(17, LocalDate.of(2025, 3, 3), 6);
    private static final StrategyParams BASE = StrategyParams.defaults();

    private static RunResult backtest(StrategyParams p) {
        PipelineContext ctx = new PipelineContext().universe(MARKET.universe()).params(p)
            .learnerFactory(s -> new OnlineLearner(p.oes, p.buyThreshold)).shards(2).conclude();
        return new Pipeline(ctx).run(MARKET.sources());
    }

    private static final BarTape BARS = bars();

    private static BarTape bars() {
        try (SessionMinuteMerger m = new SessionMinuteMerger(MARKET.sources())) {
            return BarTape.record(MARKET.universe().size(), m);
        }
    }

    private static ModelTape tape(StrategyParams p) {
        return ModelTape.record(p, BARS);
    }

    private static RunResult desk(StrategyParams p, ModelTape tape) {
        PipelineContext ctx = new PipelineContext().universe(MARKET.universe()).params(p)
            .learnerFactory(s -> {
                throw new AssertionError("a desk over a tape runs no learner");
            }).conclude();
        return DeskReplay.run(ctx, tape, BARS);
    }

    private static StrategyParams with(UnaryOperator<ParamBuilder<StrategyParams>> change) {
        return change.apply(BASE.toBuilder()).conclude();
    }

    private static void assertSameRun(RunResult full, RunResult replay, String label) {
        Metrics a = full.metrics;
        Metrics b = replay.metrics;
        assertTrue(a.trades > 0, label + ": the variant trades");
        assertEquals(a.trades, b.trades, label + " trades");
        assertEquals(Double.doubleToLongBits(a.sharpe), Double.doubleToLongBits(b.sharpe), label + " sharpe");
        assertEquals(Double.doubleToLongBits(a.totalReturnPct), Double.doubleToLongBits(b.totalReturnPct), label);
        assertEquals(Double.doubleToLongBits(a.maxDrawdownPct), Double.doubleToLongBits(b.maxDrawdownPct), label);
        assertEquals(Double.doubleToLongBits(a.winRate), Double.doubleToLongBits(b.winRate), label);
        assertArrayEquals(full.dailyReturns, replay.dailyReturns, label + " daily returns");
        assertArrayEquals(full.barEquity, replay.barEquity, label + " equity curve");
        assertArrayEquals(full.equalWeightDailyReturns, replay.equalWeightDailyReturns, label + " basket");
        assertEquals(full.barSets, replay.barSets, label);
        assertEquals(full.skippedBarSets, replay.skippedBarSets, label);
        assertEquals(full.deskStateHash, replay.deskStateHash, label + " desk state hash");
    }

    @Test
    void shouldGiveTheFullBacktestOfEveryDeskVariantFromOneModelPass() {
        ModelTape tape = tape(BASE);
        List<StrategyParams> variants = List.of(
            BASE,
            with(b -> b.set(BUY_THRESHOLD, 0.53).set(EXIT_THRESHOLD, 0.49)),
            with(b -> b.set(MAX_POSITIONS, 1).set(MIN_HOLD_BARS, 15).set(COOLDOWN_BARS, 5)),
            with(b -> b.set(ROTATION_THRESHOLD, 1.2).set(STRENGTH_SMOOTHING, 0.3)),
            with(b -> b.set(PROBABILITY_SCALE, 40.0).set(BB_AMPLIFICATION, false)),
            with(b -> b.set(HORIZON_WEIGHTS, new double[] {0.6, 0.2, 0.2}).set(SLIPPAGE_BPS, 3.0)));
        for (int i = 0; i < variants.size(); i++) {
            StrategyParams p = variants.get(i);
            assertSameRun(backtest(p), desk(p, tape), "variant " + i);
        }
    }

    @Test
    void shouldGiveEachDeskOfOneSideBySidePassWhatItsOwnPassGives() {
        ModelTape tape = tape(BASE);
        List<StrategyParams> variants = List.of(
            with(b -> b.set(BUY_THRESHOLD, 0.53).set(EXIT_THRESHOLD, 0.49)),
            BASE,
            with(b -> b.set(MAX_POSITIONS, 1).set(MIN_HOLD_BARS, 15).set(COOLDOWN_BARS, 5)),
            with(b -> b.set(BUY_THRESHOLD, 0.53).set(EXIT_THRESHOLD, 0.49)));
        List<PipelineContext> contexts = new java.util.ArrayList<>();
        for (StrategyParams p : variants) {
            contexts.add(new PipelineContext().universe(MARKET.universe()).params(p).learnerFactory(s -> {
                throw new AssertionError("a desk over a tape runs no learner");
            }).conclude());
        }
        List<RunResult> together = DeskReplay.runAll(contexts, tape, BARS);
        assertEquals(variants.size(), together.size());
        for (int i = 0; i < variants.size(); i++) {
            assertSameRun(desk(variants.get(i), tape), together.get(i), "desk " + i + " of the pass");
        }
        assertEquals(together.get(0).deskStateHash, together.get(3).deskStateHash, "equal params, equal desks");
    }

    @Test
    void shouldRecordOneRowPerBarSetOfTheRange() {
        ModelTape tape = tape(BASE);
        RunResult full = backtest(BASE);
        assertEquals(full.barSets, tape.rows());
        assertEquals(12, tape.symbols());
        assertTrue(tape.bytes() >= 8L * tape.rows() * 12 * 11);
    }

    @Test
    void shouldRefuseATapeOfOtherHorizons() {
        ModelTape tape = tape(BASE);
        StrategyParams two = with(b -> b.set(HORIZONS, new int[] {1, 5}).set(HORIZON_WEIGHTS, new double[] {0.5, 0.5}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> desk(two, tape));
        assertTrue(e.getMessage().contains("3 horizons"), e.getMessage());
    }
}
