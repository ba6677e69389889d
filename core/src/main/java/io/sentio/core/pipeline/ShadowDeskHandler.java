package io.sentio.core.pipeline;

import java.util.List;

/**
 * Runs the shadow desks after the learner shards (and journal-in, when journaled), beside desk 0
 * and off its critical path: journal-out and execution never wait for it. It gates on sync and the
 * shards only, whose flags are final before it sees the event (desk 0's are written concurrently).
 * With a {@link ShadowRecorder}, it hands each desk's outputs to it right after the desk ran.
 */
final class ShadowDeskHandler extends StageHandler {
    private final List<ShadowDesk> desks;
    private final int lastShardSlot;
    private final LatencyStats latency;
    private final ShadowRecorder recorder;

    ShadowDeskHandler(List<ShadowDesk> desks, Stages stages, int shards, LatencyStats latency, ShadowRecorder recorder) {
        this.desks = desks;
        this.lastShardSlot = stages.shard(shards - 1);
        this.latency = latency;
        this.recorder = recorder;
    }

    @Override
    public void onStart() {
        if (recorder != null) {
            recorder.onStart();
        }
    }

    @Override
    protected void handle(PipelineEvent ev) {
        if (!ev.actionableAt(lastShardSlot + 1)) {
            return;
        }
        long start = System.nanoTime();
        for (int i = 0; i < desks.size(); i++) {
            ShadowDesk desk = desks.get(i);
            desk.onBarSet(ev);
            if (recorder != null) {
                recorder.record(i + 1, desk.outputs());
            }
        }
        latency.record(System.nanoTime() - start);
    }
}
