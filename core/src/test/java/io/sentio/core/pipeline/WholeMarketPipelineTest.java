package io.sentio.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.core.config.StrategyParams;
import io.sentio.core.market.Universe;
import io.sentio.core.testing.MomentumLearner;
import io.sentio.core.testing.TestCsvBars;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The whole real dataset (105 sessions, 12 symbols, genuine gaps) through the ring. */
class RealDataPipelineTest {

    @Test
    void shouldRunAllRealSessionsDeterministicallyAcrossShardCounts() {
        Path dir = TestCsvBars.dataDir();
        Assumptions.assumeTrue(dir != null, "real data folder absent (sentio.shared.data): skipped");
        Universe u = Universe.of(TestCsvBars.REAL_SYMBOLS);
        StrategyParams params = StrategyParams.defaults();
        RunResult[] runs = new RunResult[2];
        int[] shards = {1, 4};
        for (int i = 0; i < 2; i++) {
            PipelineContext ctx = new PipelineContext().universe(u).params(params).shards(shards[i])
                .learnerFactory(s -> new MomentumLearner(10, 150, params.buyThreshold))
                .expectedBars(45_000).conclude();
            runs[i] = new Pipeline(ctx).run(TestCsvBars.loadAll(dir, TestCsvBars.REAL_SYMBOLS));
        }
        RunResult r = runs[0];
        assertEquals(105, r.metrics.sessions);
        assertEquals(0, r.failedEvents);
        assertTrue(r.metrics.roundTrips > 100, "momentum stand-in trades: " + r.metrics);
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
