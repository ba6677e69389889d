package io.sentio.journal;

import io.sentio.journal.codec.JournalFormat;
import io.sentio.journal.codec.RecordKind;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The records of some kinds that a journal held when a run restarted (those with a sequence below
 * the journal's next sequence at open) and of some desks, in journal order: what one {@link JournalWriter} wrote
 * before the crash. A recovering writer checks each record it would append against the next of
 * these, byte for byte except the sequence number, so a recovered run proves it rebuilt the same
 * state and appends nothing twice. Not thread-safe: one per writer, used on the writer's thread.
 */
public final class RecordVerifier implements AutoCloseable {
    private final JournalReader reader;
    private final long sequenceLimit;
    private boolean loaded;
    private boolean exhausted;
    private long verified;

    RecordVerifier(JournalReader reader, long sequenceLimit, int deskFrom, int deskTo, RecordKind... kinds) {
        this.reader = reader.kinds(kinds).desks(deskFrom, deskTo);
        this.sequenceLimit = sequenceLimit;
    }

    /** Whether a journaled record is still waiting to be matched. */
    public boolean pending() {
        if (exhausted) {
            return false;
        }
        if (!loaded) {
            loaded = reader.next() && reader.sequence() < sequenceLimit;
            exhausted = !loaded;
        }
        return loaded;
    }

    /** Checks the record in {@code staging[0, length)} against the pending one and consumes it; its index. */
    long verify(MutableDirectBuffer staging, int length) {
        DirectBuffer journaled = reader.buffer();
        int differs = firstDifference(journaled, reader.length(), staging, length);
        if (differs >= 0) {
            exhausted = true;
            throw new JournalDivergenceException("recovery: the re-run's " + kindOf(staging) + " record differs from the "
                + "journaled " + reader.kind() + " record at sequence " + reader.sequence() + " (index 0x"
                + Long.toHexString(reader.index()) + "), first at byte " + differs
                + "; the journal was written by other code, config or state");
        }
        loaded = false;
        verified++;
        return reader.index();
    }

    /** Records matched so far. */
    public long verified() {
        return verified;
    }

    private static String kindOf(DirectBuffer record) {
        try {
            return RecordKind.fromCode(record.getByte(JournalFormat.KIND)).toString();
        } catch (IllegalArgumentException e) {
            return "unknown";
        }
    }

    private static int firstDifference(DirectBuffer a, int aLength, DirectBuffer b, int bLength) {
        int n = Math.min(aLength, bLength);
        for (int i = 0; i < n; i++) {
            boolean sequenceByte = i >= JournalFormat.SEQUENCE && i < JournalFormat.HEADER_LENGTH;
            if (!sequenceByte && a.getByte(i) != b.getByte(i)) {
                return i;
            }
        }
        return aLength == bLength ? -1 : n;
    }

    @Override
    public void close() {
        reader.close();
    }
}
