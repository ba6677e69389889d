package io.sentio.core.execution;

import io.sentio.core.market.BarSet;

/**
 * The venue of a live run's replay: orders are decided and journaled but sent nowhere, and working
 * orders settle only from the execution reports re-published from the journal, exactly as the live
 * venue settled them ({@link ReportedFills}, in ring order).
 */
public final class ReportedVenue implements ExecutionVenue {
    private final ReportedFills fills;

    public ReportedVenue(int symbols) {
        this.fills = new ReportedFills(symbols);
    }

    @Override
    public int match(int symbol, long quantity, boolean staleAtDecision, BarSet received, boolean[] stale, FillPrice out) {
        return fills.match(symbol, out.orderSequence, quantity, out);
    }

    @Override
    public void onReport(ExecutionReport report) {
        fills.record(report);
    }

    @Override
    public void send(OrderBatch orders, long decidingEpochSecond) {
        // Replay compares orders with the journal; it never sends them.
    }
}
