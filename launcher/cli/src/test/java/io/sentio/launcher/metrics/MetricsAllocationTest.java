package io.sentio.launcher.metrics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.core.config.StrategyParams;
import io.sentio.core.learn.OnlineLearner;
import io.sentio.core.live.MinuteAssembler;
import io.sentio.core.market.BarSet;
import io.sentio.core.pipeline.Pipeline;
import io.sentio.core.pipeline.PipelineContext;
import io.sentio.core.pipeline.TradeListener;
import io.sentio.core.sync.SessionMinuteMerger;
import io.sentio.core.synth.SyntheticMarket;
import io.sentio.launcher.live.SessionObserver;
import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The metrics add no allocation to the ring's threads per bar set: the bytes the handler threads
 * allocate over a steady-state session (after one of warm-up) are compared with and without the
 * metrics' listener and latency taps. Bytes, not time: the figure does not depend on the load.
 */
class MetricsAllocationTest {
    private static final SyntheticMarket MARKET = SyntheticMarket.generate(43, LocalDate.of(2025, 5, 5), 3);
    private static final int SESSION = 391;

    @Test
    void shouldNotAllocateOnTheRingsThreadsPerBarSet() {
        List<BarSet> sets = sets();
        long without = steadyStateBytes(sets, false);
        long with = steadyStateBytes(sets, true);
        // A few hundred bytes of slack for what the JIT's timing decides (e.g. a deoptimization), far
        // below one small object per bar set (16 bytes x 782).
        assertTrue(with - without < 2_048, "bytes the ring's threads allocated over two steady sessions: " + with
            + " with metrics, " + without + " without");
    }

    /** Handler-thread bytes allocated over the last two sessions, the first being warm-up. */
    private static long steadyStateBytes(List<BarSet> sets, boolean metrics) {
        StrategyParams p = StrategyParams.defaults();
        LiveMetrics m = new LiveMetrics();
        TradeListener listener = metrics ? m.sessionStarting(new SessionObserver.Session(MetricsSession.DAY, "A1",
            MARKET.universe(), p, new MetricsSession.StillClock(), s -> 0)) : null;
        PipelineContext ctx = new PipelineContext().universe(MARKET.universe()).params(p)
            .learnerFactory(s -> new OnlineLearner(p.oes, p.buyThreshold)).shards(2).listener(listener).conclude();
        Pipeline pipeline = new Pipeline(ctx);
        if (metrics) {
            m.pipelineBuilt(pipeline);
        }
        pipeline.start();
        long before = 0;
        for (int i = 0; i < sets.size(); i++) {
            if (i == SESSION) {
                pipeline.awaitDrained();
                before = allocated(pipeline.handlerThreads());
            }
            pipeline.publish(sets.get(i), System.nanoTime());
            if (metrics) {
                m.barSetPublished(MinuteAssembler.COMPLETE, false);
            }
        }
        pipeline.awaitDrained();
        long after = allocated(pipeline.handlerThreads());
        pipeline.finish();
        return after - before;
    }

    private static List<BarSet> sets() {
        List<BarSet> out = new ArrayList<>();
        try (SessionMinuteMerger merger = new SessionMinuteMerger(MARKET.sources())) {
            BarSet s = new BarSet(MARKET.universe().size());
            while (merger.next(s)) {
                out.add(s);
                s = new BarSet(MARKET.universe().size());
            }
        }
        return out;
    }

    private static long allocated(List<Thread> threads) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (Thread t : threads) {
            sum += mx.getThreadAllocatedBytes(t.getId());
        }
        return sum;
    }
}
