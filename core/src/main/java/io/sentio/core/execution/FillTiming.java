package io.sentio.core.execution;

/**
 * When the simulated broker fills a market order decided at the close of bar t (DESIGN §5.6).
 * {@link #NEXT_OPEN} is the engine's convention and the default everywhere; the other exists to
 * show how much of a result depends on the fill assumption.
 */
public enum FillTiming {
    /** At the open of the symbol's next real bar after the deciding one: what a live order can get. */
    NEXT_OPEN,
    /**
     * At the close of the deciding bar itself (or of the symbol's next real bar if it was forward
     * filled). The decision used that close, so nothing later leaks in, but no order sent after
     * seeing a close can trade at it: an optimistic upper bound, never a result.
     */
    SAME_BAR_CLOSE
}
