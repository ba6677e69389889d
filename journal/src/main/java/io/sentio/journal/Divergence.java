package io.sentio.journal;

import io.sentio.journal.codec.RecordKind;

/**
 * The first place two journals' outputs differ: which desk, which output record (its position in
 * the desk's output stream and its index and sequence in each journal), its kind, the field, and
 * both values as text. A missing record on one side has index -1 there and the field "record".
 */
public final class Divergence {
    private final int desk;
    private final String deskName;
    private final long outputNumber;
    private final long expectedIndex;
    private final long actualIndex;
    private final long expectedSequence;
    private final long actualSequence;
    private final RecordKind kind;
    private final String field;
    private final String expected;
    private final String actual;

    Divergence(int desk, String deskName, long outputNumber, long expectedIndex, long actualIndex, long expectedSequence, long actualSequence,
               RecordKind kind, String field, String expected, String actual) {
        this.desk = desk;
        this.deskName = deskName;
        this.outputNumber = outputNumber;
        this.expectedIndex = expectedIndex;
        this.actualIndex = actualIndex;
        this.expectedSequence = expectedSequence;
        this.actualSequence = actualSequence;
        this.kind = kind;
        this.field = field;
        this.expected = expected;
        this.actual = actual;
    }

    /** The desk whose outputs differ: 0 the trading desk, 1..k a shadow desk. */
    public int desk() {
        return desk;
    }

    /** The desk's name: "desk 0", or the shadow desk's name from its DESK record. */
    public String deskName() {
        return deskName;
    }

    /** 0-based position among the compared output records of the desk. */
    public long outputNumber() {
        return outputNumber;
    }

    public long expectedIndex() {
        return expectedIndex;
    }

    public long actualIndex() {
        return actualIndex;
    }

    public long expectedSequence() {
        return expectedSequence;
    }

    public long actualSequence() {
        return actualSequence;
    }

    public RecordKind kind() {
        return kind;
    }

    public String field() {
        return field;
    }

    public String expected() {
        return expected;
    }

    public String actual() {
        return actual;
    }

    @Override
    public String toString() {
        return (desk == 0 ? "" : "shadow desk " + desk + " (" + deskName + ") ") + "output record #" + outputNumber + " (expected seq " + expectedSequence + " index 0x"
            + Long.toHexString(expectedIndex) + ", actual seq " + actualSequence + " index 0x"
            + Long.toHexString(actualIndex) + ") " + kind + " differs in " + field + ": expected " + expected
            + ", actual " + actual;
    }
}
