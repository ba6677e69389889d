package io.sentio.bench;

import io.sentio.core.config.StrategyParamTable;
import io.sentio.core.config.StrategyParams;
import io.sentio.core.market.BarSet;
import io.sentio.core.market.Universe;
import io.sentio.core.pipeline.BarTape;
import io.sentio.core.pipeline.DeskReplay;
import io.sentio.core.pipeline.ModelTape;
import io.sentio.core.pipeline.Pipeline;
import io.sentio.core.pipeline.PipelineContext;
import io.sentio.core.pipeline.RunResult;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * What an optimizer trial costs (DESIGN §9): the full pipeline (learners and desk, one shard, as
 * the worker runs it) against one model pass ({@link ModelTape}) and desk-only trials over it
 * ({@link DeskReplay}), over the first N sessions of the real data, in one JVM. Every desk trial
 * varies desk parameters only; the first is checked equal to the full run.
 * <pre>
 * java -cp bench/target/sentio-bench.jar io.sentio.bench.TrialHarness DATA_DIR [sessions=100] [desk trials=40] [full trials=3]
 * </pre>
 */
public final class TrialHarness {
    private TrialHarness() {
    }

    public static void main(String[] args) {
        BarSet[] all = PipelineHarness.load(Path.of(args[0]));
        int sessions = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int deskTrials = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        int fullTrials = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        BarSet[] sets = firstSessions(all, sessions);
        int symbols = PipelineHarness.SYMBOLS.length;
        StrategyParams base = StrategyParams.defaults();
        System.out.printf(Locale.ROOT, "machine: %d cores, %s %s; %d sessions, %d bar sets x %d symbols%n",
            Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
            System.getProperty("java.version"), sessions, sets.length, symbols);

        double[] full = new double[fullTrials];
        RunResult reference = null;
        for (int i = 0; i < fullTrials; i++) {
            long t0 = System.nanoTime();
            reference = fullRun(base, sets);
            full[i] = (System.nanoTime() - t0) / 1e6;
        }
        BarTape bars = BarTape.of(symbols, sets);
        long t0 = System.nanoTime();
        ModelTape tape = ModelTape.record(base, bars);
        double model = (System.nanoTime() - t0) / 1e6;

        double[] desk = new double[deskTrials];
        for (int i = 0; i < deskTrials; i++) {
            StrategyParams p = variant(base, i);
            long t1 = System.nanoTime();
            RunResult r = DeskReplay.run(context(p), tape, bars);
            desk[i] = (System.nanoTime() - t1) / 1e6;
            if (i == 0 && (r.deskStateHash != reference.deskStateHash || r.metrics.trades != reference.metrics.trades)) {
                throw new AssertionError("desk over tape differs from the full run");
            }
        }
        Arrays.sort(full);
        double[] warm = Arrays.copyOfRange(desk, deskTrials / 2, deskTrials);
        Arrays.sort(warm);
        double deskP50 = warm[warm.length / 2];
        System.out.printf(Locale.ROOT, "full trial (learners + desk, 1 shard): median %.0f ms of %d%n", full[full.length / 2], fullTrials);
        System.out.printf(Locale.ROOT, "model pass (once per model-parameter set): %.0f ms; tape %d MB%n", model, tape.bytes() >> 20);
        System.out.printf(Locale.ROOT, "desk trial over the tape: p50 %.1f ms, min %.1f ms (second half of %d trials, after JIT)%n",
            deskP50, warm[0], deskTrials);
        System.out.printf(Locale.ROOT, "ratio full / desk: %.0fx%n", full[full.length / 2] / deskP50);
    }

    private static BarSet[] firstSessions(BarSet[] all, int sessions) {
        int seen = 0;
        long day = Long.MIN_VALUE;
        for (int i = 0; i < all.length; i++) {
            if (all[i].nyEpochDay != day) {
                day = all[i].nyEpochDay;
                if (++seen > sessions) {
                    return Arrays.copyOf(all, i);
                }
            }
        }
        return all;
    }

    private static PipelineContext context(StrategyParams p) {
        return new PipelineContext().universe(Universe.of(PipelineHarness.SYMBOLS)).params(p).shards(1)
            .learnerFactory(PipelineHarness.learners()).expectedBars(45_000).conclude();
    }

    private static RunResult fullRun(StrategyParams p, BarSet[] sets) {
        Pipeline pipeline = new Pipeline(context(p));
        pipeline.start();
        for (BarSet s : sets) {
            pipeline.publish(s, System.nanoTime());
        }
        return pipeline.finish();
    }

    /** Desk-parameter variants only (same models): what most optimizer trials are. */
    private static StrategyParams variant(StrategyParams base, int i) {
        if (i == 0) {
            return base;
        }
        return base.toBuilder().set(StrategyParamTable.BUY_THRESHOLD, 0.52 + 0.005 * (i % 10))
            .set(StrategyParamTable.MIN_HOLD_BARS, i % 30).set(StrategyParamTable.MAX_POSITIONS, 1 + i % 4)
            .set(StrategyParamTable.ROTATION_THRESHOLD, 1.0 + 0.1 * (i % 7)).conclude();
    }
}
