package io.sentio.journal.codec;

import static io.sentio.journal.codec.JournalFormat.SKIPPED_LENGTH;
import static io.sentio.journal.codec.JournalFormat.SKIPPED_MINUTE;
import static io.sentio.journal.codec.JournalFormat.SKIPPED_MISSING;

import org.agrona.MutableDirectBuffer;

/** SKIPPED: a bar set dropped because too many symbols were missing (DESIGN §5.1). */
public final class SkippedRecord extends RecordFlyweight {

    public SkippedRecord wrap(MutableDirectBuffer buffer, int offset) {
        wrapBuffer(buffer, offset);
        return this;
    }

    public SkippedRecord encode(MutableDirectBuffer buffer, int offset, long sequence, long minute, int missing) {
        wrapBuffer(buffer, offset);
        putHeader(RecordKind.SKIPPED, SKIPPED_LENGTH, sequence);
        putLong(SKIPPED_MINUTE, minute);
        putInt(SKIPPED_MISSING, missing);
        return this;
    }

    public long minute() {
        return getLong(SKIPPED_MINUTE);
    }

    public int missing() {
        return getInt(SKIPPED_MISSING);
    }
}
