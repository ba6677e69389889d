package io.sentio.core.execution;

import io.sentio.core.market.BarSet;

/**
 * A venue whose working orders settle only from execution reports in the ring ({@link ReportedFills},
 * in ring order). As it is, the venue of a live run's replay: orders are decided and journaled but
 * sent nowhere, and settle from the reports re-published from the journal exactly as they settled
 * live. A live venue extends it with {@link #send}, so both settle the same way.
 */
public class ReportedVenue implements ExecutionVenue {
    private final ReportedFills fills;

    public ReportedVenue(int symbols) {
        this.fills = new ReportedFills(symbols);
    }

    /** The reports recorded so far, for a subclass that asks what is settled or pending. */
    protected final ReportedFills fills() {
        return fills;
    }

    @Override
    public final int match(int symbol, long quantity, boolean staleAtDecision, BarSet received, boolean[] stale, FillPrice out) {
        return fills.match(symbol, out.orderSequence, quantity, out);
    }

    @Override
    public final void onReport(ExecutionReport report) {
        fills.record(report);
    }

    @Override
    public void send(OrderBatch orders, long decidingEpochSecond) {
        // Replay compares orders with the journal; it never sends them. A live venue overrides this.
    }
}
