package io.sentio.journal.state;

import org.agrona.MutableDirectBuffer;

/**
 * One opaque piece of engine state (a learner, the portfolio...) as the state file stores it.
 * Learners implement it directly; {@link #of(byte[])} wraps bytes that already exist.
 */
public interface StateBlob {
    int snapshotLength();

    /** Writes exactly {@link #snapshotLength()} bytes at {@code offset}. */
    void snapshot(MutableDirectBuffer buffer, int offset);

    static StateBlob of(byte[] bytes) {
        return new StateBlob() {
            @Override
            public int snapshotLength() {
                return bytes.length;
            }

            @Override
            public void snapshot(MutableDirectBuffer buffer, int offset) {
                buffer.putBytes(offset, bytes);
            }
        };
    }
}
