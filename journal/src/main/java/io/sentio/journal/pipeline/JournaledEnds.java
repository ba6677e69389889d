package io.sentio.journal.pipeline;

import io.sentio.journal.Journal;
import io.sentio.journal.JournalDivergenceException;
import io.sentio.journal.JournalReader;
import io.sentio.journal.codec.RecordKind;

/**
 * The RUN_END records a resumed journal held, the last one per desk (0 the trading desk, 1..k the
 * shadow desks). A RUN_END is written by a run that finished and by one that was stopped (SIGTERM
 * in a live session): a restart of a stopped run re-publishes its inputs, checks it stands where the
 * stop's RUN_END says ({@link #checkStop}), then goes on past it and writes its own RUN_END at its end.
 * A restart of a finished run that ends where it ended is checked against its RUN_END and writes
 * none ({@link #appendNeeded}).
 */
final class JournaledEnds {
    private final boolean[] present;
    private final long[] barSets;
    private final long[] stateHashes;
    private boolean stopChecked;

    private JournaledEnds(int desks) {
        present = new boolean[desks + 1];
        barSets = new long[desks + 1];
        stateHashes = new long[desks + 1];
    }

    /** The RUN_ENDs of desks 0..{@code desks} among the records below {@code sequenceLimit}. */
    static JournaledEnds read(Journal journal, long sequenceLimit, int desks) {
        JournaledEnds ends = new JournaledEnds(desks);
        try (JournalReader r = journal.createReader().kinds(RecordKind.RUN_END)) {
            while (r.next() && r.sequence() < sequenceLimit) {
                int d = r.desk();
                if (d <= desks) {
                    ends.present[d] = true;
                    ends.barSets[d] = r.runEnd().barSets();
                    ends.stateHashes[d] = r.runEnd().stateHash();
                }
            }
        }
        return ends;
    }

    /** None: a new run, or one killed before any RUN_END. */
    static JournaledEnds none(int desks) {
        return new JournaledEnds(desks);
    }

    /**
     * After the re-published inputs went through the pipeline ({@code barSets} of them): when the
     * journal's last RUN_END is a stop's, the re-run must stand where the stop left it. Only the bar
     * sets are compared: a RUN_END's state hash is taken after the run finished (the buy-and-hold
     * baseline closes its session then, and that is part of the state walk), so a run going on has no
     * hash to compare with it; its outputs up to here were checked record by record, and its own
     * RUN_END at its end is what replay checks. Throws JournalDivergenceException otherwise.
     */
    void checkStop(long barSets) {
        for (int d = 0; d < present.length; d++) {
            if (present[d] && barSets != this.barSets[d]) {
                throw new JournalDivergenceException("recovery: the re-run" + deskText(d) + " re-published " + barSets
                    + " bar sets from the journal, its RUN_END was written after " + this.barSets[d]);
            }
        }
        stopChecked = true;
    }

    /**
     * Whether desk {@code d}'s RUN_END for a run ending after {@code barSets} bar sets with
     * {@code stateHash} is still to be written: not when the journal holds it already (checked
     * here). Going past a journaled RUN_END needs {@link #checkStop} first.
     */
    boolean appendNeeded(int d, long barSets, long stateHash) {
        if (!present[d]) {
            return true;
        }
        if (barSets == this.barSets[d]) {
            check(d, barSets, stateHash);
            return false;
        }
        if (barSets < this.barSets[d] || !stopChecked) {
            throw new JournalDivergenceException("recovery: the re-run" + deskText(d) + " ended after " + barSets
                + " bar sets, the journal's RUN_END after " + this.barSets[d]
                + (barSets < this.barSets[d] ? "" : " (a stop's, but the re-run was not checked to stand there)"));
        }
        return true;
    }

    private void check(int d, long barSets, long stateHash) {
        if (stateHash != stateHashes[d]) {
            throw new JournalDivergenceException("recovery: the re-run" + deskText(d) + " ended after " + barSets
                + " bar sets with state hash " + Long.toHexString(stateHash) + ", the journal's RUN_END says "
                + Long.toHexString(stateHashes[d]) + "; the journal was written by other code, config or state");
        }
    }

    private static String deskText(int d) {
        return d == 0 ? "" : " (shadow desk " + d + ")";
    }
}
