package io.sentio.journal.codec;

import static io.sentio.journal.codec.JournalFormat.DECISION_KIND;
import static io.sentio.journal.codec.JournalFormat.DECISION_LENGTH;
import static io.sentio.journal.codec.JournalFormat.DECISION_MINUTE;
import static io.sentio.journal.codec.JournalFormat.DECISION_PROBABILITY;
import static io.sentio.journal.codec.JournalFormat.DECISION_REASON;
import static io.sentio.journal.codec.JournalFormat.DECISION_STRENGTH;
import static io.sentio.journal.codec.JournalFormat.DECISION_SYMBOL;

import org.agrona.MutableDirectBuffer;

/** DECISION: one rotation/risk decision for one symbol. Layout in {@link JournalFormat}. */
public final class DecisionRecord extends RecordFlyweight {

    public DecisionRecord wrap(MutableDirectBuffer buffer, int offset) {
        wrapBuffer(buffer, offset);
        return this;
    }

    public DecisionRecord encode(MutableDirectBuffer buffer, int offset, long sequence, long minute,
                                 DecisionKind kind, int symbol, double strength, double p, int reason) {
        wrapBuffer(buffer, offset);
        putHeader(RecordKind.DECISION, DECISION_LENGTH, sequence);
        putLong(DECISION_MINUTE, minute);
        putByte(DECISION_KIND, kind.code());
        putShort(DECISION_SYMBOL, symbol);
        putInt(DECISION_REASON, reason);
        putDouble(DECISION_STRENGTH, strength);
        putDouble(DECISION_PROBABILITY, p);
        return this;
    }

    public long minute() {
        return getLong(DECISION_MINUTE);
    }

    public DecisionKind decisionKind() {
        return DecisionKind.fromCode(getByte(DECISION_KIND));
    }

    public int symbol() {
        return getShort(DECISION_SYMBOL);
    }

    public int reason() {
        return getInt(DECISION_REASON);
    }

    public double strength() {
        return getDouble(DECISION_STRENGTH);
    }

    public double probability() {
        return getDouble(DECISION_PROBABILITY);
    }
}
