package io.sentio.journal.state;

import io.sentio.core.state.StateCodec;
import io.sentio.core.state.Stateful;
import org.agrona.MutableDirectBuffer;

/**
 * One opaque piece of engine state (a learner, the portfolio...) as the state file stores it.
 * {@link #of(Stateful)} stores a component's writing walk; {@link #of(byte[])} wraps bytes that
 * already exist.
 */
public interface StateBlob {
    int snapshotLength();

    /** Writes exactly {@link #snapshotLength()} bytes at {@code offset}. */
    void snapshot(MutableDirectBuffer buffer, int offset);

    /** The component's state as its {@link StateCodec} walk writes it: read it back with the same walk. */
    static StateBlob of(Stateful component) {
        return new StateBlob() {
            @Override
            public int snapshotLength() {
                return StateCodec.lengthOf(component);
            }

            @Override
            public void snapshot(MutableDirectBuffer buffer, int offset) {
                component.visit(new StateCodec().writingTo(buffer, offset));
            }
        };
    }

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
