package io.sentio.launcher.report;

import java.util.Objects;

/** One holding of a symbol: entry fill and exit fill (epoch seconds) and its net P&L. */
public record HoldingInterval(String symbol, long entryEpochSecond, long exitEpochSecond, double pnl) {
    public HoldingInterval {
        Objects.requireNonNull(symbol, "symbol");
        if (exitEpochSecond < entryEpochSecond) {
            throw new IllegalArgumentException("holding of " + symbol + " exits (" + exitEpochSecond
                + ") before it enters (" + entryEpochSecond + ")");
        }
    }
}
