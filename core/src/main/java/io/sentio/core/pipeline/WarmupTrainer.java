package io.sentio.core.pipeline;

import io.sentio.core.learn.Learner;
import io.sentio.core.decision.ReturnCalibration;
import io.sentio.core.market.BarSet;
import io.sentio.core.state.Stateful;
import io.sentio.core.sync.BarSetSynchronizer;

/**
 * Trains learners and the synchronizer on bar sets exactly as the ring's sync and learner stages
 * would (a set the synchronizer skips trains nothing; forward-filled bars never train), on one
 * thread and without the portfolio: what {@code sentio warmup} needs, at the learners' speed.
 */
public final class WarmupTrainer {
    private final Learner[] learners;
    private final BarSetSynchronizer sync;
    private final BarSet synced;
    private final boolean[] filled;
    private final boolean[] stale;
    private ReturnCalibration calibration;
    private long barSets;

    public WarmupTrainer(Learner[] learners, int maxForwardFill, int maxMissingSymbols) {
        this.learners = learners.clone();
        int n = learners.length;
        this.sync = new BarSetSynchronizer(n, maxForwardFill, maxMissingSymbols);
        this.synced = new BarSet(n);
        this.filled = new boolean[n];
        this.stale = new boolean[n];
    }

    /**
     * Also calibrates {@code c} (the expected_return rule's) on each trained bar, from the
     * learners' model outputs, as the desk would behind them. Per symbol, so shards stay disjoint.
     */
    public WarmupTrainer calibrating(ReturnCalibration c) {
        this.calibration = c;
        return this;
    }

    /** Trains on one bar set, on the calling thread. */
    public void train(BarSet received) {
        barSets++;
        if (sync.apply(received, synced, filled, stale)) {
            for (int s = 0; s < learners.length; s++) {
                trainSymbol(s, received);
            }
        }
    }

    /**
     * Trains on {@code sets} in order: the synchronizer first decides which sets are skipped, then
     * {@code threads} threads train disjoint symbol shards (symbol % threads), as the ring's shards do;
     * the result is the same as {@link #train(BarSet)} on each set.
     */
    public void train(BarSet[] sets, int threads) {
        boolean[] actionable = new boolean[sets.length];
        for (int i = 0; i < sets.length; i++) {
            barSets++;
            actionable[i] = sync.apply(sets[i], synced, filled, stale);
        }
        Thread[] workers = new Thread[threads];
        Throwable[] failed = new Throwable[threads];
        for (int k = 0; k < threads; k++) {
            int shard = k;
            workers[k] = new Thread(() -> {
                try {
                    for (int i = 0; i < sets.length; i++) {
                        if (actionable[i]) {
                            for (int s = shard; s < learners.length; s += threads) {
                                trainSymbol(s, sets[i]);
                            }
                        }
                    }
                } catch (RuntimeException | Error e) {
                    failed[shard] = e;
                }
            }, "sentio-warmup-" + k);
            workers[k].start();
        }
        for (int k = 0; k < threads; k++) {
            try {
                workers[k].join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while training", e);
            }
            if (failed[k] != null) {
                throw new IllegalStateException("warmup shard " + k + " failed", failed[k]);
            }
        }
    }

    private void trainSymbol(int s, BarSet b) {
        if (b.present[s]) {
            learners[s].onBar(b.epochSecond, b.open[s], b.high[s], b.low[s], b.close[s], b.volume[s]);
            if (calibration != null) {
                calibration.onRealBar(s, b.nyEpochDay, b.open[s], learners[s].modelOutputs(), 0);
            }
        }
    }

    public long barSets() {
        return barSets;
    }

    /** The synchronizer's state walk after training: the state a warm start resumes. */
    public Stateful syncState() {
        return sync;
    }
}
