package io.sentio.core.pipeline;

import io.sentio.core.sync.BarSetSynchronizer;

/** Stage 1: forward-fill and staleness (DESIGN §5.1) into the event's synced view. */
public final class SyncHandler extends StageHandler {
    private final BarSetSynchronizer sync;
    private final LatencyStats latency;

    public SyncHandler(BarSetSynchronizer sync, LatencyStats latency) {
        this.sync = sync;
        this.latency = latency;
    }

    @Override
    protected void handle(PipelineEvent ev) {
        if (ev.kind != PipelineEvent.BAR_SET) {
            return;
        }
        long start = System.nanoTime();
        ev.skipped = !sync.apply(ev.received, ev.synced, ev.forwardFilled, ev.stale);
        latency.record(System.nanoTime() - start);
    }
}
