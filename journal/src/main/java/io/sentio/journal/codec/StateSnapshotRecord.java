package io.sentio.journal.codec;

import static io.sentio.journal.codec.JournalFormat.SNAPSHOT_BLOB;
import static io.sentio.journal.codec.JournalFormat.SNAPSHOT_BLOB_LENGTH;
import static io.sentio.journal.codec.JournalFormat.SNAPSHOT_FINGERPRINT;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/** STATE_SNAPSHOT: opaque engine state plus its fingerprint, for crash recovery. */
public final class StateSnapshotRecord extends RecordFlyweight {

    public StateSnapshotRecord wrap(MutableDirectBuffer buffer, int offset) {
        wrapBuffer(buffer, offset);
        return this;
    }

    /** Writes the header only; the blob goes at {@link JournalFormat#SNAPSHOT_BLOB}. */
    public StateSnapshotRecord encode(MutableDirectBuffer buffer, int offset, long sequence, long fingerprint,
                                      int blobLength) {
        wrapBuffer(buffer, offset);
        putHeader(RecordKind.STATE_SNAPSHOT, SNAPSHOT_BLOB, sequence);
        putInt(JournalFormat.LENGTH, SNAPSHOT_BLOB + blobLength);
        putLong(SNAPSHOT_FINGERPRINT, fingerprint);
        putInt(SNAPSHOT_BLOB_LENGTH, blobLength);
        return this;
    }

    public long fingerprint() {
        return getLong(SNAPSHOT_FINGERPRINT);
    }

    public int blobLength() {
        return getInt(SNAPSHOT_BLOB_LENGTH);
    }

    public void getBlob(MutableDirectBuffer dst, int dstOffset) {
        dst.putBytes(dstOffset, buffer, offset + SNAPSHOT_BLOB, blobLength());
    }

    public void putBlob(DirectBuffer src, int srcOffset) {
        buffer.putBytes(offset + SNAPSHOT_BLOB, src, srcOffset, blobLength());
    }
}
