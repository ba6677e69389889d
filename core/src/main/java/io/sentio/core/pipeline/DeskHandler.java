package io.sentio.core.pipeline;


/** Stage 3: rank + rotate + risk, the single writer of the portfolio. */
public final class DeskHandler extends StageHandler {
    private final TradingDesk desk;
    private final int slot;
    private final LatencyStats latency;

    public DeskHandler(TradingDesk desk, int slot, LatencyStats latency) {
        this.desk = desk;
        this.slot = slot;
        this.latency = latency;
    }

    @Override
    protected void handle(PipelineEvent ev) {
        if (ev.kind == PipelineEvent.FILL) {
            if (!ev.failedBefore(slot)) {
                desk.onReport(ev.report, ev);
            }
            return;
        }
        if (!ev.actionableAt(slot)) {
            return;
        }
        long start = System.nanoTime();
        desk.onBarSet(ev);
        latency.record(System.nanoTime() - start);
    }
}
