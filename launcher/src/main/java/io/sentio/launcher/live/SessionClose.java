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

    static void flatten(Broker broker, PrintStream err) {
        try {
            List<Broker.CloseResult> closed = broker.closeAll();
            err.println("sentio live: flatten: " + closed.size() + " position(s) closed at the broker");
        } catch (Exception e) {
            err.println("sentio live: FLATTEN FAILED, check the account by hand: " + e.getMessage());
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
