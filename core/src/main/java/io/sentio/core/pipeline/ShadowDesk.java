package io.sentio.core.pipeline;

import io.sentio.core.config.StrategyParams;
import io.sentio.core.execution.SimulatedBroker;
import io.sentio.core.learn.ModelOutputs;
import io.sentio.core.learn.SignalRule;

/**
 * A challenger desk (DESIGN §3 stage 3): other signal and trading parameters over the same model
 * outputs and bar sets as desk 0, with simulated fills at the next bar's open; it never sends an
 * order. It works on a private copy of each event, so it writes nothing desk 0 or a later stage
 * reads. Equal, bit for bit, to desk 0 of a run with its parameters.
 */
public final class ShadowDesk {
    private final String name;
    private final StrategyParams params;
    private final SignalRule rule;
    private final TradingDesk desk;
    private final PipelineEvent scratch;
    private final int width;
    private long barSets;
    /** The last bar set's mark, for a live status page read from another thread. */
    private volatile double lastEquity = Double.NaN;

    ShadowDesk(String name, StrategyParams params, int symbols, PipelineContext ctx) {
        this.name = name;
        this.params = params;
        this.rule = new SignalRule(params.oes, params.buyThreshold);
        this.desk = new TradingDesk(symbols, params,
            SimulatedBroker.of(params, ctx.fillTiming()), ctx.expectedBars());
        this.width = ModelOutputs.width(params.oes.horizonCount());
        this.scratch = PipelineEvent.factory(symbols, 1, desk.needsModelOutputs() ? width : 0).newInstance();
    }

    /** Scores every symbol from {@code ev}'s model outputs and runs the desk on a private copy. */
    void onBarSet(PipelineEvent ev) {
        barSets++;
        PipelineEvent.loadBarSet(scratch, ev.index, ev.received);
        scratch.synced.copyFrom(ev.synced);
        System.arraycopy(ev.forwardFilled, 0, scratch.forwardFilled, 0, ev.forwardFilled.length);
        System.arraycopy(ev.stale, 0, scratch.stale, 0, ev.stale.length);
        int symbols = ev.symbols();
        for (int s = 0; s < symbols; s++) {
            rule.score(ev.modelOutputs, s * width);
            scratch.probability[s] = rule.probability();
            scratch.confidence[s] = rule.confidence();
            scratch.signal[s] = rule.signal();
        }
        if (desk.needsModelOutputs()) {
            System.arraycopy(ev.modelOutputs, 0, scratch.modelOutputs, 0, scratch.modelOutputs.length);
        }
        desk.onBarSet(scratch);
        lastEquity = scratch.equity;
    }

    /** Equity at the last bar set's close (NaN before the first); safe from any thread. */
    public double lastEquity() {
        return lastEquity;
    }

    public String name() {
        return name;
    }

    public StrategyParams params() {
        return params;
    }

    /** The desk's outputs of the last bar set it handled (its private event). */
    PipelineEvent outputs() {
        return scratch;
    }

    TradingDesk desk() {
        return desk;
    }

    long barSets() {
        return barSets;
    }

    public long stateHash() {
        return desk.stateHash();
    }
}
