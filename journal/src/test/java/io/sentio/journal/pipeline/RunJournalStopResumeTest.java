package io.sentio.journal.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.journal.JournalDivergenceException;
import io.sentio.journal.JournalReader;
import io.sentio.journal.codec.DeskDefinition;
import io.sentio.journal.codec.RecordKind;
import io.sentio.journal.codec.RunHeader;
import io.sentio.journal.codec.RunMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run stopped cleanly (SIGTERM in a live session) ends its journal with a RUN_END; restarted the
 * same day it resumes that journal, must have re-published exactly the bar sets the stop had, and
 * goes on past it to its own RUN_END. A finished run re-run to the same end writes no second RUN_END.
 */
class RunJournalStopResumeTest {
    private static final List<String> SYMBOLS = List.of("SPY", "QQQ");
    private static final RunHeader HEADER = new RunHeader("L20250610", "test", RunMode.LIVE_PAPER, 1L, 0L, SYMBOLS,
        "{}".getBytes(StandardCharsets.UTF_8), "[\"SPY\",\"QQQ\"]".getBytes(StandardCharsets.UTF_8));
    private static final List<DeskDefinition> DESKS = List.of(new DeskDefinition(1, "eager",
        "{}".getBytes(StandardCharsets.UTF_8)));

    private static RunJournal open(Path dir) {
        return RunJournal.open(dir, 0, HEADER, DESKS, 1, 0, null);
    }

    /** A run stopped after 2 bar sets with state hashes 0xA (trading desk) and 0xB (shadow desk). */
    private static void stopAfterTwo(Path dir) {
        try (RunJournal j = open(dir)) {
            j.finish(2, 0xA, 0xB);
        }
    }

    @Test
    void shouldGoOnPastAStopsRunEndOnceTheReRunStandsWhereTheStopLeftIt(@TempDir Path dir) {
        stopAfterTwo(dir);
        try (RunJournal j = open(dir)) {
            assertTrue(j.resumed());
            j.checkStop(2);
            j.finish(5, 0xC, 0xD);
        }
        // stopped a second time in the same session: the check is against the latest stop
        try (RunJournal j = open(dir)) {
            j.checkStop(5);
            j.finish(7, 0xE, 0xF);
        }
        assertEquals(List.of("RUN_HEADER@0", "DESK@1", "RUN_END@0=2:a", "RUN_END@1=2:b", "RUN_END@0=5:c", "RUN_END@1=5:d",
            "RUN_END@0=7:e", "RUN_END@1=7:f"), records(dir));
    }

    @Test
    void shouldRefuseAReRunThatDoesNotStandWhereTheStopLeftIt(@TempDir Path dir) {
        stopAfterTwo(dir);
        try (RunJournal j = open(dir)) {
            JournalDivergenceException e = assertThrows(JournalDivergenceException.class, () -> j.checkStop(3));
            assertTrue(e.getMessage().contains("re-published 3 bar sets from the journal, its RUN_END was written after 2"),
                e.getMessage());
            assertThrows(JournalDivergenceException.class, () -> j.finish(5, 0xC, 0xD), "not checked, not gone past");
        }
        assertEquals(List.of("RUN_HEADER@0", "DESK@1", "RUN_END@0=2:a", "RUN_END@1=2:b"), records(dir));
    }

    @Test
    void shouldNotGoPastAStopsRunEndThatWasNotChecked(@TempDir Path dir) {
        stopAfterTwo(dir);
        try (RunJournal j = open(dir)) {
            JournalDivergenceException e = assertThrows(JournalDivergenceException.class, () -> j.finish(5, 0xC, 0xD));
            assertTrue(e.getMessage().contains("ended after 5 bar sets, the journal's RUN_END after 2 (a stop's, but the "
                + "re-run was not checked to stand there)"), e.getMessage());
        }
        assertEquals(List.of("RUN_HEADER@0", "DESK@1", "RUN_END@0=2:a", "RUN_END@1=2:b"), records(dir));
    }

    @Test
    void shouldCheckAFinishedRunsRunEndWithoutWritingItTwice(@TempDir Path dir) {
        stopAfterTwo(dir);
        try (RunJournal j = open(dir)) {
            j.checkStop(2);
            j.finish(2, 0xA, 0xB);
        }
        try (RunJournal j = open(dir)) {
            JournalDivergenceException e = assertThrows(JournalDivergenceException.class, () -> j.finish(2, 0xA, 0xBAD));
            assertTrue(e.getMessage().contains("(shadow desk 1) ended after 2 bar sets with state hash bad"), e.getMessage());
        }
        try (RunJournal j = open(dir)) {
            JournalDivergenceException e = assertThrows(JournalDivergenceException.class, () -> j.finish(2, 0xBAD, 0xB));
            assertTrue(e.getMessage().contains("ended after 2 bar sets with state hash bad, the journal's RUN_END says a"),
                e.getMessage());
        }
        try (RunJournal j = open(dir)) {
            JournalDivergenceException e = assertThrows(JournalDivergenceException.class, () -> j.finish(1, 0xA, 0xB));
            assertTrue(e.getMessage().contains("ended after 1 bar sets, the journal's RUN_END after 2"), e.getMessage());
        }
        assertEquals(List.of("RUN_HEADER@0", "DESK@1", "RUN_END@0=2:a", "RUN_END@1=2:b"), records(dir));
    }

    @Test
    void shouldCheckNothingWhenTheJournalHoldsNoRunEnd(@TempDir Path dir) {
        try (RunJournal j = open(dir)) {
            assertEquals(null, j.failure());
        }
        try (RunJournal j = open(dir)) {
            j.checkStop(0);
            j.finish(3, 0xA, 0xB);
        }
        assertEquals(List.of("RUN_HEADER@0", "DESK@1", "RUN_END@0=3:a", "RUN_END@1=3:b"), records(dir));
    }

    private static List<String> records(Path dir) {
        List<String> seen = new ArrayList<>();
        try (JournalReader r = JournalReader.open(dir)) {
            while (r.next()) {
                seen.add(r.kind() + "@" + r.desk() + (r.kind() == RecordKind.RUN_END
                    ? "=" + r.runEnd().barSets() + ":" + Long.toHexString(r.runEnd().stateHash()) : ""));
            }
        }
        return seen;
    }
}
