package io.sentio.journal;

import static io.sentio.journal.JournalTestSupport.MINUTE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.journal.codec.DecisionKind;
import io.sentio.journal.codec.JournalFormat;
import io.sentio.journal.codec.RecordKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalIntegrityTest {
    @TempDir
    Path dir;

    /** Minute k: a BAR_SET, a DECISION and a CLOCK (3 records, sequences 3k..3k+2). */
    private void writeMinutes(int minutes) {
        try (Journal journal = JournalTestSupport.open(dir)) {
            JournalWriter w = journal.createWriter();
            for (int k = 0; k < minutes; k++) {
                long minute = MINUTE + 60L * k;
                JournalTestSupport.appendBarSet(w, minute, k);
                w.appendDecision(minute, DecisionKind.ENTER, k % JournalTestSupport.N, 0.5, 0.6, k);
                w.appendClock(minute * 1000 + 30_000);
            }
        }
    }

    @Test
    void shouldNameTheFirstDamagedRecordBySequenceIndexAndLastIntactMinute() throws IOException {
        writeMinutes(10);
        long damagedIndex = flipByteOfRecord(13, JournalFormat.DECISION_STRENGTH);
        try (JournalReader r = JournalReader.open(dir)) {
            for (int k = 0; k < 13; k++) {
                assertTrue(r.next());
            }
            JournalCorruptException e = assertThrows(JournalCorruptException.class, r::next);
            assertEquals(damagedIndex, e.index());
            assertEquals(13, e.sequence());
            assertEquals(13, e.intactRecords());
            assertTrue(e.getMessage().contains("damaged record at index 0x" + Long.toHexString(damagedIndex)
                + ", sequence 13, after input minute 2025-04-01T13:34:00Z, output minute 2025-04-01T13:33:00Z:"
                + " checksum mismatch"),
                e.getMessage());
        }
    }

    @Test
    void shouldFindDamageInARecordOfAKindNotSelected() throws IOException {
        writeMinutes(4);
        flipByteOfRecord(4, JournalFormat.DECISION_REASON);
        try (JournalReader r = JournalReader.open(dir).kinds(RecordKind.CLOCK)) {
            assertTrue(r.next());
            JournalCorruptException e = assertThrows(JournalCorruptException.class, r::next);
            assertEquals(4, e.sequence());
        }
    }

    @Test
    void shouldReadRecordsWithoutChecksumFromFormatVersion1AsUnchecked() {
        writeMinutes(1);
        try (var raw = Journal.builder(dir).build(); var appender = raw.createAppender()) {
            try (var dc = appender.writingDocument()) {
                dc.wire().bytes().writeByte(RecordKind.CLOCK.code()).writeByte(JournalFormat.UNCHECKED_VERSION)
                    .writeShort((short) 0).writeInt(JournalFormat.CLOCK_LENGTH).writeLong(3).writeLong(123_000L);
            }
        }
        try (JournalReader r = JournalReader.open(dir)) {
            for (int k = 0; k < 4; k++) {
                assertTrue(r.next());
            }
            assertEquals(123_000L, r.clock().epochMillis());
            assertFalse(r.next());
            assertEquals(1, r.uncheckedRecords());
            assertEquals(4, r.intactRecords());
        }
    }

    @Test
    void shouldStoreTheChecksumAfterTheDeclaredLength() {
        writeMinutes(1);
        try (var raw = Journal.builder(dir).readOnly(true).build(); var tailer = raw.createTailer()) {
            try (var dc = tailer.readingDocument()) {
                var bytes = dc.wire().bytes();
                int declared = bytes.readInt(bytes.readPosition() + JournalFormat.LENGTH);
                assertEquals(JournalFormat.barSetLength(JournalTestSupport.N), declared);
                assertEquals(declared + JournalFormat.CHECKSUM_LENGTH, bytes.readRemaining());
                assertEquals(JournalFormat.VERSION, bytes.readByte(bytes.readPosition() + JournalFormat.FORMAT_VERSION));
            }
        }
    }

    /** A zeroed Chronicle document header reads as the end of the queue: only Chronicle's index tells otherwise. */
    @Test
    void shouldReportADamagedDocumentHeaderRatherThanAShorterJournal() throws IOException {
        writeMinutes(10);
        long damagedIndex = zeroDocumentHeaderOfRecord(7);
        try (JournalReader r = JournalReader.open(dir)) {
            for (int k = 0; k < 7; k++) {
                assertTrue(r.next());
            }
            assertFalse(r.next());
            JournalCorruptException e = assertThrows(JournalCorruptException.class, r::requireEnd);
            assertEquals(damagedIndex, e.index());
            assertEquals(7, e.sequence());
            assertTrue(e.getMessage().contains("the Chronicle document header is damaged"), e.getMessage());
        }
    }

    @Test
    void shouldAcceptTheEndOfAnIntactJournal() {
        writeMinutes(3);
        try (JournalReader r = JournalReader.open(dir)) {
            while (r.next()) {
                assertTrue(r.intactRecords() > 0);
            }
            r.requireEnd();
            assertEquals(9, r.intactRecords());
        }
    }

    private long zeroDocumentHeaderOfRecord(long sequence) throws IOException {
        long index = recordIndex(sequence);
        Path cycle = cycleFile();
        byte[] file = Files.readAllBytes(cycle);
        int at = indexOf(file, recordBytes(sequence)) - 4;
        Arrays.fill(file, at, at + 4, (byte) 0);
        Files.write(cycle, file);
        return index;
    }

    private long recordIndex(long sequence) {
        try (JournalReader r = JournalReader.open(dir)) {
            assertTrue(r.toSequence(sequence));
            assertTrue(r.next());
            return r.index();
        }
    }

    private byte[] recordBytes(long sequence) {
        try (JournalReader r = JournalReader.open(dir)) {
            assertTrue(r.toSequence(sequence));
            assertTrue(r.next());
            return Arrays.copyOf(r.buffer().byteArray(), r.length());
        }
    }

    private Path cycleFile() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".cq4")).findFirst().orElseThrow();
        }
    }

    /** Flips one byte at {@code field} of the record with this sequence in the cycle file; returns its index. */
    private long flipByteOfRecord(long sequence, int field) throws IOException {
        long index = recordIndex(sequence);
        Path cycle = cycleFile();
        byte[] file = Files.readAllBytes(cycle);
        file[indexOf(file, recordBytes(sequence)) + field] ^= 0x5a;
        Files.write(cycle, file);
        return index;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("record bytes not found in the cycle file");
    }
}
