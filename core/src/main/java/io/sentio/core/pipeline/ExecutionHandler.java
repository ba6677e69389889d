package io.sentio.core.pipeline;

import io.sentio.core.execution.ExecutionVenue;

/**
 * Stage 4: hands the bar set's orders to the venue and tells the listener. Records the end-to-end
 * latency (publish stamp to execution done) of every bar set, failed or skipped ones included:
 * they crossed the ring too.
 */
public final class ExecutionHandler extends StageHandler {
    private final ExecutionVenue venue;
    private final TradeListener listener;
    private final int slot;
    private final LatencyStats latency;
    private final LatencyStats endToEnd;
    private long barSets;

    public ExecutionHandler(ExecutionVenue venue, TradeListener listener, int slot, LatencyStats latency, LatencyStats endToEnd) {
        this.venue = venue;
        this.listener = listener;
        this.slot = slot;
        this.latency = latency;
        this.endToEnd = endToEnd;
    }

    @Override
    protected void handle(PipelineEvent ev) {
        if (ev.kind == PipelineEvent.FILL && listener != null && !ev.failedBefore(slot)) {
            listener.onReport(ev);
        }
        if (ev.kind != PipelineEvent.BAR_SET) {
            return;
        }
        barSets++;
        if (ev.actionableAt(slot)) {
            long start = System.nanoTime();
            if (ev.orders.count() > 0) {
                venue.send(ev.orders, ev.received.epochSecond);
            }
            if (listener != null) {
                if (ev.fills.count() > 0) {
                    listener.onFills(ev);
                }
                if (ev.orders.count() > 0) {
                    listener.onOrders(ev);
                }
                if (ev.sessionEnd) {
                    listener.onSessionEnd(ev);
                }
                listener.onBarSet(ev);
            }
            latency.record(System.nanoTime() - start);
        }
        endToEnd.record(System.nanoTime() - ev.publishNanos);
    }

    long barSets() {
        return barSets;
    }
}
