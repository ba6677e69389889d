package io.sentio.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.core.config.StrategyParams;
import io.sentio.core.market.BarSource;
import io.sentio.core.market.Universe;
import io.sentio.core.synth.SyntheticMarket;
import io.sentio.core.testing.MomentumLearner;
import io.sentio.core.testing.TestBars;
import java.time.LocalDate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A whole market (months of sessions, 12 symbols, genuine gaps) through the ring. */
class WholeMarketPipelineTest {
    @Test
    void shouldRunAllSyntheticSessionsDeterministicallyAcrossShardCounts() {
        SyntheticMarket m = SyntheticMarket.generate(17, LocalDate.of(2025, 4, 1), 40);
        assertDeterministicAcrossShardCounts(m.universe(), m::sources, 40, 20);
    }

    @Test
    @Tag(TestBars.REAL_DATA)
    void shouldRunAllRealSessionsDeterministicallyAcrossShardCounts() {
        assertDeterministicAcrossShardCounts(Universe.of(TestBars.REAL_SYMBOLS),
            () -> TestBars.loadAll(TestBars.dataDir(), TestBars.REAL_SYMBOLS), 105, 100);
    }

    private static void assertDeterministicAcrossShardCounts(Universe u, Supplier<BarSource[]> market, int sessions,
        int minRoundTrips) {
        StrategyParams params = StrategyParams.defaults();
        RunResult[] runs = new RunResult[2];
        int[] shards = {1, 4};
        for (int i = 0; i < 2; i++) {
            PipelineContext ctx = new PipelineContext().universe(u).params(params).shards(shards[i])
                .learnerFactory(s -> new MomentumLearner(10, 150, params.buyThreshold))
                .expectedBars(sessions * 391 + 1).conclude();
            runs[i] = new Pipeline(ctx).run(market.get());
        }
        RunResult r = runs[0];
        assertEquals(sessions, r.metrics.sessions);
        assertEquals(0, r.failedEvents);
        assertTrue(r.metrics.roundTrips > minRoundTrips, "momentum stand-in trades: " + r.metrics);
        assertEquals(r.stateHash, runs[1].stateHash);
        assertEquals(r.metrics.toString(), runs[1].metrics.toString());
        for (double pct : r.buyAndHoldPct) {
            assertTrue(Double.isFinite(pct));
        }
        assertTrue(Double.isFinite(r.equalWeight.totalReturnPct));
        assertEquals(r.barEquity.length, r.barEqualWeight.length, "one equal-weight mark per equity mark");
        assertEquals(r.equalWeight.totalReturnPct,
            100 * (r.barEqualWeight[r.barEqualWeight.length - 1] / params.initialCapital - 1), 1e-9,
            "the per-bar curve ends where the session-end baseline ends");
    }
}
