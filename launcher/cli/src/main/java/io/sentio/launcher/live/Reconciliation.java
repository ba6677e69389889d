package io.sentio.launcher.live;

import io.sentio.core.market.Universe;
import io.sentio.launcher.alpaca.trading.Broker;
import java.util.ArrayList;
import java.util.List;

/**
 * Broker positions against the positions the daemon starts from: flat for a new session (a
 * warm-start state holds learners, not positions), or what the journal of the session says after a
 * restart replayed it. A universe symbol whose quantities differ is a mismatch: trading stops with
 * this report unless the operator adopts the broker's positions. The book holds whole long
 * positions only, so a short or fractional position in a universe symbol cannot be adopted: it stops
 * trading even with {@code --adopt}. Symbols outside the universe are listed but never traded.
 */
final class Reconciliation {
    final List<Mismatch> mismatched = new ArrayList<>();
    final List<Broker.Position> unmanaged = new ArrayList<>();
    /** Universe symbols the broker holds short or in fractional shares. */
    final List<Broker.Position> unadoptable = new ArrayList<>();
    private final String basis;

    /** One universe symbol the broker and the daemon disagree on. */
    static final class Mismatch {
        final int symbol;
        final String name;
        final long broker;
        final long daemon;
        final double brokerAvgPrice;

        Mismatch(int symbol, String name, long broker, long daemon, double brokerAvgPrice) {
            this.symbol = symbol;
            this.name = name;
            this.broker = broker;
            this.daemon = daemon;
            this.brokerAvgPrice = brokerAvgPrice;
        }
    }

    private Reconciliation(String basis) {
        this.basis = basis;
    }

    /** A new session: the daemon starts flat. */
    static Reconciliation of(Universe universe, List<Broker.Position> broker) {
        return of(universe, broker, new long[universe.size()], "flat");
    }

    /** {@code daemon[s]}: shares of universe symbol s the daemon holds; {@code basis} says where they come from. */
    static Reconciliation of(Universe universe, List<Broker.Position> broker, long[] daemon, String basis) {
        Reconciliation r = new Reconciliation(basis);
        long[] held = new long[universe.size()];
        double[] price = new double[universe.size()];
        for (Broker.Position p : broker) {
            int s = universe.indexOf(p.symbol);
            if (s < 0) {
                r.unmanaged.add(p);
            } else {
                held[s] += p.qty;
                price[s] = p.avgEntryPrice;
                if (p.exactQty < 0 || p.fractional()) {
                    r.unadoptable.add(p);
                }
            }
        }
        for (int s = 0; s < held.length; s++) {
            if (held[s] != daemon[s] || unadoptable(r, universe.symbol(s))) {
                r.mismatched.add(new Mismatch(s, universe.symbol(s), held[s], daemon[s], price[s]));
            }
        }
        return r;
    }

    private static boolean unadoptable(Reconciliation r, String symbol) {
        return find(r.unadoptable, symbol) != null;
    }

    private static Broker.Position find(List<Broker.Position> positions, String symbol) {
        for (Broker.Position p : positions) {
            if (p.symbol.equals(symbol)) {
                return p;
            }
        }
        return null;
    }

    boolean matches() {
        return mismatched.isEmpty();
    }

    /** True when {@code --adopt} can take over every mismatched position. */
    boolean adoptable() {
        return unadoptable.isEmpty();
    }

    String report() {
        StringBuilder b = new StringBuilder("positions at the broker differ from the daemon's (" + basis + "):");
        if (mismatched.isEmpty()) {
            b.setLength(0);
            b.append("positions at the broker match the daemon's (").append(basis).append(')');
        }
        for (Mismatch m : mismatched) {
            Broker.Position odd = find(unadoptable, m.name);
            b.append("\n  ").append(m.name).append(": broker ").append(odd == null ? Long.toString(m.broker) : odd.qtyText());
            if (m.broker != 0 || odd != null) {
                b.append(" @ ").append(m.brokerAvgPrice);
            }
            b.append(", daemon ").append(m.daemon);
            if (odd != null) {
                b.append(odd.exactQty < 0 ? " (short" : " (fractional").append(
                    ": cannot be adopted, the strategy holds whole long positions only; close it at the broker)");
            }
        }
        for (Broker.Position p : unmanaged) {
            b.append("\n  ").append(p.symbol).append(": broker ").append(p.qtyText()).append(" (not in the universe; left alone)");
        }
        return b.toString();
    }
}
