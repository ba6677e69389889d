package io.sentio.journal.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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

/** A run journal's shadow desks: defined after the header, one RUN_END each, verified when the run resumes. */
class RunJournalDesksTest {
    private static final List<String> SYMBOLS = List.of("SPY", "QQQ");
    private static final RunHeader HEADER = new RunHeader("bt-1", "test", RunMode.BACKTEST, 1L, 0L, SYMBOLS,
        "{}".getBytes(StandardCharsets.UTF_8), "[\"SPY\",\"QQQ\"]".getBytes(StandardCharsets.UTF_8));

    private static DeskDefinition desk(int id, String name, String params) {
        return new DeskDefinition(id, name, params.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldDefineEveryShadowDeskAndEndEachWithItsOwnStateHash(@TempDir Path dir) {
        List<DeskDefinition> desks = List.of(desk(1, "eager", "{\"buy_threshold\":0.53}"), desk(2, "single", "{}"));
        try (RunJournal j = RunJournal.open(dir, 0, HEADER, desks, 1, 0, null)) {
            assertEquals(desks, j.desks());
            assertTrue(j.shadowRecorder() != null);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> j.finish(10, 0xA, 0xB));
            assertTrue(e.getMessage().contains("defines 2 shadow desk(s), 1 state hash(es) given"), e.getMessage());
            j.finish(10, 0xA, 0xB, 0xC);
        }
        List<String> seen = new ArrayList<>();
        try (JournalReader r = JournalReader.open(dir)) {
            while (r.next()) {
                seen.add(r.kind() + "@" + r.desk() + (r.kind() == RecordKind.RUN_END
                    ? "=" + Long.toHexString(r.runEnd().stateHash()) : ""));
            }
        }
        assertEquals(List.of("RUN_HEADER@0", "DESK@1", "DESK@2", "RUN_END@0=a", "RUN_END@1=b", "RUN_END@2=c"), seen);
    }

    @Test
    void shouldRefuseToResumeARunWithOtherShadowDesks(@TempDir Path dir) {
        try (RunJournal j = RunJournal.open(dir, 0, HEADER, List.of(desk(1, "eager", "{}")), 1, 0, null)) {
            assertNull(j.failure());
        }
        try (RunJournal j = RunJournal.open(dir, 0, HEADER, List.of(desk(1, "eager", "{}")), 1, 0, null)) {
            assertTrue(j.resumed());
        }
        JournalDivergenceException e = assertThrows(JournalDivergenceException.class,
            () -> RunJournal.open(dir, 0, HEADER, List.of(desk(1, "patient", "{}")), 1, 0, null));
        assertTrue(e.getMessage().contains("DESK record differs"), e.getMessage());
    }

    @Test
    void shouldRefuseShadowDesksNumberedOutOfOrder(@TempDir Path dir) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> RunJournal.open(dir, 0, HEADER, List.of(desk(2, "b", "{}")), 1, 0, null));
        assertTrue(e.getMessage().contains("shadow desk b has id 2, expected 1"), e.getMessage());
    }
}
