package io.sentio.core.execution;

import io.sentio.core.market.BarSet;

/**
 * Where orders go: the simulated broker now, Alpaca later. Split in two because the pipeline is:
 * the portfolio stage must know the fills of bar t+1's open before it marks and decides at bar
 * t+1's close, while sending runs in the later execution stage.
 *
 * <ul>
 *   <li>{@link #match} runs on the portfolio stage for each working order at every bar set: it
 *       says whether the order filled (and at what price), was cancelled, or still waits. The
 *       simulated broker decides from the bar set itself; a live venue answers from fill reports
 *       that were published into the ring (so replay sees them).</li>
 *   <li>{@link #send} runs on the execution stage with the orders decided on a bar set.</li>
 * </ul>
 */
public interface ExecutionVenue {
    int WAITING = 0;

    /**
     * @param staleAtDecision the symbol was already stale when the order was decided
     * @return {@link #WAITING}, {@link FillBatch#FILLED} (price and commission in {@code out}) or
     *     {@link FillBatch#CANCELLED}
     */
    int match(int symbol, long quantity, boolean staleAtDecision, BarSet received, boolean[] stale, FillPrice out);

    /**
     * True when orders are matched right after the decisions of their deciding bar set (the
     * same-bar-close what-if of {@link SimulatedBroker}) instead of from the next bar set on.
     */
    default boolean fillsAtDecidingClose() {
        return false;
    }

    /** The orders decided on the bar starting at {@code decidingEpochSecond} leave for the venue. */
    void send(OrderBatch orders, long decidingEpochSecond);

    /**
     * An execution report that came through the ring, on the portfolio stage, in ring order. The
     * simulated broker has none; a live venue records them for {@link #match}.
     */
    default void onReport(ExecutionReport report) {
    }

    /**
     * One match: in, the order's sequence and signed quantity; out, the filled quantity (signed,
     * the order's unless the venue filled less), price and commission. A reused holder.
     */
    final class FillPrice {
        public long orderSequence;
        public long quantity;
        public double price;
        public double commission;
    }
}
