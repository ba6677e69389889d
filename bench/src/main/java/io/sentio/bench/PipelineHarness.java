package io.sentio.bench;

import io.sentio.core.config.StrategyParams;
import io.sentio.core.learn.OnlineLearner;
import io.sentio.core.market.BarSource;
import io.sentio.core.market.BarSet;
import io.sentio.core.market.Universe;
import io.sentio.core.pipeline.LatencyStats;
import io.sentio.core.pipeline.Layout;
import io.sentio.core.pipeline.LearnerFactory;
import io.sentio.core.pipeline.Pipeline;
import io.sentio.core.pipeline.PipelineContext;
import io.sentio.core.pipeline.RunResult;
import io.sentio.core.pipeline.WaitStrategies;
import io.sentio.core.sync.SessionMinuteMerger;
import io.sentio.launcher.data.BarCsvReader;
import io.sentio.launcher.data.BarFiles;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Throughput, latency and allocation of the pipeline on the real dataset with the production
 * components ({@link BarCsvReader}, lenient; {@link OnlineLearner} per symbol), ring vs
 * ArrayBlockingQueues in the same JVM.
 *
 * <pre>
 * java -cp bench/target/sentio-bench.jar io.sentio.bench.PipelineHarness all DATA_DIR [shards] [rate] [wait]
 * java -Xmx64m -cp bench/target/sentio-bench.jar io.sentio.bench.PipelineHarness backtest DATA_DIR [shards]
 * java -cp bench/target/sentio-bench.jar io.sentio.bench.PipelineHarness layouts DATA_DIR [shards]
 * </pre>
 * {@code layouts}: unpaced throughput of the in-memory bar sets (no parsing, no JVM start) with the
 * throughput and the latency layout alternating, 3 rounds each.
 * {@code all}: (1) throughput, unpaced, ring then queues, alternating, 3 rounds each, from bar sets
 * merged into memory beforehand (no parsing); (2) end-to-end latency at a fixed publication rate
 * (default 1 000 bar sets/s), each bar set stamped with its planned send time so a stalled
 * publisher shows up as latency (no coordinated omission); the learners are warmed on the first
 * half of the data first, the paced sets are the second half;
 * (3) bytes allocated per bar set in steady state by the publisher and every stage thread.
 * {@code backtest}: the full dataset streamed from the gz files, as the CLI would run it.
 */
public final class PipelineHarness {
    static final String[] SYMBOLS = {"ERX", "ERY", "FAS", "FAZ", "SDS", "SQQQ", "SSO", "SVIX", "TNA", "TQQQ", "TZA", "UVXY"};

    private static String waitStrategy = "stage-blocking";

    private PipelineHarness() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: PipelineHarness all|backtest DATA_DIR [shards] [rate per s] [stage-blocking|blocking|sleeping|yielding|busy-spin]");
            System.exit(2);
        }
        Path dir = Path.of(args[1]);
        int shards = args.length > 2 ? Integer.parseInt(args[2]) : Math.min(4, Runtime.getRuntime().availableProcessors());
        double rate = args.length > 3 ? Double.parseDouble(args[3]) : 1_000;
        waitStrategy = args.length > 4 ? args[4] : waitStrategy;
        System.out.printf(Locale.ROOT, "machine: %d cores, %s %s, max heap %d MB; shards %d; wait %s; learner: OnlineLearner%n",
            Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.version"),
            Runtime.getRuntime().maxMemory() >> 20, shards, waitStrategy);
        if (args[0].equals("backtest")) {
            backtest(dir, shards);
        } else if (args[0].equals("layouts")) {
            layouts(dir, shards);
        } else {
            all(dir, shards, rate);
        }
    }

    static StrategyParams params() {
        return StrategyParams.defaults();
    }

    static LearnerFactory learners() {
        StrategyParams p = params();
        return s -> new OnlineLearner(p.oes, p.buyThreshold);
    }

    static Pipeline ring(int shards, int expectedBars) {
        return ring(shards, expectedBars, Layout.THROUGHPUT);
    }

    static Pipeline ring(int shards, int expectedBars, Layout layout) {
        return new Pipeline(new PipelineContext().universe(Universe.of(SYMBOLS)).params(params()).shards(shards)
            .learnerFactory(learners()).expectedBars(expectedBars).waitStrategy(WaitStrategies.named(waitStrategy))
            .layout(layout).conclude());
    }

    private static void layouts(Path dir, int shards) throws Exception {
        BarSet[] sets = load(dir);
        int n = sets.length;
        System.out.printf(Locale.ROOT, "data: %d bar sets x %d symbols in memory; unpaced symbol-bars/s%n", n, SYMBOLS.length);
        for (int round = 0; round < 3; round++) {
            for (Layout layout : Layout.values()) {
                Pipeline p = ring(shards, n + 16, layout);
                p.start();
                long t0 = System.nanoTime();
                for (BarSet s : sets) {
                    p.publish(s, System.nanoTime());
                }
                RunResult r = p.finish();
                double rate = (double) n * SYMBOLS.length * 1e9 / (System.nanoTime() - t0);
                System.out.printf(Locale.ROOT, "round %d: %-10s %8.0f  state hash %s%n", round, layout, rate, r.stateHashHex());
            }
        }
    }

    static QueuePipeline queues(int shards, int expectedBars) {
        return new QueuePipeline(SYMBOLS.length, shards, 1024, params(), learners(), expectedBars);
    }

    private static void backtest(Path dir, int shards) {
        Pipeline p = ring(shards, 45_000);
        RunResult r = p.run(readers(dir));
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "backtest: %d bar sets, %d sessions, %.0f symbol-bars/s (incl. gz parsing), heap used %d MB%n",
            r.barSets, r.metrics.sessions, r.symbolBarsPerSecond, (rt.totalMemory() - rt.freeMemory()) >> 20);
        System.out.println("  " + r.metrics);
        System.out.println("  " + r.endToEnd);
        System.out.println("state hash: " + r.stateHashHex());
    }

    private static void all(Path dir, int shards, double rate) throws Exception {
        BarSet[] sets = load(dir);
        int n = sets.length;
        System.out.printf(Locale.ROOT, "data: %d bar sets x %d symbols%n", n, SYMBOLS.length);
        System.out.println("-- throughput, unpaced (symbol-bars/s)");
        double bestRing = 0;
        double bestQueue = 0;
        for (int round = 0; round < 3; round++) {
            Pipeline p = ring(shards, n + 16);
            p.start();
            long t0 = System.nanoTime();
            for (BarSet s : sets) {
                p.publish(s, System.nanoTime());
            }
            RunResult r = p.finish();
            double ringRate = (double) n * SYMBOLS.length * 1e9 / (System.nanoTime() - t0);
            QueuePipeline q = queues(shards, n + 16);
            t0 = System.nanoTime();
            for (BarSet s : sets) {
                q.publish(s, System.nanoTime());
            }
            q.finish();
            double queueRate = (double) n * SYMBOLS.length * 1e9 / (System.nanoTime() - t0);
            bestRing = Math.max(bestRing, ringRate);
            bestQueue = Math.max(bestQueue, queueRate);
            if (round == 0) {
                System.out.println("  " + r.metrics);
            }
            System.out.printf(Locale.ROOT, "round %d: ring %.0f, queues %.0f, ratio %.2f; same decisions: %b%n",
                round, ringRate, queueRate, ringRate / queueRate, r.stateHash == q.stateHash());
        }
        System.out.printf(Locale.ROOT, "best: ring %.0f, queues %.0f, ratio %.2f%n", bestRing, bestQueue, bestRing / bestQueue);

        int warm = n / 2;
        int count = (int) Math.min(n - warm, rate * 5);
        System.out.printf(Locale.ROOT, "-- end-to-end latency at %.0f bar sets/s, %d bar sets after %d unpaced warm-up sets,"
            + " stamped at planned send time%n", rate, count, warm);
        for (int round = 0; round < 2; round++) {
            Pipeline p = ring(shards, n + 16);
            p.start();
            for (int i = 0; i < warm; i++) {
                p.publish(sets[i], System.nanoTime());
            }
            p.awaitDrained();
            p.resetLatency();
            paced(sets, warm, count, rate, (s, stamp) -> p.publish(s, stamp));
            RunResult r = p.finish();
            QueuePipeline q = queues(shards, n + 16);
            for (int i = 0; i < warm; i++) {
                q.publish(sets[i], System.nanoTime());
            }
            q.awaitDrained(1024);
            q.endToEnd().reset();
            paced(sets, warm, count, rate, q::publish);
            q.finish();
            LatencyStats.Summary ring = r.endToEnd;
            LatencyStats.Summary qs = q.endToEnd().summary();
            System.out.println("ring   " + ring);
            System.out.println("queues " + qs);
            System.out.printf(Locale.ROOT, "p50 ratio queues/ring %.2f, p99 %.2f%n", qs.p50 / ring.p50, qs.p99 / ring.p99);
            if (round == 1) {
                for (LatencyStats.Summary s : r.stages) {
                    System.out.println("  stage service time " + s);
                }
            }
        }

        System.out.println("-- allocation per bar set in steady state (publisher + all stage threads)");
        Pipeline p = ring(shards, 2 * n + 16);
        p.start();
        for (int i = 0; i < warm; i++) {
            p.publish(sets[i], System.nanoTime());
        }
        p.awaitDrained();
        List<Thread> threads = new ArrayList<>(p.handlerThreads());
        threads.add(Thread.currentThread());
        long before = allocated(threads);
        for (int i = warm; i < n; i++) {
            p.publish(sets[i], System.nanoTime());
        }
        p.awaitDrained();
        long after = allocated(threads);
        p.finish();
        System.out.printf(Locale.ROOT, "ring: %.3f B per bar set over %d bar sets (%d B total)%n",
            (double) (after - before) / (n - warm), n - warm, after - before);
        QueuePipeline q = queues(shards, 2 * n + 16);
        for (int i = 0; i < warm; i++) {
            q.publish(sets[i], System.nanoTime());
        }
        q.awaitDrained(1024);
        List<Thread> qThreads = new ArrayList<>(q.threads());
        qThreads.add(Thread.currentThread());
        before = allocated(qThreads);
        for (int i = warm; i < n; i++) {
            q.publish(sets[i], System.nanoTime());
        }
        q.awaitDrained(1024);
        after = allocated(qThreads);
        q.finish();
        System.out.printf(Locale.ROOT, "queues: %.3f B per bar set%n", (double) (after - before) / (n - warm));
    }

    interface Publisher {
        void publish(BarSet set, long stampNanos) throws InterruptedException;
    }

    private static void paced(BarSet[] sets, int from, int count, double rate, Publisher out) throws InterruptedException {
        long interval = (long) (1e9 / rate);
        long start = System.nanoTime() + 1_000_000;
        for (int i = 0; i < count; i++) {
            long planned = start + i * interval;
            while (System.nanoTime() < planned) {
                Thread.onSpinWait();
            }
            out.publish(sets[from + i], planned);
        }
    }

    private static long allocated(List<Thread> threads) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (Thread t : threads) {
            long b = mx.getThreadAllocatedBytes(t.getId());
            if (b < 0) {
                throw new IllegalStateException("thread " + t.getName() + " is gone");
            }
            sum += b;
        }
        return sum;
    }

    /** The production reader of every symbol's file, lenient (bad rows skipped and counted). */
    static BarSource[] readers(Path dir) {
        BarSource[] out = new BarSource[SYMBOLS.length];
        for (int i = 0; i < SYMBOLS.length; i++) {
            out[i] = new BarCsvReader(BarFiles.locate(dir, SYMBOLS[i]), false);
        }
        return out;
    }

    /** Every session minute of the dataset, merged once into memory. */
    static BarSet[] load(Path dir) {
        List<BarSet> out = new ArrayList<>();
        try (SessionMinuteMerger m = new SessionMinuteMerger(readers(dir))) {
            BarSet s = new BarSet(SYMBOLS.length);
            while (m.next(s)) {
                out.add(s);
                s = new BarSet(SYMBOLS.length);
            }
        }
        return out.toArray(new BarSet[0]);
    }
}
