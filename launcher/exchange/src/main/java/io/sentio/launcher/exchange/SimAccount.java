package io.sentio.launcher.exchange;

import io.sentio.core.market.Universe;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;

/** The stand-in's cash account: cash and long positions with their cost basis, changed only by fills. */
final class SimAccount {
    static final double INITIAL_CASH = 100_000.0;
    private final long[] position;
    private final double[] costBasis;
    private double cash = INITIAL_CASH;

    SimAccount(int symbols) {
        this.position = new long[symbols];
        this.costBasis = new double[symbols];
    }

    int symbols() {
        return position.length;
    }

    long position(int symbol) {
        return position[symbol];
    }

    double costBasis(int symbol) {
        return costBasis[symbol];
    }

    double cash() {
        return cash;
    }

    /** A fill of {@code qty} at {@code price}; a sell reduces the cost basis pro rata (average cost). */
    void apply(boolean buy, int symbol, long qty, double price) {
        if (buy) {
            position[symbol] += qty;
            costBasis[symbol] += qty * price;
            cash -= qty * price;
        } else {
            long held = position[symbol];
            costBasis[symbol] = held == qty ? 0 : costBasis[symbol] * (held - qty) / held;
            position[symbol] -= qty;
            cash += qty * price;
        }
    }

    /** The positions' value at {@code mark} per symbol. */
    double marketValue(IntToDoubleFunction mark) {
        double v = 0;
        for (int s = 0; s < position.length; s++) {
            if (position[s] != 0) {
                v += position[s] * mark.applyAsDouble(s);
            }
        }
        return v;
    }

    /** Positions as SYMBOL=qty, for tests and the exit summary. */
    List<String> summary(Universe universe) {
        List<String> out = new ArrayList<>();
        for (int s = 0; s < position.length; s++) {
            if (position[s] != 0) {
                out.add(universe.symbol(s) + "=" + position[s]);
            }
        }
        return out;
    }
}
