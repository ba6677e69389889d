package io.sentio.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sentio.core.config.StrategyParams;
import io.sentio.core.market.Universe;
import io.sentio.core.testing.MomentumLearner;
import org.junit.jupiter.api.Test;

class PipelineContextTest {
    private static PipelineContext context() {
        return new PipelineContext().universe(Universe.of("SPY", "QQQ")).params(StrategyParams.defaults())
            .learnerFactory(s -> new MomentumLearner(5, 200, 0.52)).shards(1).runId("ctx");
    }

    @Test
    void shouldRefuseSettersAndASecondConcludeOnceConcluded() {
        PipelineContext ctx = context().conclude();
        assertThrows(IllegalStateException.class, () -> ctx.runId("other"));
        assertThrows(IllegalStateException.class, () -> ctx.listener(null));
        assertThrows(IllegalStateException.class, () -> ctx.syncState(null, null));
        assertThrows(IllegalStateException.class, ctx::conclude);
        assertEquals("ctx", ctx.runId());
    }

    @Test
    void shouldCopyAConcludedContextIntoOneThatCanBeChangedAndConcludedAgain() {
        PipelineContext template = context().conclude();
        PipelineContext run = template.copy().runId("L20250401");
        assertSame(run, run.conclude());
        assertEquals("L20250401", run.runId());
        assertEquals("ctx", template.runId());
        assertSame(template.universe(), run.universe());
        assertEquals(template.shards(), run.shards());
    }
}
