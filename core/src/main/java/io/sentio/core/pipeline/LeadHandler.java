package io.sentio.core.pipeline;

import com.lmax.disruptor.Sequence;

/**
 * The lead thread of the {@link Layout#LATENCY} layout. Per event, in an order the throughput
 * layout's dependencies allow: sync (then the helpers may predict their shards), journal-in (which
 * the throughput layout runs beside sync: it reads the bar set as received, which sync leaves
 * alone), shard 0's predictions, a wait for the helpers' predictions, the portfolio, journal-out
 * and execution; after the orders are out (its sequence published), shard 0's deferred learning.
 */
final class LeadHandler extends StageHandler {
    private final Sequence synced;
    private final InlineStep sync;
    private final InlineStep[] beforeShards;
    private final InlineStep shard;
    private final LearnerShardHandler ownShard;
    private final ShardHelperHandler[] helpers;
    private final InlineStep[] afterShards;
    private long sequence = -1;

    /**
     * @param synced       where the lead publishes the last sequence synced, which the helpers wait for
     * @param beforeShards run after sync, while the helpers predict (journal-in)
     */
    LeadHandler(Sequence synced, InlineStep sync, InlineStep[] beforeShards, InlineStep shard, ShardHelperHandler[] helpers,
                InlineStep[] afterShards) {
        this.synced = synced;
        this.sync = sync;
        this.beforeShards = beforeShards;
        this.shard = shard;
        this.ownShard = (LearnerShardHandler) shard.stage();
        this.helpers = helpers;
        this.afterShards = afterShards;
    }

    /** The inline stages' lifecycle runs on this thread (the journal hooks open their writers here). */
    @Override
    public void onStart() {
        sync.stage().onStart();
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
        sync.stage().onShutdown();
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
        sync.run(ev, seq);
        synced.set(seq);
        for (InlineStep step : beforeShards) {
            step.run(ev, seq);
        }
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
