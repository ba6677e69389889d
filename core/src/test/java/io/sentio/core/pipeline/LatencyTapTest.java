package io.sentio.core.pipeline;

import static io.sentio.core.config.StrategyParamTable.MAX_POSITIONS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.core.config.StrategyParams;
import io.sentio.core.learn.OnlineLearner;
import io.sentio.core.synth.SyntheticMarket;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** What a live metrics exporter reads while the ring runs: tapped stage latencies and the shadow desks' marks. */
class LatencyTapTest {
    private static final SyntheticMarket MARKET = SyntheticMarket.generate(31, LocalDate.of(2025, 5, 5), 2);
    private static final StrategyParams BASE = StrategyParams.defaults();

    private static Pipeline pipeline(List<PipelineContext.ShadowSpec> shadows) {
        PipelineContext ctx = new PipelineContext().universe(MARKET.universe()).params(BASE).shadows(shadows)
            .learnerFactory(s -> new OnlineLearner(BASE.oes, BASE.buyThreshold)).shards(2).conclude();
        return new Pipeline(ctx);
    }

    @Test
    void shouldHandEveryRecordedLatencyToItsStagesTap() {
        Pipeline p = pipeline(List.of(new PipelineContext.ShadowSpec("one", BASE.toBuilder().set(MAX_POSITIONS, 1).conclude())));
        Map<String, AtomicLong> counts = new TreeMap<>();
        Map<String, AtomicLong> sums = new TreeMap<>();
        p.tapLatency(name -> {
            AtomicLong n = counts.computeIfAbsent(name, k -> new AtomicLong());
            AtomicLong sum = sums.computeIfAbsent(name, k -> new AtomicLong());
            return nanos -> {
                n.incrementAndGet();
                sum.addAndGet(nanos);
            };
        });
        RunResult r = p.run(MARKET.sources());

        assertEquals(List.of("end-to-end", "execution", "learn-0", "learn-1", "learner-0", "learner-1", "portfolio",
                "shadow-desks", "sync"),
            List.copyOf(counts.keySet()), "one tap per stage, asked for by name");
        for (LatencyStats.Summary s : r.stages) {
            assertEquals(s.count, counts.get(s.name).get(), s.name + ": the tap saw what the histogram recorded");
        }
        assertEquals(r.endToEnd.count, counts.get("end-to-end").get());
        assertTrue(counts.get("end-to-end").get() >= 2 * 391, "every bar set crossed the ring");
        assertEquals(counts.get("portfolio").get(), counts.get("shadow-desks").get(),
            "the shadow stage timed each bar set desk 0 acted on");
        assertTrue(sums.get("end-to-end").get() > 0, "nanoseconds, not zeros");
    }

    @Test
    void shouldLeaveAStageWhoseTapIsNullAlone() {
        Pipeline p = pipeline(List.of());
        AtomicLong sync = new AtomicLong();
        p.tapLatency(name -> name.equals("sync") ? nanos -> sync.incrementAndGet() : null);
        RunResult r = p.run(MARKET.sources());
        assertEquals(r.stages.get(Stages.SYNC).count, sync.get());
    }

    @Test
    void shouldRefuseTapsOnceTheRingRuns() {
        Pipeline p = pipeline(List.of());
        p.run(MARKET.sources());
        assertThrows(IllegalStateException.class, () -> p.tapLatency(name -> null));
    }

    @Test
    void shouldShowEachShadowDesksLastMarkToOtherThreads() {
        StrategyParams one = BASE.toBuilder().set(MAX_POSITIONS, 1).conclude();
        Pipeline p = pipeline(List.of(new PipelineContext.ShadowSpec("one", one)));
        assertTrue(Double.isNaN(p.shadows().get(0).lastEquity()), "no mark before the first bar set");
        RunResult r = p.run(MARKET.sources());
        assertEquals(r.shadows.get(0).finalEquity, p.shadows().get(0).lastEquity(), "the shadow's last mark");
    }
}
