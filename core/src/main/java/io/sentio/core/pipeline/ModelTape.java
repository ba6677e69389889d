package io.sentio.core.pipeline;

import io.sentio.core.config.StrategyParams;
import io.sentio.core.learn.ModelOutputs;
import io.sentio.core.learn.SymbolModel;
import io.sentio.core.market.BarSet;
import io.sentio.core.sync.BarSetSynchronizer;

/**
 * One pass of the models over a range (DESIGN §3, §9): for every bar set, in publication order,
 * every symbol's {@link ModelOutputs} after that set, exactly as the learner shards leave them in
 * the ring. It depends only on the model parameters and the sync parameters (a skipped set trains
 * no model), so any number of desks with other signal and trading parameters can be run over it
 * by {@link DeskReplay} instead of re-running the learners.
 */
public final class ModelTape {
    private final int symbols;
    private final int horizons;
    private final int width;
    private final int rows;
    private final double[] outputs;

    private ModelTape(int symbols, int horizons, int rows, double[] outputs) {
        this.symbols = symbols;
        this.horizons = horizons;
        this.width = ModelOutputs.width(horizons);
        this.rows = rows;
        this.outputs = outputs;
    }

    /**
     * Runs fresh models over every bar set of {@code bars} as the pipeline would: sync first, then
     * each model on its symbol's real bars of every set sync did not skip.
     */
    public static ModelTape record(StrategyParams params, BarTape bars) {
        int symbols = bars.symbols();
        SymbolModel[] models = new SymbolModel[symbols];
        for (int s = 0; s < symbols; s++) {
            models[s] = new SymbolModel(params.oes);
        }
        int horizons = params.oes.horizonCount();
        int width = ModelOutputs.width(horizons);
        BarSetSynchronizer sync = new BarSetSynchronizer(symbols, params.maxForwardFill, params.maxMissingSymbols);
        BarSet synced = new BarSet(symbols);
        boolean[] filled = new boolean[symbols];
        boolean[] stale = new boolean[symbols];
        int rows = bars.size();
        double[] out = new double[rows * symbols * width];
        int at = 0;
        for (int row = 0; row < rows; row++) {
            BarSet received = bars.get(row);
            if (sync.apply(received, synced, filled, stale)) {
                for (int s = 0; s < symbols; s++) {
                    if (received.present[s]) {
                        models[s].onBar(received.epochSecond, received.open[s], received.high[s], received.low[s],
                            received.close[s], received.volume[s]);
                    }
                }
            }
            for (int s = 0; s < symbols; s++) {
                System.arraycopy(models[s].outputs(), 0, out, at, width);
                at += width;
            }
        }
        return new ModelTape(symbols, horizons, rows, out);
    }

    public int symbols() {
        return symbols;
    }

    public int horizons() {
        return horizons;
    }

    /** Bar sets recorded, skipped ones included. */
    public int rows() {
        return rows;
    }

    /** Offset of symbol {@code s}'s outputs after bar set {@code row} in {@link #outputs()}. */
    public int offset(int row, int s) {
        return (row * symbols + s) * width;
    }

    /** The recorded {@link ModelOutputs} records, at {@link #offset}; shared, so callers must not write. */
    public double[] outputs() {
        return outputs;
    }

    /** Whether symbol {@code s}'s model was ready after bar set {@code row}. */
    public boolean ready(int row, int s) {
        return outputs[offset(row, s) + ModelOutputs.ready(horizons)] != 0.0;
    }

    /** Heap bytes the tape holds (what a cache budgets). */
    public long bytes() {
        return 8L * outputs.length + 64;
    }
}
