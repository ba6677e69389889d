package io.sentio.launcher.config;

import io.sentio.core.market.Universe;
import java.util.List;
import java.util.Map;

/** The active universe and per-symbol metadata from a {@code symbols.json}. Immutable. */
public final class SymbolsConfig {
    private final List<String> active;
    private final Map<String, SymbolInfo> info;

    SymbolsConfig(List<String> active, Map<String, SymbolInfo> info) {
        this.active = List.copyOf(active);
        this.info = Map.copyOf(info);
    }

    /** Active symbols in universe order. */
    public List<String> active() {
        return active;
    }

    public Universe universe() {
        return new Universe(active);
    }

    /** Metadata of a symbol (active or not), or null. */
    public SymbolInfo info(String symbol) {
        return info.get(symbol);
    }
}
