package io.sentio.launcher.live;

import io.sentio.core.pipeline.RunResult;

/** What a session did, for the caller and tests. */
public final class LiveReport {
    public final int exitCode;
    public final RunResult result;
    public final String positions;
    public final long ordersSent;
    public final long ordersRejected;
    public final long barSetsPublished;
    public final long backfilledSets;
    public final String latency;
    /** Market-data frames/messages and trade_updates messages dropped as garbage. */
    public final long garbageMarketData;
    public final long garbageTradeUpdates;

    LiveReport(int exitCode, RunResult result, String positions, long sent, long rejected, long published,
           long backfilled, String latency, long garbageMarketData, long garbageTradeUpdates) {
        this.exitCode = exitCode;
        this.result = result;
        this.positions = positions;
        this.ordersSent = sent;
        this.ordersRejected = rejected;
        this.barSetsPublished = published;
        this.backfilledSets = backfilled;
        this.latency = latency;
        this.garbageMarketData = garbageMarketData;
        this.garbageTradeUpdates = garbageTradeUpdates;
    }
}
