package io.sentio.core.state;

/**
 * A component whose state is one {@link StateCodec} walk: every field that shapes a future
 * decision is visited, in a fixed order, so its hash, its snapshot and its restore agree.
 * Scratch arrays rebuilt on every bar and result logs (curves, round trips) are not state.
 */
public interface Stateful {
    void visit(StateCodec c);

    /** Hash of the walk; equal for two components exactly when every visited field is equal. */
    default long stateHash() {
        return StateCodec.hashOf(this);
    }
}
