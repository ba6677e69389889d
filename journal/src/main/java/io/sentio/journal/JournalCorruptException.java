package io.sentio.journal;

/**
 * A journal record that fails its checks (checksum, format version, kind, length): the file was
 * damaged after it was written. Names the record by Chronicle index and sequence, and the last
 * intact minute before it, so an operator can tell how much of the journal can be trusted.
 */
public final class JournalCorruptException extends JournalException {
    private static final long serialVersionUID = 1L;
    private final long index;
    private final long sequence;
    private final long intactRecords;

    JournalCorruptException(String message, long index, long sequence, long intactRecords) {
        super(message);
        this.index = index;
        this.sequence = sequence;
        this.intactRecords = intactRecords;
    }

    /** Chronicle index of the damaged record. */
    public long index() {
        return index;
    }

    /** Sequence number the damaged record should carry (the one after the last intact record), -1 if unknown. */
    public long sequence() {
        return sequence;
    }

    /** Records this reader returned or passed over intact before the damaged one. */
    public long intactRecords() {
        return intactRecords;
    }
}
