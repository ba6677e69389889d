package io.sentio.core.pipeline;

import com.lmax.disruptor.Sequence;

/**
 * The lead thread of the {@link Layout#LATENCY} layout. Per event, in the order the throughput
 * layout's dependencies impose: journal-in, sync (then it lets the helpers predict their shards),
 * shard 0's predictions, a wait for the helpers' predictions, the portfolio, journal-out and
 * execution; after the orders are out (its sequence published), shard 0's deferred learning.
 */
final class LeadHandler extends StageHandler {
    private final Sequence synced;
    private final InlineStep[] beforeShards;
    private final InlineStep shard;
    private final LearnerShardHandler ownShard;
    private final ShardHelperHandler[] helpers;
    private final InlineStep[] afterShards;
    private long sequence = -1;

    /** @param synced where the lead publishes the last sequence synced, which the helpers wait for */
    LeadHandler(Sequence synced, InlineStep[] beforeShards, InlineStep shard, ShardHelperHandler[] helpers,
                InlineStep[] afterShards) {
        this.synced = synced;
        this.beforeShards = beforeShards;
        this.shard = shard;
        this.ownShard = (LearnerShardHandler) shard.stage();
        this.helpers = helpers;
        this.afterShards = afterShards;
    }

    /** The inline stages' lifecycle runs on this thread (the journal hooks open their writers here). */
    @Override
    public void onStart() {
        for (InlineStep step : beforeShards) {
            step.stage().onStart();
        }
        shard.stage().onStart();
        for (InlineStep step : afterShards) {
            step.stage().onStart();
        }
    }

    @Override
    public void onShutdown() {
        for (InlineStep step : beforeShards) {
            step.stage().onShutdown();
        }
        shard.stage().onShutdown();
        for (InlineStep step : afterShards) {
            step.stage().onShutdown();
        }
    }

    @Override
    protected void handle(PipelineEvent ev) {
        long seq = ++sequence;
        for (InlineStep step : beforeShards) {
            step.run(ev, seq);
        }
        synced.set(seq);
        shard.run(ev, seq);
        for (ShardHelperHandler helper : helpers) {
            Spin.until(helper.predicted(), seq);
        }
        for (InlineStep step : afterShards) {
            step.run(ev, seq);
        }
    }

    @Override
    protected boolean defersWork() {
        return true;
    }

    @Override
    protected void afterPublished(PipelineEvent ev) {
        ownShard.afterPublished(ev);
    }
}
