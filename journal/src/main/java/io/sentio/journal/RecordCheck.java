package io.sentio.journal;

import io.sentio.journal.codec.JournalFormat;
import io.sentio.journal.codec.RecordKind;
import java.nio.file.Path;
import java.time.Instant;
import java.util.zip.CRC32C;
import org.agrona.ExpandableArrayBuffer;

/**
 * Checks each record a {@link JournalReader} meets (size, format version, checksum, length, kind)
 * and remembers the last intact one, so that a damaged record is named by what can still be
 * trusted: its index, the sequence it should carry, and the last intact input and output minutes.
 * Allocates nothing while records check out. One per reader, on the reader's thread.
 */
final class RecordCheck {
    private final Path directory;
    private final CRC32C checksum = new CRC32C();
    private long intact;
    private long unchecked;
    private boolean sequenceKnown = true;
    private long lastSequence = -1;
    private long lastInputMinute = Long.MIN_VALUE;
    private long lastOutputMinute = Long.MIN_VALUE;

    RecordCheck(Path directory) {
        this.directory = directory;
    }

    /** Checks the record in {@code record[0, size)}, read at Chronicle index {@code at}; returns its kind. */
    RecordKind check(ExpandableArrayBuffer record, int size, long at) {
        if (size < JournalFormat.HEADER_LENGTH) {
            throw corrupt(at, "record of " + size + " bytes is shorter than the " + JournalFormat.HEADER_LENGTH
                + "-byte header");
        }
        int version = record.getByte(JournalFormat.FORMAT_VERSION);
        int length = record.getInt(JournalFormat.LENGTH, JournalFormat.ORDER);
        if (JournalFormat.checksummed(version)) {
            if (length != size - JournalFormat.CHECKSUM_LENGTH) {
                throw corrupt(at, "record declares " + length + " bytes (" + (length + JournalFormat.CHECKSUM_LENGTH)
                    + " with its checksum) but holds " + size);
            }
            checksum.reset();
            checksum.update(record.byteArray(), 0, length);
            int computed = (int) checksum.getValue();
            int stored = record.getInt(length, JournalFormat.ORDER);
            if (computed != stored) {
                throw corrupt(at, "checksum mismatch (stored " + Integer.toHexString(stored) + ", computed "
                    + Integer.toHexString(computed) + ")");
            }
        } else if (version == JournalFormat.UNCHECKED_VERSION) {
            if (length != size) {
                throw corrupt(at, "record declares " + length + " bytes but holds " + size);
            }
            unchecked++;
        } else {
            throw corrupt(at, "format version " + version + ", this build reads versions " + JournalFormat.UNCHECKED_VERSION
                + " to " + JournalFormat.VERSION + "; a newer sentio wrote it");
        }
        RecordKind kind;
        try {
            kind = RecordKind.fromCode(record.getByte(JournalFormat.KIND));
        } catch (IllegalArgumentException e) {
            throw corrupt(at, e.getMessage());
        }
        intact++;
        sequenceKnown = true;
        lastSequence = record.getLong(JournalFormat.SEQUENCE, JournalFormat.ORDER);
        noteMinute(kind, record);
        return kind;
    }

    /**
     * Journal-in runs ahead of journal-out, so input and output minutes interleave out of order:
     * each is tracked on its own.
     */
    private void noteMinute(RecordKind kind, ExpandableArrayBuffer record) {
        switch (kind) {
            case BAR_SET:
                lastInputMinute = record.getLong(JournalFormat.MINUTE, JournalFormat.ORDER);
                break;
            case CLOCK:
                lastInputMinute = Math.floorDiv(record.getLong(JournalFormat.CLOCK_EPOCH_MILLIS, JournalFormat.ORDER),
                    60_000L) * 60;
                break;
            case SIGNALS:
            case DECISION:
            case ORDER:
            case SKIPPED:
            case FAILED:
                lastOutputMinute = record.getLong(JournalFormat.MINUTE, JournalFormat.ORDER);
                break;
            default:
                break;
        }
    }

    /** After the reader jumped: what it knows of the records before the next one. */
    void forget(boolean atStart) {
        sequenceKnown = atStart;
        lastSequence = -1;
        intact = 0;
        lastInputMinute = Long.MIN_VALUE;
        lastOutputMinute = Long.MIN_VALUE;
    }

    JournalCorruptException corrupt(long at, String why) {
        long expected = sequenceKnown ? lastSequence + 1 : -1;
        String where = "journal " + directory + ": damaged record at index 0x" + Long.toHexString(at)
            + (sequenceKnown ? ", sequence " + expected : "")
            + minute(", after input minute ", lastInputMinute) + minute(", output minute ", lastOutputMinute);
        return new JournalCorruptException(where + ": " + why + "; the " + intact + " record(s) read before it are intact",
            at, expected, intact);
    }

    private static String minute(String label, long epochSecond) {
        return epochSecond == Long.MIN_VALUE ? "" : label + Instant.ofEpochSecond(epochSecond);
    }

    long intact() {
        return intact;
    }

    long unchecked() {
        return unchecked;
    }

    long lastInputMinute() {
        return lastInputMinute;
    }
}
