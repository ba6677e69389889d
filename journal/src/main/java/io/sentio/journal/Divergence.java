package io.sentio.journal;

import io.sentio.journal.codec.RecordKind;

/**
 * The first place two journals' outputs differ: which output record (its position in the output
 * stream and its index and sequence in each journal), its kind, the field, and both values as
 * text. A missing record on one side has index -1 there and the field "record".
 */
public final class Divergence {
    private final long outputNumber;
    private final long expectedIndex;
    private final long actualIndex;
    private final long expectedSequence;
    private final long actualSequence;
    private final RecordKind kind;
    private final String field;
    private final String expected;
    private final String actual;

    Divergence(long outputNumber, long expectedIndex, long actualIndex, long expectedSequence, long actualSequence,
               RecordKind kind, String field, String expected, String actual) {
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

    /** 0-based position among the compared output records. */
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
        return "output record #" + outputNumber + " (expected seq " + expectedSequence + " index 0x"
            + Long.toHexString(expectedIndex) + ", actual seq " + actualSequence + " index 0x"
            + Long.toHexString(actualIndex) + ") " + kind + " differs in " + field + ": expected " + expected
            + ", actual " + actual;
    }
}
