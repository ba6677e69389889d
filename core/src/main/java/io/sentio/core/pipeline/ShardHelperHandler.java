package io.sentio.core.pipeline;

import com.lmax.disruptor.Sequence;

/**
 * A helper thread of the {@link Layout#LATENCY} layout: predicts one learner shard of each event
 * once the lead has synced it, publishes that to the lead, then does the shard's deferred learning
 * while the lead decides and sends.
 */
final class ShardHelperHandler extends StageHandler {
    private final Sequence synced;
    private final InlineStep shard;
    private final LearnerShardHandler ownShard;
    private final Sequence predicted = new Sequence(-1);
    private long sequence = -1;

    ShardHelperHandler(Sequence synced, InlineStep shard) {
        this.synced = synced;
        this.shard = shard;
        this.ownShard = (LearnerShardHandler) shard.stage();
    }

    /** The last sequence whose predictions this helper has written into the event. */
    Sequence predicted() {
        return predicted;
    }

    @Override
    public void onStart() {
        shard.stage().onStart();
    }

    @Override
    public void onShutdown() {
        shard.stage().onShutdown();
    }

    @Override
    protected void handle(PipelineEvent ev) {
        long seq = ++sequence;
        Spin.until(synced, seq);
        shard.run(ev, seq);
        predicted.set(seq);
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
