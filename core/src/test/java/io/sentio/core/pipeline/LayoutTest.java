package io.sentio.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.core.config.StrategyParamTable;
import io.sentio.core.config.StrategyParams;
import io.sentio.core.learn.OnlineLearner;
import io.sentio.core.synth.SyntheticMarket;
import io.sentio.core.testing.RecordingListener;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The latency layout (a lead thread and a helper per other shard, learning deferred past the
 * orders) and the throughput layout (a thread per stage) run the same stages in the same order of
 * dependencies: what the journal hooks see and the state hash must not depend on the layout.
 */
class LayoutTest {
    private static final StrategyParams PARAMS = StrategyParams.defaults();
    private static final SyntheticMarket MARKET = SyntheticMarket.generate(5, LocalDate.of(2025, 4, 1), 6);

    /** What a journal-out hook sees of each event: the outputs a journal records. */
    private static final class Tape extends StageHandler {
        final List<String> records = new ArrayList<>();

        @Override
        protected void handle(PipelineEvent ev) {
            if (ev.kind != PipelineEvent.BAR_SET) {
                return;
            }
            StringBuilder b = new StringBuilder().append(ev.received.epochSecond).append(ev.skipped ? " skipped" : "");
            for (int s = 0; s < ev.probability.length; s++) {
                b.append(' ').append(Double.doubleToRawLongBits(ev.probability[s]))
                    .append('/').append(Double.doubleToRawLongBits(ev.confidence[s])).append('/').append(ev.signal[s]);
            }
            b.append(" orders ").append(ev.orders.count()).append(" fills ").append(ev.fills.count())
                .append(" equity ").append(Double.doubleToRawLongBits(ev.equity));
            records.add(b.toString());
        }
    }

    private static RunResult run(Layout layout, int shards, Tape tape, RecordingListener listener, StageHandler in) {
        PipelineContext ctx = new PipelineContext().universe(MARKET.universe()).params(PARAMS).shards(shards)
            .layout(layout).listener(listener)
            .learnerFactory(s -> new OnlineLearner(PARAMS.oes, PARAMS.buyThreshold))
            .journalIn(in).journalOut(tape).expectedBars(6 * 391 + 1).conclude();
        return new Pipeline(ctx).run(MARKET.sources());
    }

    private static StageHandler noOp() {
        return new StageHandler() {
            @Override
            protected void handle(PipelineEvent ev) {
            }
        };
    }

    @Test
    void shouldJournalTheSameOutputsAndStateHashInBothLayouts() {
        Tape throughput = new Tape();
        RecordingListener tl = new RecordingListener();
        RunResult t = run(Layout.THROUGHPUT, 2, throughput, tl, noOp());
        for (int shards : new int[] {1, 2, 3}) {
            Tape latency = new Tape();
            RecordingListener ll = new RecordingListener();
            RunResult l = run(Layout.LATENCY, shards, latency, ll, noOp());
            assertEquals(throughput.records, latency.records, "journal-out of the latency layout, " + shards + " shards");
            assertEquals(t.stateHash, l.stateHash);
            assertEquals(tl.orders.size(), ll.orders.size());
            assertEquals(0, l.failedEvents);
        }
        assertEquals(6 * 391, throughput.records.size());
        assertTrue(tl.orders.size() > 0, "the synthetic market trades once the learners are ready");
    }

    @Test
    void shouldSendNothingOfAnEventWhoseJournalInFailedInTheLatencyLayout() {
        RecordingListener plain = new RecordingListener();
        RunResult reference = run(Layout.LATENCY, 2, new Tape(), plain, noOp());
        RecordingListener l = new RecordingListener();
        long[] failOn = {0};
        RunResult r = run(Layout.LATENCY, 2, new Tape(), l, new StageHandler() {
            @Override
            protected void handle(PipelineEvent ev) {
                if (ev.kind == PipelineEvent.BAR_SET && failOn[0]++ % 2 == 0) {
                    throw new IllegalStateException("disk full");
                }
            }
        });
        assertTrue(r.failedEvents > 0);
        assertTrue(l.orders.size() < plain.orders.size(), "half the events unjournaled, their orders unsent");
        assertEquals(reference.stateHash, r.stateHash, "a journal failure changes no decision");
    }

    @Test
    void shouldRunShadowDesksAfterTheLeadAsAfterTheShardsInTheThroughputLayout() {
        StrategyParams tight = PARAMS.toBuilder().set(StrategyParamTable.MAX_POSITIONS, 1)
            .set(StrategyParamTable.MIN_HOLD_BARS, 20).conclude();
        RunResult[] runs = new RunResult[2];
        for (Layout layout : Layout.values()) {
            PipelineContext ctx = new PipelineContext().universe(MARKET.universe()).params(PARAMS).shards(2).layout(layout)
                .shadows(List.of(new PipelineContext.ShadowSpec("tight", tight)))
                .learnerFactory(s -> new OnlineLearner(PARAMS.oes, PARAMS.buyThreshold)).conclude();
            runs[layout.ordinal()] = new Pipeline(ctx).run(MARKET.sources());
        }
        assertEquals(runs[0].stateHash, runs[1].stateHash);
        RunResult a = runs[0].shadows.get(0);
        RunResult b = runs[1].shadows.get(0);
        assertTrue(a.metrics.trades > 0, "the shadow desk trades");
        assertEquals(a.deskStateHash, b.deskStateHash);
        assertArrayEquals(a.barEquity, b.barEquity);
    }

    @Test
    void shouldNameTheLayoutsAndRefuseOthers() {
        assertEquals(Layout.LATENCY, Layout.named("latency"));
        assertEquals(Layout.THROUGHPUT, Layout.named("throughput"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Layout.named("fast"));
        assertEquals("layout must be latency or throughput, got 'fast'", e.getMessage());
    }
}
