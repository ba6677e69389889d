package io.sentio.journal;

import static io.sentio.journal.JournalTestSupport.MINUTE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.journal.codec.DecisionKind;
import io.sentio.journal.codec.JournalFormat;
import io.sentio.journal.codec.RecordKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.openhft.chronicle.core.io.AbstractCloseable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalReaderTest {
    @TempDir
    Path dir;

    @BeforeEach
    void traceCloseables() {
        AbstractCloseable.enableCloseableTracing();
    }

    @AfterEach
    void everyChronicleResourceIsClosed() {
        AbstractCloseable.waitForCloseablesToClose(1_000);
        AbstractCloseable.assertCloseablesClosed();
        AbstractCloseable.disableCloseableTracing();
    }

    /** 10 minutes of BAR_SET, SIGNALS-free decisions and a CLOCK per minute: 30 records. */
    private List<Long> writeMinutes(Journal journal) {
        List<Long> barIndexes = new ArrayList<>();
        JournalWriter w = journal.createWriter();
        for (int k = 0; k < 10; k++) {
            long minute = MINUTE + 60L * k;
            barIndexes.add(JournalTestSupport.appendBarSet(w, minute, k));
            w.appendDecision(minute, DecisionKind.ENTER, k, 0.5, 0.6, k);
            w.appendClock(minute * 1000 + 62_000);
        }
        return barIndexes;
    }

    @Test
    void shouldReturnOnlyTheSelectedKindsInOrder() {
        try (Journal journal = JournalTestSupport.open(dir)) {
            writeMinutes(journal);
        }
        try (JournalReader r = JournalReader.open(dir)) {
            r.kinds(RecordKind.DECISION, RecordKind.CLOCK);
            int count = 0;
            while (r.next()) {
                RecordKind expected = count % 2 == 0 ? RecordKind.DECISION : RecordKind.CLOCK;
                assertEquals(expected, r.kind());
                assertEquals(count / 2 * 3 + 1 + count % 2, r.sequence());
                count++;
            }
            assertEquals(20, count);
        }
    }

    @Test
    void shouldStartAtAGivenChronicleIndex() {
        List<Long> barIndexes;
        try (Journal journal = JournalTestSupport.open(dir)) {
            barIndexes = writeMinutes(journal);
        }
        try (JournalReader r = JournalReader.open(dir)) {
            assertTrue(r.kinds(RecordKind.BAR_SET).toIndex(barIndexes.get(7)));
            assertTrue(r.next());
            assertEquals(barIndexes.get(7), r.index());
            assertEquals(MINUTE + 7 * 60, r.barSet().minute());
            assertTrue(r.next());
            assertTrue(r.next());
            assertFalse(r.next());
        }
    }

    @Test
    void shouldStartAtAGivenSequenceNumber() {
        try (Journal journal = JournalTestSupport.open(dir)) {
            writeMinutes(journal);
        }
        try (JournalReader r = JournalReader.open(dir)) {
            assertTrue(r.toSequence(25));
            assertTrue(r.next());
            assertEquals(25, r.sequence());
            assertFalse(r.toSequence(30));
        }
    }

    @Test
    void shouldSeeRecordsAppendedAfterItReachedTheEnd() {
        try (Journal journal = JournalTestSupport.open(dir)) {
            JournalWriter w = journal.createWriter();
            JournalReader r = journal.createReader();
            assertFalse(r.next());
            w.appendClock(5);
            assertTrue(r.next());
            assertEquals(5, r.clock().epochMillis());
            assertFalse(r.next());
        }
    }

    @Test
    void shouldReadAJournalWhileAnotherQueueInstanceWritesIt() {
        try (Journal journal = JournalTestSupport.open(dir); JournalReader r = JournalReader.open(dir)) {
            JournalWriter w = journal.createWriter();
            w.appendClock(7);
            assertTrue(r.next());
            assertEquals(7, r.clock().epochMillis());
        }
    }

    @Test
    void shouldNameTheIndexSequenceAndReasonOfARecordFromAnotherFormatVersion() {
        try (Journal journal = JournalTestSupport.open(dir)) {
            journal.createWriter().appendClock(1);
        }
        try (var raw = Journal.builder(dir).build(); var appender = raw.createAppender()) {
            try (var dc = appender.writingDocument()) {
                dc.wire().bytes().writeByte(RecordKind.CLOCK.code()).writeByte((byte) 5).writeShort((short) 0)
                    .writeInt(24).writeLong(1).writeLong(2);
            }
        }
        try (JournalReader r = JournalReader.open(dir)) {
            assertTrue(r.next());
            JournalCorruptException e = assertThrows(JournalCorruptException.class, r::next);
            assertTrue(e.getMessage().matches("journal .*: damaged record at index 0x[0-9a-f]+, sequence 1, after input minute "
                + "1970-01-01T00:00:00Z: format version 5, this build reads versions 1 to 4; a newer sentio wrote it; the 1 "
                + "record\\(s\\) read before it "
                + "are intact"), e.getMessage());
            assertEquals(1, e.sequence());
        }
    }

    @Test
    void shouldRefuseADirectoryThatIsNotAJournal() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "hello");
        JournalException e = assertThrows(JournalException.class, () -> JournalReader.open(dir));
        assertTrue(e.getMessage().contains("no journal at " + dir), e.getMessage());
    }

    @Test
    void shouldKeepOneSequenceAcrossWritersOnDifferentThreadsAndCloseThemFromAnother() throws Exception {
        Journal journal = JournalTestSupport.open(dir);
        Thread[] threads = new Thread[2];
        for (int t = 0; t < threads.length; t++) {
            int id = t;
            threads[t] = new Thread(() -> {
                JournalWriter w = journal.createWriter();
                for (int k = 0; k < 500; k++) {
                    w.appendClock(id);
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        JournalReader r = journal.createReader();
        for (long seq = 0; seq < 1000; seq++) {
            assertTrue(r.next());
            assertEquals(seq, r.sequence());
        }
        assertFalse(r.next());
        journal.close();
        assertTrue(journal.isClosed());
    }

    @Test
    void shouldCloseEverythingItOpened() {
        Journal journal = JournalTestSupport.open(dir);
        journal.createWriter().appendClock(1);
        assertTrue(journal.createReader().next());
        journal.close();
        assertTrue(journal.isClosed());
    }
}
