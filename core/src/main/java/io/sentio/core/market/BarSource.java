package io.sentio.core.market;

/** A stream of one symbol's bars in strictly increasing time order. */
public interface BarSource extends AutoCloseable {
    /** Fills {@code into} with the next bar and returns true, or returns false at the end. */
    boolean next(MutableBar into);

    @Override
    default void close() {
    }
}
