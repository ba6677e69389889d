package io.sentio.journal.codec;

import static io.sentio.journal.codec.JournalFormat.SUMMARY_DAY_RETURN;
import static io.sentio.journal.codec.JournalFormat.SUMMARY_EQUITY;
import static io.sentio.journal.codec.JournalFormat.SUMMARY_LENGTH;
import static io.sentio.journal.codec.JournalFormat.SUMMARY_NY_DAY;
import static io.sentio.journal.codec.JournalFormat.SUMMARY_TRADES;

import org.agrona.MutableDirectBuffer;

/** SESSION_SUMMARY: end-of-session figures. Layout in {@link JournalFormat}. */
public final class SessionSummaryRecord extends RecordFlyweight {

    public SessionSummaryRecord wrap(MutableDirectBuffer buffer, int offset) {
        wrapBuffer(buffer, offset);
        return this;
    }

    public SessionSummaryRecord encode(MutableDirectBuffer buffer, int offset, long sequence, long nyEpochDay,
                                       double equity, double dayReturn, int trades) {
        wrapBuffer(buffer, offset);
        putHeader(RecordKind.SESSION_SUMMARY, SUMMARY_LENGTH, sequence);
        putLong(SUMMARY_NY_DAY, nyEpochDay);
        putDouble(SUMMARY_EQUITY, equity);
        putDouble(SUMMARY_DAY_RETURN, dayReturn);
        putInt(SUMMARY_TRADES, trades);
        return this;
    }

    public long nyEpochDay() {
        return getLong(SUMMARY_NY_DAY);
    }

    public double equity() {
        return getDouble(SUMMARY_EQUITY);
    }

    public double dayReturn() {
        return getDouble(SUMMARY_DAY_RETURN);
    }

    public int trades() {
        return getInt(SUMMARY_TRADES);
    }
}
