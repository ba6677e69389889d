package io.sentio.core.pipeline;

import static io.sentio.core.config.StrategyParamTable.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.core.config.StrategyParams;
import io.sentio.core.learn.OnlineLearner;
import io.sentio.core.synth.SyntheticMarket;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Shadow desks beside desk 0 in one ring: each equals a run of its own params; desk 0 is untouched. */
class ShadowDeskTest {
    private static final SyntheticMarket MARKET = SyntheticMarket.generate(23, LocalDate.of(2025, 5, 5), 4);
    private static final StrategyParams BASE = StrategyParams.defaults();

    private static RunResult run(StrategyParams p, List<PipelineContext.ShadowSpec> shadows) {
        PipelineContext ctx = new PipelineContext().universe(MARKET.universe()).params(p).shadows(shadows)
            .learnerFactory(s -> new OnlineLearner(p.oes, p.buyThreshold)).shards(2).conclude();
        return new Pipeline(ctx).run(MARKET.sources());
    }

    @Test
    void shouldGiveEachShadowDeskTheRunOfItsOwnParamsWithoutChangingDeskZero() {
        StrategyParams tight = BASE.toBuilder().set(MAX_POSITIONS, 1).set(MIN_HOLD_BARS, 20).conclude();
        StrategyParams loose = BASE.toBuilder().set(BUY_THRESHOLD, 0.53).set(BB_AMPLIFICATION, false)
            .set(SLIPPAGE_BPS, 2.0).conclude();
        RunResult alone = run(BASE, List.of());
        RunResult withShadows = run(BASE, List.of(new PipelineContext.ShadowSpec("tight", tight),
            new PipelineContext.ShadowSpec("loose", loose)));

        assertEquals(alone.stateHash, withShadows.stateHash, "desk 0 and the models do not see the shadows");
        assertArrayEquals(alone.dailyReturns, withShadows.dailyReturns);
        assertEquals(2, withShadows.shadows.size());
        List<StrategyParams> own = List.of(tight, loose);
        for (int i = 0; i < 2; i++) {
            RunResult shadow = withShadows.shadows.get(i);
            RunResult reference = run(own.get(i), List.of());
            assertEquals(i == 0 ? "tight" : "loose", shadow.name);
            assertTrue(reference.metrics.trades > 0);
            assertEquals(reference.metrics.trades, shadow.metrics.trades, shadow.name);
            assertArrayEquals(reference.dailyReturns, shadow.dailyReturns, shadow.name);
            assertArrayEquals(reference.barEquity, shadow.barEquity, shadow.name);
            assertEquals(reference.deskStateHash, shadow.deskStateHash, shadow.name);
            assertEquals(own.get(i).slippageBps, shadow.slippageBps, "a shadow states its own costs");
        }
    }

    @Test
    void shouldRefuseAShadowDeskWithAnotherModel() {
        StrategyParams other = BASE.toBuilder().set(EWRLS_LAMBDA, 0.99).conclude();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PipelineContext()
            .universe(MARKET.universe()).params(BASE).shadows(List.of(new PipelineContext.ShadowSpec("x", other)))
            .learnerFactory(s -> new OnlineLearner(BASE.oes, BASE.buyThreshold)).conclude());
        assertTrue(e.getMessage().contains("shadow desk x has another oes.ewrls_lambda"), e.getMessage());
    }
}
