package io.sentio.journal.codec;

import static io.sentio.journal.codec.JournalFormat.EXCEPTION_NAME_MAX;
import static io.sentio.journal.codec.JournalFormat.FAILED_EXCEPTION_CLASS;
import static io.sentio.journal.codec.JournalFormat.FAILED_LENGTH;
import static io.sentio.journal.codec.JournalFormat.FAILED_MINUTE;
import static io.sentio.journal.codec.JournalFormat.FAILED_NAME_LENGTH;
import static io.sentio.journal.codec.JournalFormat.FAILED_STAGE;

import org.agrona.MutableDirectBuffer;

/**
 * FAILED: a pipeline handler threw for this minute's event. The stage is the handler's number
 * as the pipeline defines it; the exception class name is truncated to 64 characters.
 */
public final class FailedRecord extends RecordFlyweight {

    public FailedRecord wrap(MutableDirectBuffer buffer, int offset) {
        wrapBuffer(buffer, offset);
        return this;
    }

    public FailedRecord encode(MutableDirectBuffer buffer, int offset, long sequence, long minute, int stage,
                               CharSequence exceptionClassName) {
        wrapBuffer(buffer, offset);
        putHeader(RecordKind.FAILED, FAILED_LENGTH, sequence);
        putLong(FAILED_MINUTE, minute);
        putByte(FAILED_STAGE, (byte) stage);
        int n = putAscii(FAILED_EXCEPTION_CLASS, exceptionClassName, EXCEPTION_NAME_MAX, true, "exception class");
        putByte(FAILED_NAME_LENGTH, (byte) n);
        return this;
    }

    public long minute() {
        return getLong(FAILED_MINUTE);
    }

    public int stage() {
        return getByte(FAILED_STAGE) & 0xFF;
    }

    public String exceptionClass() {
        return getAscii(FAILED_EXCEPTION_CLASS, getByte(FAILED_NAME_LENGTH));
    }
}
