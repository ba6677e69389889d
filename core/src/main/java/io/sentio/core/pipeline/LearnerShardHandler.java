package io.sentio.core.pipeline;

import io.sentio.core.learn.Learner;
import io.sentio.core.market.BarSet;

/**
 * Stage 2, one of K in parallel: shard s owns the symbols with index % K == s. Trains each owned
 * learner on its symbol's real bars only (forward-filled bars never train) and writes every owned
 * symbol's p, C and signal (and, for shadow desks, its model outputs) into the event. Shards write
 * disjoint array elements. Predict first, learn after (DESIGN §3): the learners' deferred updates
 * run once the shard's sequence is published, while the desk decides; their service time is
 * recorded apart ({@code learnLatency}).
 */
public final class LearnerShardHandler extends StageHandler {
    private final int shard;
    private final int shards;
    private final Learner[] learners;
    private final LatencyStats latency;
    private final LatencyStats learnLatency;
    private final int modelWidth;
    private boolean learnPending;

    /** @param modelWidth doubles of model outputs per symbol to copy into the event for shadow desks; 0: none */
    public LearnerShardHandler(int shard, int shards, Learner[] learners, LatencyStats latency, LatencyStats learnLatency,
                               int modelWidth) {
        this.shard = shard;
        this.shards = shards;
        this.learners = learners;
        this.latency = latency;
        this.learnLatency = learnLatency;
        this.modelWidth = modelWidth;
    }

    @Override
    protected void handle(PipelineEvent ev) {
        // Gate on sync only: a sibling shard's failure flag is written concurrently, and reading
        // it would make what this shard trains on depend on thread timing.
        if (!ev.actionableAt(Stages.SYNC + 1)) {
            return;
        }
        long start = System.nanoTime();
        BarSet bars = ev.received;
        for (int s = shard; s < learners.length; s += shards) {
            Learner learner = learners[s];
            if (bars.present[s]) {
                learner.predictBar(bars.epochSecond, bars.open[s], bars.high[s], bars.low[s], bars.close[s], bars.volume[s]);
            }
            ev.probability[s] = learner.probability();
            ev.confidence[s] = learner.confidence();
            ev.signal[s] = learner.signal();
            if (modelWidth > 0) {
                System.arraycopy(learner.modelOutputs(), 0, ev.modelOutputs, s * modelWidth, modelWidth);
            }
        }
        latency.record(System.nanoTime() - start);
        learnPending = true;
    }

    @Override
    protected boolean defersWork() {
        return true;
    }

    @Override
    protected void afterPublished(PipelineEvent ev) {
        if (!learnPending) {
            return;
        }
        learnPending = false;
        long start = System.nanoTime();
        for (int s = shard; s < learners.length; s += shards) {
            learners[s].learn();
        }
        learnLatency.record(System.nanoTime() - start);
    }
}
