package io.sentio.journal;

import static io.sentio.journal.JournalTestSupport.MINUTE;
import static io.sentio.journal.JournalTestSupport.appendBarSet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.journal.codec.RecordKind;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A recovering writer checks what the journal already holds and appends only past it. */
class RecordVerifierTest {
    @TempDir
    Path dir;

    private void writeFirstRun(int barSets) {
        try (Journal j = JournalTestSupport.open(dir)) {
            JournalWriter w = j.createWriter();
            w.appendRunHeader(JournalTestSupport.header());
            for (int k = 0; k < barSets; k++) {
                appendBarSet(w, MINUTE + 60L * k, k);
                w.appendClock(1000L * k);
            }
        }
    }

    private static long count(Path dir) {
        long n = 0;
        try (JournalReader r = JournalReader.open(dir)) {
            while (r.next()) {
                assertEquals(n, r.sequence(), "sequence numbers continue without a gap");
                n++;
            }
        }
        return n;
    }

    @Test
    void shouldVerifyTheJournaledRecordsThenAppendOnlyTheNewOnes() {
        writeFirstRun(3);
        try (Journal j = JournalTestSupport.open(dir)) {
            long limit = j.nextSequence();
            RecordVerifier v = j.createVerifier(limit, RecordKind.BAR_SET, RecordKind.CLOCK);
            JournalWriter w = j.createWriter().verifyAgainst(v);
            for (int k = 0; k < 5; k++) {
                appendBarSet(w, MINUTE + 60L * k, k);
                w.appendClock(1000L * k);
            }
            assertEquals(6, v.verified());
            assertEquals(4, w.appended());
        }
        assertEquals(1 + 10, count(dir));
    }

    @Test
    void shouldThrowADivergenceNamingTheRecordWhenTheReRunDiffers() {
        writeFirstRun(2);
        try (Journal j = JournalTestSupport.open(dir)) {
            JournalWriter w = j.createWriter()
                .verifyAgainst(j.createVerifier(j.nextSequence(), RecordKind.BAR_SET, RecordKind.CLOCK));
            appendBarSet(w, MINUTE, 0);
            JournalDivergenceException e = assertThrows(JournalDivergenceException.class, () -> w.appendClock(999));
            assertTrue(e.getMessage().contains("CLOCK record differs from the journaled CLOCK record at sequence 2"),
                e.getMessage());
            assertEquals(0, w.appended());
        }
    }

    @Test
    void shouldNotVerifyAgainstRecordsAppendedAfterTheRestart() {
        writeFirstRun(1);
        try (Journal j = JournalTestSupport.open(dir)) {
            RecordVerifier v = j.createVerifier(j.nextSequence(), RecordKind.CLOCK);
            JournalWriter other = j.createWriter();
            other.appendClock(5);
            JournalWriter w = j.createWriter().verifyAgainst(v);
            w.appendClock(0);
            w.appendClock(5);
            assertEquals(1, v.verified(), "the record another writer appended after the restart is not a journaled one");
            assertEquals(1, w.appended());
        }
    }
}
