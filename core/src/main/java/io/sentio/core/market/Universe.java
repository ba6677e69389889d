package io.sentio.core.market;

import java.util.Arrays;
import java.util.List;

/**
 * The ordered list of traded symbols. A symbol's index is its position here; every per-symbol
 * primitive array in the engine is indexed the same way, and ties in ranking are broken by it.
 */
public final class Universe {
    private final String[] symbols;

    public Universe(List<String> symbols) {
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("universe must hold at least one symbol");
        }
        this.symbols = symbols.toArray(new String[0]);
        for (int i = 0; i < this.symbols.length; i++) {
            String s = this.symbols[i];
            if (s == null || !s.matches("[A-Z][A-Z0-9.]{0,9}")) {
                throw new IllegalArgumentException("invalid symbol '" + s + "' at position " + i);
            }
            for (int j = 0; j < i; j++) {
                if (this.symbols[j].equals(s)) {
                    throw new IllegalArgumentException("duplicate symbol " + s);
                }
            }
        }
    }

    public static Universe of(String... symbols) {
        return new Universe(Arrays.asList(symbols));
    }

    /** The default universe of DESIGN §1. */
    public static Universe defaultUniverse() {
        return of("SVIX", "SVXY", "TQQQ", "UPRO", "QQQ", "SPY", "SH", "PSQ", "SDS", "SQQQ", "UVXY", "UVIX");
    }

    public int size() {
        return symbols.length;
    }

    public String symbol(int index) {
        return symbols[index];
    }

    /** Index of the symbol, or -1. */
    public int indexOf(String symbol) {
        for (int i = 0; i < symbols.length; i++) {
            if (symbols[i].equals(symbol)) {
                return i;
            }
        }
        return -1;
    }

    public List<String> symbols() {
        return List.of(symbols);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Universe && Arrays.equals(symbols, ((Universe) o).symbols);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(symbols);
    }

    @Override
    public String toString() {
        return String.join(",", symbols);
    }
}
