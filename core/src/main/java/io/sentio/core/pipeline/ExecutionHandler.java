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
    private final int journalIn;
    private final int journalOut;
    private final LatencyStats latency;
    private final LatencyStats endToEnd;
    private long barSets;

    public ExecutionHandler(ExecutionVenue venue, TradeListener listener, Stages stages, LatencyStats latency,
                            LatencyStats endToEnd) {
        this.venue = venue;
        this.listener = listener;
        this.slot = stages.execution();
        this.journalIn = stages.journalIn();
        this.journalOut = stages.journalOut();
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
        // Nothing leaves unjournaled; and a recovered event's orders already left before the crash.
        if (ev.actionableAt(slot) && !ev.failedAt(journalIn) && !ev.failedAt(journalOut) && !ev.recovered) {
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
        if (ev.publishNanos != Pacer.UNTIMED) {
            endToEnd.record(System.nanoTime() - ev.publishNanos);
        }
    }

    long barSets() {
        return barSets;
    }
}
