package io.sentio.launcher.live;

import io.sentio.core.pipeline.RunResult;
import io.sentio.journal.pipeline.RunJournal;
import io.sentio.launcher.alpaca.trading.Broker;
import java.io.PrintStream;
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
                journal.finish(result.barSets, result.stateHash);
                return true;
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        err.println("sentio live: --journal " + journal.directory() + ": journaling failed: " + failure);
        return false;
    }

    /**
     * Closes every position of the account ({@code DELETE /v2/positions}). The broker answers with
     * the closing market orders, not their fills: the session is flat only once the broker holds
     * nothing, so wait for that (polling positions) up to {@code waitMillis} and say which it was.
     */
    static void flatten(Broker broker, PrintStream err, long waitMillis) throws InterruptedException {
        List<Broker.CloseResult> closing;
        try {
            closing = broker.closeAll();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                throw (InterruptedException) e;
            }
            err.println("sentio live: FLATTEN FAILED, check the account by hand: " + e.getMessage());
            return;
        }
        long refused = closing.stream().filter(r -> r.status < 200 || r.status >= 300).count();
        err.println("sentio live: flatten: closing orders sent for " + closing.size() + " position(s)"
            + (refused == 0 ? "" : ", " + refused + " refused"));
        long start = System.nanoTime();
        while (true) {
            String held = brokerPositions(broker);
            long waited = (System.nanoTime() - start) / 1_000_000;
            if (held.equals("flat")) {
                err.println("sentio live: flatten: the broker holds no position (" + waited + " ms)");
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
            b.append(b.length() == 0 ? "" : ",").append(p.symbol).append('=').append(p.qty);
        }
        return b.length() == 0 ? "flat" : b.toString();
    }
}
