package io.sentio.journal.codec;

import static io.sentio.journal.codec.JournalFormat.CLOCK_EPOCH_MILLIS;
import static io.sentio.journal.codec.JournalFormat.CLOCK_LENGTH;

import org.agrona.MutableDirectBuffer;

/** CLOCK: a clock tick as the clock source supplied it, so replay sees the same timeouts. */
public final class ClockRecord extends RecordFlyweight {

    public ClockRecord wrap(MutableDirectBuffer buffer, int offset) {
        wrapBuffer(buffer, offset);
        return this;
    }

    public ClockRecord encode(MutableDirectBuffer buffer, int offset, long sequence, long epochMillis) {
        wrapBuffer(buffer, offset);
        putHeader(RecordKind.CLOCK, CLOCK_LENGTH, sequence);
        putLong(CLOCK_EPOCH_MILLIS, epochMillis);
        return this;
    }

    public long epochMillis() {
        return getLong(CLOCK_EPOCH_MILLIS);
    }
}
