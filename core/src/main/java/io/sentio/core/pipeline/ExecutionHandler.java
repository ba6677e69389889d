package io.sentio.core.pipeline;

import io.sentio.core.execution.ExecutionVenue;

/**
 * Stage 4: hands the bar set's orders to the venue and tells the listener. Records the end-to-end
 * latency (publish stamp to execution done) of every bar set, failed or skipped ones included:
 * they crossed the ring too; and its critical path split: publish stamp to this stage's start
 * (the bar set's orders are journaled, execution runs after journal-out) and to the venue's
 * return (orders handed over), before the listener's callbacks.
 */
public final class ExecutionHandler extends StageHandler {
    private final ExecutionVenue venue;
    private final TradeListener listener;
    private final int slot;
    private final int journalIn;
    private final int journalOut;
    private final LatencyStats latency;
    private final LatencyStats endToEnd;
    private final LatencyStats journaled;
    private final LatencyStats venueCalled;
    private long barSets;

    public ExecutionHandler(ExecutionVenue venue, TradeListener listener, Stages stages, LatencyStats latency,
                            LatencyStats endToEnd, LatencyStats journaled, LatencyStats venueCalled) {
        this.venue = venue;
        this.listener = listener;
        this.slot = stages.execution();
        this.journalIn = stages.journalIn();
        this.journalOut = stages.journalOut();
        this.latency = latency;
        this.endToEnd = endToEnd;
        this.journaled = journaled;
        this.venueCalled = venueCalled;
    }

    @Override
    protected void handle(PipelineEvent ev) {
        if (ev.kind == PipelineEvent.FILL && listener != null && !ev.failedBefore(slot)) {
            listener.onReport(ev);
            // a final report after the session's last bar set settles its order at once (TradingDesk#onReport)
            if (ev.fills.count() > 0) {
                listener.onFills(ev);
            }
        }
        if (ev.kind != PipelineEvent.BAR_SET) {
            return;
        }
        barSets++;
        boolean timed = ev.publishNanos != Pacer.UNTIMED;
        long start = System.nanoTime();
        if (timed) {
            journaled.record(start - ev.publishNanos);
        }
        // Nothing leaves unjournaled; and a recovered event's orders already left before the crash.
        if (ev.actionableAt(slot) && !ev.failedAt(journalIn) && !ev.failedAt(journalOut) && !ev.recovered) {
            if (ev.orders.count() > 0) {
                venue.send(ev.orders, ev.received.epochSecond);
            }
            if (timed) {
                venueCalled.record(System.nanoTime() - ev.publishNanos);
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
        } else if (timed) {
            venueCalled.record(System.nanoTime() - ev.publishNanos);
        }
        if (timed) {
            endToEnd.record(System.nanoTime() - ev.publishNanos);
        }
    }

    long barSets() {
        return barSets;
    }
}
