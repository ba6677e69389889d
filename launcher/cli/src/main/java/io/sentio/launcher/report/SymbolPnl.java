package io.sentio.launcher.report;

import java.util.Objects;

/** Net P&L one symbol contributed over the run. */
public record SymbolPnl(String symbol, double pnl) {
    public SymbolPnl {
        Objects.requireNonNull(symbol, "symbol");
    }
}
