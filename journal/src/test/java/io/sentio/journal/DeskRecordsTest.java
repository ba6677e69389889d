package io.sentio.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.journal.codec.DeskDefinition;
import io.sentio.journal.codec.JournalFormat;
import io.sentio.journal.codec.RecordKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.CRC32C;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Format version 3: records name their desk; DESK records define the shadow desks; version 2 reads as desk 0. */
class DeskRecordsTest {
    @TempDir
    Path dir;

    @Test
    void shouldStampEachRecordWithItsWritersDeskAndSelectByDesk() {
        try (Journal journal = JournalTestSupport.open(dir)) {
            JournalWriter w = journal.createWriter();
            w.appendClock(1);
            w.desk(2).appendClock(2);
            w.desk(1).appendClock(3);
            w.desk(0).appendClock(4);
        }
        try (JournalReader r = JournalReader.open(dir)) {
            long[] desks = new long[4];
            for (int i = 0; i < 4; i++) {
                assertTrue(r.next());
                desks[i] = r.desk();
                assertEquals(r.desk(), r.clock().desk());
            }
            assertArrayEquals(new long[] {0, 2, 1, 0}, desks);
        }
        try (JournalReader r = JournalReader.open(dir).desks(1, JournalFormat.MAX_DESK)) {
            assertTrue(r.next());
            assertEquals(2, r.clock().epochMillis());
            assertTrue(r.next());
            assertEquals(3, r.clock().epochMillis());
            assertFalse(r.next());
        }
        try (JournalReader r = JournalReader.open(dir).desks(0, 0)) {
            assertTrue(r.next());
            assertEquals(1, r.clock().epochMillis());
            assertTrue(r.next());
            assertEquals(4, r.clock().epochMillis());
            assertFalse(r.next());
        }
    }

    @Test
    void shouldRoundTripADeskDefinitionUnderItsOwnId() {
        byte[] params = "{\n  \"buy_threshold\": 0.53\n}\n".getBytes(StandardCharsets.UTF_8);
        try (Journal journal = JournalTestSupport.open(dir)) {
            JournalWriter w = journal.createWriter();
            w.appendRunHeader(JournalTestSupport.header());
            w.appendDesk(new DeskDefinition(1, "eager", params));
            w.appendClock(5);
        }
        try (JournalReader r = JournalReader.open(dir).kinds(RecordKind.DESK, RecordKind.CLOCK)) {
            assertTrue(r.next());
            assertEquals(1, r.desk());
            assertEquals(new DeskDefinition(1, "eager", params), r.deskDefinition());
            assertTrue(r.next());
            assertEquals(0, r.desk(), "appendDesk leaves the writer's own desk as it was");
        }
    }

    @Test
    void shouldRefuseADeskIdOrNameTheFormatCannotHold() {
        assertThrows(IllegalArgumentException.class, () -> new DeskDefinition(0, "zero", new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> new DeskDefinition(1, "", new byte[0]));
        try (Journal journal = JournalTestSupport.open(dir)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> journal.createWriter().desk(JournalFormat.MAX_DESK + 1));
            assertTrue(e.getMessage().contains("desk id must be 0..65535"), e.getMessage());
        }
    }

    @Test
    void shouldReadAndCheckAFormatVersion2RecordAsDeskZero() {
        try (Journal journal = JournalTestSupport.open(dir)) {
            journal.createWriter().desk(1).appendClock(1);
        }
        ExpandableArrayBuffer record = new ExpandableArrayBuffer(32);
        record.putByte(JournalFormat.KIND, RecordKind.CLOCK.code());
        record.putByte(JournalFormat.FORMAT_VERSION, JournalFormat.SINGLE_DESK_VERSION);
        record.putInt(JournalFormat.LENGTH, JournalFormat.CLOCK_LENGTH, JournalFormat.ORDER);
        record.putLong(JournalFormat.SEQUENCE, 1, JournalFormat.ORDER);
        record.putLong(JournalFormat.CLOCK_EPOCH_MILLIS, 77, JournalFormat.ORDER);
        CRC32C crc = new CRC32C();
        crc.update(record.byteArray(), 0, JournalFormat.CLOCK_LENGTH);
        record.putInt(JournalFormat.CLOCK_LENGTH, (int) crc.getValue(), JournalFormat.ORDER);
        try (var raw = Journal.builder(dir).build(); var appender = raw.createAppender()) {
            try (var dc = appender.writingDocument()) {
                dc.wire().bytes().write(record.byteArray(), 0, JournalFormat.CLOCK_LENGTH + JournalFormat.CHECKSUM_LENGTH);
            }
        }
        try (JournalReader r = JournalReader.open(dir).desks(0, 0)) {
            assertTrue(r.next());
            assertEquals(77, r.clock().epochMillis());
            assertEquals(0, r.desk());
            assertEquals(0, r.uncheckedRecords(), "version 2 records carry a checksum and are checked");
            assertEquals(2, r.intactRecords());
        }
    }
}
