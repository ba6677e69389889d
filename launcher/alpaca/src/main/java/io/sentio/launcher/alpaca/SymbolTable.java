package io.sentio.launcher.alpaca;

import io.sentio.core.market.Universe;

/** Allocation-free lookup of a symbol's universe index from wire characters or bytes. */
public final class SymbolTable {
    private final char[][] symbols;
    private final Universe universe;

    public SymbolTable(Universe universe) {
        this.universe = universe;
        symbols = new char[universe.size()][];
        for (int i = 0; i < symbols.length; i++) {
            symbols[i] = universe.symbol(i).toCharArray();
        }
    }

    public Universe universe() {
        return universe;
    }

    /** Index of the symbol spelled by {@code text[offset, offset+length)}, or -1. */
    public int indexOf(char[] text, int offset, int length) {
        for (int i = 0; i < symbols.length; i++) {
            char[] s = symbols[i];
            if (s.length == length) {
                int j = 0;
                while (j < length && s[j] == text[offset + j]) {
                    j++;
                }
                if (j == length) {
                    return i;
                }
            }
        }
        return -1;
    }
}
