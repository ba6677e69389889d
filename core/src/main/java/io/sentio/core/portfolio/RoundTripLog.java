package io.sentio.core.portfolio;

import io.sentio.core.metrics.GrowableDoubles;
import io.sentio.core.metrics.GrowableLongs;

/**
 * Closed round trips (flat -> long -> flat) in closing order. Net P&L includes both sides'
 * commissions; slippage is already inside the fill prices.
 */
public final class RoundTripLog {
    private final GrowableLongs symbol;
    private final GrowableLongs quantity;
    private final GrowableLongs entryEpochSecond;
    private final GrowableLongs exitEpochSecond;
    private final GrowableDoubles entryPrice;
    private final GrowableDoubles exitPrice;
    private final GrowableDoubles netPnl;

    public RoundTripLog(int expected) {
        symbol = new GrowableLongs(expected);
        quantity = new GrowableLongs(expected);
        entryEpochSecond = new GrowableLongs(expected);
        exitEpochSecond = new GrowableLongs(expected);
        entryPrice = new GrowableDoubles(expected);
        exitPrice = new GrowableDoubles(expected);
        netPnl = new GrowableDoubles(expected);
    }

    void add(int sym, long qty, long entryTime, long exitTime, double entryPx, double exitPx, double pnl) {
        symbol.add(sym);
        quantity.add(qty);
        entryEpochSecond.add(entryTime);
        exitEpochSecond.add(exitTime);
        entryPrice.add(entryPx);
        exitPrice.add(exitPx);
        netPnl.add(pnl);
    }

    public int size() {
        return netPnl.size();
    }

    public int symbol(int i) {
        return (int) symbol.get(i);
    }

    public long quantity(int i) {
        return quantity.get(i);
    }

    public long entryEpochSecond(int i) {
        return entryEpochSecond.get(i);
    }

    public long exitEpochSecond(int i) {
        return exitEpochSecond.get(i);
    }

    /** Volume-weighted average entry price. */
    public double entryPrice(int i) {
        return entryPrice.get(i);
    }

    /** Volume-weighted average exit price. */
    public double exitPrice(int i) {
        return exitPrice.get(i);
    }

    public double netPnl(int i) {
        return netPnl.get(i);
    }
}
