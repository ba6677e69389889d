package io.sentio.bench;

import io.sentio.core.config.StrategyParams;
import io.sentio.core.learn.OnlineLearner;
import io.sentio.core.market.BarSet;
import io.sentio.core.pipeline.WarmupTrainer;
import io.sentio.core.state.StateCodec;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Compute time of {@code sentio warmup}: the last N sessions of the real data set (default 20 =
 * 7820 bar sets x 12 symbols) trained into fresh OnlineLearners, alternating 1 and 2 threads,
 * several rounds in one JVM (the first rounds include JIT compilation). Excludes reading the CSVs.
 * <pre>
 * java -cp bench/target/sentio-bench.jar io.sentio.bench.WarmupHarness DATA_DIR [sessions] [rounds]
 * </pre>
 */
public final class WarmupHarness {
    private WarmupHarness() {
    }

    public static void main(String[] args) {
        BarSet[] all = PipelineHarness.load(Path.of(args[0]));
        int sessions = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 6;
        BarSet[] sets = Arrays.copyOfRange(all, Math.max(0, all.length - sessions * 391), all.length);
        StrategyParams p = StrategyParams.defaults();
        System.out.printf(Locale.ROOT, "machine: %d cores, %s %s; %d bar sets x %d symbols%n",
            Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
            System.getProperty("java.version"), sets.length, PipelineHarness.SYMBOLS.length);
        for (int round = 0; round < rounds; round++) {
            int threads = 1 + round % 2;
            OnlineLearner[] learners = new OnlineLearner[PipelineHarness.SYMBOLS.length];
            for (int s = 0; s < learners.length; s++) {
                learners[s] = new OnlineLearner(p.oes, p.buyThreshold);
            }
            WarmupTrainer t = new WarmupTrainer(learners, p.maxForwardFill, p.maxMissingSymbols);
            long t0 = System.nanoTime();
            t.train(sets, threads);
            long ns = System.nanoTime() - t0;
            StateCodec hash = new StateCodec().hashing();
            for (OnlineLearner l : learners) {
                l.visit(hash);
            }
            long h = hash.hash();
            System.out.printf(Locale.ROOT, "round %d, %d thread(s): %.1f ms, %.0f symbol-bars/s, learners hash %016x%n",
                round, threads, ns / 1e6, sets.length * 12.0 * 1e9 / ns, h);
        }
    }
}
