package io.sentio.journal.codec;

import static io.sentio.journal.codec.JournalFormat.RUN_END_BAR_SETS;
import static io.sentio.journal.codec.JournalFormat.RUN_END_LENGTH;
import static io.sentio.journal.codec.JournalFormat.RUN_END_STATE_HASH;

import org.agrona.MutableDirectBuffer;

/** RUN_END: the run finished; how many bar sets it processed and its final state hash (what replay checks last). */
public final class RunEndRecord extends RecordFlyweight {

    public RunEndRecord wrap(MutableDirectBuffer buffer, int offset) {
        wrapBuffer(buffer, offset);
        return this;
    }

    public RunEndRecord encode(MutableDirectBuffer buffer, int offset, long sequence, long barSets, long stateHash) {
        wrapBuffer(buffer, offset);
        putHeader(RecordKind.RUN_END, RUN_END_LENGTH, sequence);
        putLong(RUN_END_BAR_SETS, barSets);
        putLong(RUN_END_STATE_HASH, stateHash);
        return this;
    }

    public long barSets() {
        return getLong(RUN_END_BAR_SETS);
    }

    public long stateHash() {
        return getLong(RUN_END_STATE_HASH);
    }
}
