package io.sentio.bench;

import io.sentio.core.config.StrategyParams;
import io.sentio.core.learn.OnlineLearner;
import io.sentio.core.market.BarSet;
import io.sentio.core.market.Universe;
import io.sentio.core.pipeline.LatencyStats;
import io.sentio.core.pipeline.Layout;
import io.sentio.core.pipeline.Pacer;
import io.sentio.core.pipeline.Pipeline;
import io.sentio.core.pipeline.PipelineContext;
import io.sentio.core.pipeline.PipelineEvent;
import io.sentio.core.pipeline.RunResult;
import io.sentio.core.pipeline.StageHandler;
import io.sentio.core.pipeline.WaitStrategies;
import io.sentio.journal.codec.RunHeader;
import io.sentio.journal.codec.RunMode;
import io.sentio.journal.pipeline.RunJournal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * The critical path of the production wiring (OnlineLearner on the 12 real symbols, 2 shards, the
 * Chronicle journal on) with bar sets paced one every N ms: bar set in -> orders journaled ->
 * venue called -> execution done, and each stage's service time. The learners first train unpaced
 * and untimed on the warm-up sessions; then each timed set is stamped with its planned send time,
 * so a set delayed by an earlier one's queueing or by the publisher's own lateness carries that
 * delay (no coordinated omission, no need to back-fill with an expected interval). Between sets
 * the publisher parks, as live does, so handler threads sleep and caches go cold for N ms.
 * <pre>
 * java &lt;chronicle flags&gt; -cp bench/target/sentio-bench.jar io.sentio.bench.PacedLatencyHarness DATA
 *     [intervalsMs=1000,1] [timedSets=200] [warmSessions=20] [layouts=latency,throughput] [wait=stage-blocking]
 * </pre>
 */
public final class PacedLatencyHarness {
    private static final long SPIN_NANOS = 200_000;

    private PacedLatencyHarness() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        String[] intervals = (args.length > 1 ? args[1] : "1000,1").split(",");
        int timed = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int warmSessions = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        String[] layouts = (args.length > 4 ? args[4] : "latency,throughput").split(",");
        String wait = args.length > 5 ? args[5] : "stage-blocking";
        BarSet[] all = PipelineHarness.load(data);
        int warm = Math.min(warmSessions * 391, all.length - timed);
        System.out.printf(Locale.ROOT, "machine: %d cores, %s %s; %d symbols, %d warm-up sets unpaced, %d timed sets; journal on; wait %s%n",
            Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.version"),
            PipelineHarness.SYMBOLS.length, warm, timed, wait);
        for (String layout : layouts) {
            for (String interval : intervals) {
                long nanos = (long) (Double.parseDouble(interval) * 1e6);
                Path dir = Files.createTempDirectory("sentio-paced");
                try {
                    Timed[] journalStages = new Timed[2];
                    RunResult r = run(all, warm, timed, nanos, Layout.named(layout), wait, dir.resolve("j"), journalStages);
                    System.out.printf(Locale.ROOT, "layout %s, one bar set every %s ms, state hash %s:%n", layout, interval,
                        r.stateHashHex());
                    for (LatencyStats.Summary s : r.criticalPath) {
                        System.out.println("  " + s);
                    }
                    System.out.println("  service times:");
                    for (LatencyStats.Summary s : r.stages) {
                        System.out.println("    " + s);
                    }
                    for (Timed t : journalStages) {
                        System.out.println("    " + t.latency.summary());
                    }
                } finally {
                    delete(dir);
                }
            }
        }
    }

    private static RunResult run(BarSet[] sets, int warm, int timed, long intervalNanos, Layout layout, String wait,
                                 Path journalDir, Timed[] journalStages) {
        StrategyParams params = StrategyParams.defaults();
        Universe u = Universe.of(PipelineHarness.SYMBOLS);
        byte[] none = "{}".getBytes(StandardCharsets.US_ASCII);
        RunJournal journal = RunJournal.open(journalDir, new RunHeader("bench", "bench", RunMode.MOCK, 0, 0, u.symbols(),
            none, none), 2, 0, null);
        Timed in = new Timed(journal.journalIn(), "journal-in");
        Timed out = new Timed(journal.journalOut(), "journal-out");
        PipelineContext ctx = new PipelineContext().universe(u).params(params).shards(2).layout(layout)
            .waitStrategy(WaitStrategies.named(wait))
            .expectedBars(warm + timed + 16).learnerFactory(s -> new OnlineLearner(params.oes, params.buyThreshold))
            .journalIn(in).journalOut(out);
        Pipeline p = new Pipeline(ctx.conclude());
        p.start();
        for (int i = 0; i < warm; i++) {
            p.publish(sets[i], Pacer.UNTIMED);
        }
        p.awaitDrained();
        p.resetLatency();
        long start = System.nanoTime() + intervalNanos;
        for (int i = 0; i < timed; i++) {
            long planned = start + i * intervalNanos;
            long ahead;
            while ((ahead = planned - System.nanoTime()) > SPIN_NANOS) {
                LockSupport.parkNanos(ahead - SPIN_NANOS);
            }
            while (System.nanoTime() < planned) {
                Thread.onSpinWait();
            }
            p.publish(sets[warm + i], planned);
        }
        RunResult r = p.finish();
        journalStages[0] = in;
        journalStages[1] = out;
        journal.finish(r.barSets, r.stateHash);
        journal.close();
        return r;
    }

    /** A journal stage timed on the timed (paced) bar sets only, as the pipeline's own stages are. */
    private static final class Timed extends StageHandler {
        private final StageHandler stage;
        private final LatencyStats latency;
        private long sequence;

        Timed(StageHandler stage, String name) {
            this.stage = stage;
            this.latency = new LatencyStats(name);
        }

        @Override
        public void onStart() {
            stage.onStart();
        }

        @Override
        public void onShutdown() {
            stage.onShutdown();
        }

        @Override
        protected void handle(PipelineEvent ev) {
            long start = System.nanoTime();
            stage.onEvent(ev, sequence++, false);
            if (ev.kind == PipelineEvent.BAR_SET && ev.publishNanos != Pacer.UNTIMED) {
                latency.record(System.nanoTime() - start);
            }
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(f);
            }
        }
    }
}
