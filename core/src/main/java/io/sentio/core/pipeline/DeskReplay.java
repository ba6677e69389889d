package io.sentio.core.pipeline;

import io.sentio.core.config.StrategyParams;
import io.sentio.core.learn.ModelOutputs;
import io.sentio.core.learn.SignalRule;
import io.sentio.core.sync.BarSetSynchronizer;
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
        ctx.checkConcluded();
        StrategyParams params = ctx.params();
        int symbols = ctx.universe().size();
        if (tape.rows() != bars.size()) {
            throw new IllegalArgumentException("model tape of " + tape.rows() + " bar sets cannot replay " + bars.size());
        }
        if (tape.symbols() != symbols || tape.horizons() != params.oes.horizonCount()) {
            throw new IllegalArgumentException("model tape of " + tape.symbols() + " symbols and " + tape.horizons()
                + " horizons cannot serve a desk of " + symbols + " symbols and " + params.oes.horizonCount());
        }
        long start = System.nanoTime();
        SignalRule rule = new SignalRule(params.oes, params.buyThreshold);
        BarSetSynchronizer sync = new BarSetSynchronizer(symbols, params.maxForwardFill, params.maxMissingSymbols);
        TradingDesk desk = new TradingDesk(symbols, params, ctx.venueOrSimulated(), ctx.expectedBars());
        int width = desk.needsModelOutputs() ? ModelOutputs.width(tape.horizons()) : 0;
        PipelineEvent ev = PipelineEvent.factory(symbols, new Stages(1).slots(), width).newInstance();
        double[] outputs = tape.outputs();
        int rows = bars.size();
        for (int row = 0; row < rows; row++) {
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
        desk.finish();
        RunResult.Builder b = ResultAssembler.assemble(desk, ctx, rows, System.nanoTime() - start);
        b.skippedBarSets = sync.skippedSets();
        b.endToEnd = new LatencyStats("end-to-end").summary();
        b.stages = List.of();
        b.stateHash = b.deskStateHash;
        return new RunResult(b);
    }
}
