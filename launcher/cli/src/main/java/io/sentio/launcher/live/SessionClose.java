package io.sentio.launcher.live;

import io.sentio.core.execution.WorkingOrders;
import io.sentio.core.market.Universe;
import io.sentio.core.pipeline.Pipeline;
import io.sentio.core.pipeline.RunResult;
import io.sentio.journal.pipeline.RunJournal;
import io.sentio.launcher.alpaca.trading.Broker;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The end of a live session: the journal closed, positions flattened on request, the broker's positions reported. */
final class SessionClose {
    private SessionClose() {
    }

    /** RUN_END with the final state hash; false (reported on err) if journaling failed on the way. */
    static boolean finishJournal(RunJournal journal, RunResult result, PrintStream err) {
        RuntimeException failure = journal.failure();
        if (failure == null) {
            try {
                journal.finish(result);
                return true;
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        err.println("sentio live: --journal " + journal.directory() + ": journaling failed: " + failure);
        return false;
    }

    /**
     * After the session's last bar set, before its end line: orders still working (the close-of-day
     * flatten sent late, part filled, its rest expiring at the close) settle from their final
     * reports, which no bar set will follow. Publishes the reports as they come, through the ring
     * and its journal like any other, until no order is working or {@code waitMillis} (real time)
     * passed; says which orders the broker left without a final word.
     */
    static void awaitFinalReports(Pipeline pipeline, LiveSequencer seq, AlpacaVenue venue, Universe universe,
                                  PrintStream err, long waitMillis) throws InterruptedException {
        long start = System.nanoTime();
        while (true) {
            seq.drainReports();
            pipeline.awaitDrained();
            WorkingOrders working = pipeline.workingOrders();
            if (working.count() == 0) {
                return;
            }
            long waited = (System.nanoTime() - start) / 1_000_000;
            if (waited >= waitMillis) {
                StringBuilder open = new StringBuilder();
                for (int s = 0; s < universe.size(); s++) {
                    if (working.has(s)) {
                        open.append(open.length() == 0 ? "" : ", ").append(universe.symbol(s)).append(' ')
                            .append(working.quantity(s));
                    }
                }
                err.println("sentio live: no final report after " + waited + " ms for the order(s) still working: " + open
                    + "; the daemon's positions leave them out");
                return;
            }
            try {
                // the trade_updates stream may be down: the timer that polled instead is stopped
                venue.pollIfDue();
            } catch (java.io.IOException | RuntimeException e) {
                err.println("sentio live: polling orders at the end failed: " + e.getMessage());
            }
            Thread.sleep(50);
        }
    }

    /**
     * Closes the positions the broker holds in the session's symbols, one market order each
     * ({@code DELETE /v2/positions/{symbol}}); positions in other symbols are the operator's and are
     * left alone. The broker answers with the closing orders, not their fills: the session is flat
     * only once the broker holds none of its symbols, so wait for that (polling positions) up to
     * {@code waitMillis} and say which it was.
     */
    static void flatten(Broker broker, Universe universe, PrintStream err, long waitMillis) throws InterruptedException {
        int sent = 0;
        List<String> refused = new ArrayList<>();
        try {
            for (Broker.Position p : broker.positions()) {
                if (universe.indexOf(p.symbol) >= 0 && p.exactQty != 0) {
                    Broker.CloseResult r = broker.closePosition(p.symbol);
                    if (r.status == 200) {
                        sent++;
                        err.println("sentio live: flatten: closing order for " + p.symbol + " " + p.qtyText()
                            + (r.order == null ? "" : " (order " + r.order.id + ", " + r.order.status + ")"));
                    } else {
                        refused.add(p.symbol + " (HTTP " + r.status + ")");
                    }
                }
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                throw (InterruptedException) e;
            }
            err.println("sentio live: FLATTEN FAILED, check the account by hand: " + e.getMessage());
            return;
        }
        err.println("sentio live: flatten: closing orders sent for " + sent + " position(s)"
            + (refused.isEmpty() ? "" : ", refused for " + String.join(", ", refused)));
        long start = System.nanoTime();
        while (true) {
            String held = sessionPositions(broker, universe);
            long waited = (System.nanoTime() - start) / 1_000_000;
            if (held.equals("flat")) {
                err.println("sentio live: flatten: the broker holds no position in the session's symbols (" + waited + " ms)");
                return;
            }
            if (waited >= waitMillis) {
                err.println("sentio live: FLATTEN INCOMPLETE after " + waited + " ms: the broker still holds " + held
                    + "; check the account by hand");
                return;
            }
            Thread.sleep(200);
        }
    }

    private static String sessionPositions(Broker broker, Universe universe) {
        try {
            List<Broker.Position> held = new ArrayList<>();
            for (Broker.Position p : broker.positions()) {
                if (universe.indexOf(p.symbol) >= 0 && p.exactQty != 0) {
                    held.add(p);
                }
            }
            return positionsText(held);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /** The broker's positions for the closing report; the broker may be the reason the session ended. */
    static String brokerPositions(Broker broker) {
        try {
            return positionsText(broker.positions());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return "unknown (" + e.getMessage() + ")";
        }
    }

    static String positionsText(List<Broker.Position> positions) {
        StringBuilder b = new StringBuilder();
        for (Broker.Position p : positions) {
            b.append(b.length() == 0 ? "" : ",").append(p.symbol).append('=').append(p.qtyText());
        }
        return b.length() == 0 ? "flat" : b.toString();
    }
}
