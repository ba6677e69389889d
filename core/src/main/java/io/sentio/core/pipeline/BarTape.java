package io.sentio.core.pipeline;

import io.sentio.core.market.BarSet;
import io.sentio.core.sync.SessionMinuteMerger;
import java.util.ArrayList;
import java.util.List;

/**
 * The bar sets of a range as the publisher would send them (before sync), merged once: what every
 * {@link ModelTape} of the range is recorded from and every {@link DeskReplay} replays. It depends
 * on no parameter at all.
 */
public final class BarTape {
    private final int symbols;
    private final BarSet[] sets;

    private BarTape(int symbols, BarSet[] sets) {
        this.symbols = symbols;
        this.sets = sets;
    }

    /** Every minute of {@code merger} (closed by the caller). */
    public static BarTape record(int symbols, SessionMinuteMerger merger) {
        List<BarSet> sets = new ArrayList<>();
        BarSet next = new BarSet(symbols);
        while (merger.next(next)) {
            sets.add(next);
            next = new BarSet(symbols);
        }
        return new BarTape(symbols, sets.toArray(BarSet[]::new));
    }

    /** Copies of {@code sets}, in order (a caller that already merged its bars). */
    public static BarTape of(int symbols, BarSet[] sets) {
        BarSet[] copies = new BarSet[sets.length];
        for (int i = 0; i < sets.length; i++) {
            copies[i] = new BarSet(symbols);
            copies[i].copyFrom(sets[i]);
        }
        return new BarTape(symbols, copies);
    }

    public int symbols() {
        return symbols;
    }

    public int size() {
        return sets.length;
    }

    /** Bar set {@code i}; read-only for callers. */
    public BarSet get(int i) {
        return sets[i];
    }

    /** Heap bytes held, roughly (what a cache budgets). */
    public long bytes() {
        return (long) sets.length * (96 + 6L * 16 + symbols * 41L);
    }
}
