package io.sentio.core.pipeline;

import io.sentio.core.config.StrategyParams;
import io.sentio.core.learn.ModelOutputs;
import io.sentio.core.learn.SignalRule;
import io.sentio.core.sync.BarSetSynchronizer;
import java.util.ArrayList;
import java.util.List;

/**
 * A desk run over a {@link ModelTape} instead of the learners (DESIGN §3, §9): the same bar sets
 * through the same sync, each symbol scored by the desk's {@link SignalRule} from the recorded
 * model outputs, and the same {@link TradingDesk} deciding, on one thread. With the parameters of
 * a full backtest it gives that backtest's metrics and desk state hash bit for bit; the learners,
 * most of a backtest's work (measured: a 2.7 s model pass against a 66 ms desk over 100 sessions), run
 * once per model-parameter set instead of once per trial.
 */
public final class DeskReplay {
    private DeskReplay() {
    }

    /**
     * Replays {@code bars} (the bar sets {@code tape} was recorded from) through a fresh desk with
     * {@code ctx}'s params and simulated venue.
     *
     * @throws IllegalArgumentException if the tape was recorded with other horizons, another
     *                                  universe size or over another number of bar sets
     */
    public static RunResult run(PipelineContext ctx, ModelTape tape, BarTape bars) {
        return runAll(List.of(ctx), tape, bars).get(0);
    }

    /**
     * Desks side by side over one pass of the tape: row by row, every desk (its own sync, rule and
     * portfolio) takes the row while it is in cache. Each result equals its own {@link #run} bit
     * for bit: the desks share nothing but the read-only tapes.
     *
     * @throws IllegalArgumentException as {@link #run}, for the first context the tape cannot serve
     */
    public static List<RunResult> runAll(List<PipelineContext> contexts, ModelTape tape, BarTape bars) {
        Lane[] lanes = new Lane[contexts.size()];
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = new Lane(contexts.get(i), tape, bars);
        }
        long start = System.nanoTime();
        double[] outputs = tape.outputs();
        int rows = bars.size();
        for (int row = 0; row < rows; row++) {
            for (Lane lane : lanes) {
                lane.step(row, bars, tape, outputs);
            }
        }
        // Each desk's share of the pass, for its throughput figure.
        long elapsed = (System.nanoTime() - start) / Math.max(1, lanes.length);
        List<RunResult> results = new ArrayList<>(lanes.length);
        for (Lane lane : lanes) {
            results.add(lane.finish(rows, elapsed));
        }
        return results;
    }

    /** One desk of a replay: its sync, signal rule, portfolio and event. */
    private static final class Lane {
        private final PipelineContext ctx;
        private final int symbols;
        private final SignalRule rule;
        private final BarSetSynchronizer sync;
        private final TradingDesk desk;
        private final PipelineEvent ev;
        private final int width;

        Lane(PipelineContext ctx, ModelTape tape, BarTape bars) {
            ctx.checkConcluded();
            StrategyParams params = ctx.params();
            this.ctx = ctx;
            this.symbols = ctx.universe().size();
            if (tape.rows() != bars.size()) {
                throw new IllegalArgumentException("model tape of " + tape.rows() + " bar sets cannot replay " + bars.size());
            }
            if (tape.symbols() != symbols || tape.horizons() != params.oes.horizonCount()) {
                throw new IllegalArgumentException("model tape of " + tape.symbols() + " symbols and " + tape.horizons()
                    + " horizons cannot serve a desk of " + symbols + " symbols and " + params.oes.horizonCount());
            }
            this.rule = new SignalRule(params.oes, params.buyThreshold);
            this.sync = new BarSetSynchronizer(symbols, params.maxForwardFill, params.maxMissingSymbols);
            this.desk = new TradingDesk(symbols, params, ctx.venueOrSimulated(), ctx.expectedBars());
            this.width = desk.needsModelOutputs() ? ModelOutputs.width(tape.horizons()) : 0;
            this.ev = PipelineEvent.factory(symbols, new Stages(1).slots(), width).newInstance();
        }

        void step(int row, BarTape bars, ModelTape tape, double[] outputs) {
            PipelineEvent.loadBarSet(ev, row, bars.get(row));
            ev.skipped = !sync.apply(ev.received, ev.synced, ev.forwardFilled, ev.stale);
            if (!ev.skipped) {
                for (int s = 0; s < symbols; s++) {
                    rule.score(outputs, tape.offset(row, s));
                    ev.probability[s] = rule.probability();
                    ev.confidence[s] = rule.confidence();
                    ev.signal[s] = rule.signal();
                }
                if (width > 0) {
                    System.arraycopy(outputs, tape.offset(row, 0), ev.modelOutputs, 0, symbols * width);
                }
                desk.onBarSet(ev);
            }
        }

        RunResult finish(int rows, long elapsedNanos) {
            desk.finish();
            RunResult.Builder b = ResultAssembler.assemble(desk, ctx, rows, elapsedNanos);
            b.skippedBarSets = sync.skippedSets();
            b.endToEnd = new LatencyStats("end-to-end").summary();
            b.stages = List.of();
            b.stateHash = b.deskStateHash;
            return new RunResult(b);
        }
    }
}
