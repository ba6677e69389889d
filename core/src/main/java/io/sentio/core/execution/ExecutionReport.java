package io.sentio.core.execution;

/**
 * What a live venue said about one order, as it enters the ring (DESIGN §3: fills are events, so
 * a journal holds them and replay applies them at the same place). Mutable and reused: the ring
 * copies it into a pre-allocated event. Quantities are unsigned share counts.
 */
public final class ExecutionReport {
    /** Partly filled, still working: recorded, applied only with the terminal report. */
    public static final int PARTIAL = 1;
    /** Completely filled. */
    public static final int FILLED = 2;
    /** Over with no further fills (cancelled, expired, done for day): {@link #filledQuantity} may be > 0. */
    public static final int CANCELLED = 3;
    /** Refused by the venue; frees the symbol's order slot. */
    public static final int REJECTED = 4;
    /**
     * A broker position taken over at start ({@code --adopt}): {@link #filledQuantity} shares at
     * {@link #averagePrice}, not tied to any order.
     */
    public static final int ADOPTED = 5;

    public int symbol;
    /** Run-wide order sequence of the order reported on; -1 for {@link #ADOPTED}. */
    public long orderSequence;
    public int status;
    /** Shares filled so far over the order's life (cumulative, not this event's). */
    public long filledQuantity;
    /** Average price of the filled shares; NaN while none are filled. */
    public double averagePrice;
    /** Venue time of the report, epoch milliseconds (for latency figures, never for decisions). */
    public long venueMillis;

    public ExecutionReport set(int sym, long orderSeq, int st, long filledQty, double avgPrice, long millis) {
        symbol = sym;
        orderSequence = orderSeq;
        status = st;
        filledQuantity = filledQty;
        averagePrice = avgPrice;
        venueMillis = millis;
        return this;
    }

    public void copyFrom(ExecutionReport o) {
        set(o.symbol, o.orderSequence, o.status, o.filledQuantity, o.averagePrice, o.venueMillis);
    }

    /** No further report will follow for this order. */
    public boolean terminal() {
        return status == FILLED || status == CANCELLED || status == REJECTED;
    }

    public static String name(int status) {
        switch (status) {
            case PARTIAL: return "partial";
            case FILLED: return "filled";
            case CANCELLED: return "cancelled";
            case REJECTED: return "rejected";
            case ADOPTED: return "adopted";
            default: throw new IllegalArgumentException("unknown report status " + status);
        }
    }
}
