package io.sentio.launcher.live;

import io.sentio.core.market.Universe;
import io.sentio.launcher.alpaca.trading.Broker;
import java.util.ArrayList;
import java.util.List;

/**
 * Broker positions against the positions the daemon starts from: flat (a warm-start state holds
 * learners, not positions). A universe symbol held at the broker but not by the daemon is a mismatch:
 * trading stops with this report unless the operator adopts the broker's positions. Symbols
 * outside the universe are listed but never traded.
 */
final class Reconciliation {
    final List<Broker.Position> mismatched = new ArrayList<>();
    final List<Broker.Position> unmanaged = new ArrayList<>();

    /** The daemon starts flat: every broker position in a universe symbol is a mismatch. */
    static Reconciliation of(Universe universe, List<Broker.Position> broker) {
        Reconciliation r = new Reconciliation();
        for (Broker.Position p : broker) {
            if (universe.indexOf(p.symbol) < 0) {
                r.unmanaged.add(p);
            } else if (p.qty != 0) {
                r.mismatched.add(p);
            }
        }
        return r;
    }

    boolean matches() {
        return mismatched.isEmpty();
    }

    String report() {
        StringBuilder b = new StringBuilder("positions at the broker differ from the daemon's (flat):");
        for (Broker.Position p : mismatched) {
            b.append("\n  ").append(p.symbol).append(": broker ").append(p.qty).append(" @ ").append(p.avgEntryPrice)
                .append(", daemon 0");
        }
        for (Broker.Position p : unmanaged) {
            b.append("\n  ").append(p.symbol).append(": broker ").append(p.qty).append(" (not in the universe; left alone)");
        }
        return b.toString();
    }
}
