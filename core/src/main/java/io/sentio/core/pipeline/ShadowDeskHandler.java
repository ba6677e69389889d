package io.sentio.core.pipeline;

import java.util.List;

/**
 * Runs the shadow desks after the learner shards, beside desk 0 and off its critical path: journal
 * and execution never wait for it. It gates on sync and the shards only, whose flags are final
 * before it sees the event (desk 0's are written concurrently).
 */
final class ShadowDeskHandler extends StageHandler {
    private final List<ShadowDesk> desks;
    private final int lastShardSlot;
    private final LatencyStats latency;

    ShadowDeskHandler(List<ShadowDesk> desks, Stages stages, int shards, LatencyStats latency) {
        this.desks = desks;
        this.lastShardSlot = stages.shard(shards - 1);
        this.latency = latency;
    }

    @Override
    protected void handle(PipelineEvent ev) {
        if (!ev.actionableAt(lastShardSlot + 1)) {
            return;
        }
        long start = System.nanoTime();
        for (int i = 0; i < desks.size(); i++) {
            desks.get(i).onBarSet(ev);
        }
        latency.record(System.nanoTime() - start);
    }
}
