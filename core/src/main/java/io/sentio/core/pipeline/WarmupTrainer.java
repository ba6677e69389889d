package io.sentio.core.pipeline;

import io.sentio.core.learn.Learner;
import io.sentio.core.market.BarSet;
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
    private long barSets;

    public WarmupTrainer(Learner[] learners, int maxForwardFill, int maxMissingSymbols) {
        this.learners = learners.clone();
        int n = learners.length;
        this.sync = new BarSetSynchronizer(n, maxForwardFill, maxMissingSymbols);
        this.synced = new BarSet(n);
        this.filled = new boolean[n];
        this.stale = new boolean[n];
    }

    public void train(BarSet received) {
        barSets++;
        if (!sync.apply(received, synced, filled, stale)) {
            return;
        }
        for (int s = 0; s < learners.length; s++) {
            if (received.present[s]) {
                learners[s].onBar(received.epochSecond, received.open[s], received.high[s], received.low[s],
                    received.close[s], received.volume[s]);
            }
        }
    }

    public long barSets() {
        return barSets;
    }

    public double lastClose(int symbol) {
        return sync.lastClose(symbol);
    }

    public int missingRun(int symbol) {
        return sync.missingRun(symbol);
    }
}
