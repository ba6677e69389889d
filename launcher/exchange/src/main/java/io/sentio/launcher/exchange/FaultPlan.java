package io.sentio.launcher.exchange;

/**
 * Failures the stand-in injects on purpose, so clients can be tested against them. Minutes are
 * session minutes (0 = 09:30), in every session the stand-in serves; order counts run across its
 * sessions; -1 / 0 / null switches a fault off.
 */
public final class FaultPlan {
    /** Cut every market-data connection when minute M is due (that minute is then only in the history API). */
    public int dropAtMinute = -1;
    /** Stop sending bars to the connections open when minute M is due (they stay open, silent). */
    public int silentFromMinute = -1;
    /** Answer every market-data authentication with error 406 (connection limit exceeded). */
    public boolean connectionLimit;
    /** Answer this many REST requests, from the first, with HTTP 429. */
    public int rateLimitBurst;
    /**
     * At the Nth order request (1-based, POST /v2/orders, retries counted) the account's request budget
     * runs out: that request and every REST request until the reset it announces (X-Ratelimit-Reset, the
     * unix second after next: 1-2 s away) are answered with HTTP 429.
     */
    public int rateLimitAtOrder;
    /** Reject every order for this symbol. */
    public String rejectSymbol;
    /** Reject the Nth order (1-based) the stand-in receives. */
    public int rejectNthOrder;
    /** Accept the Nth order but cut the connection instead of answering (a lost acknowledgement). */
    public int loseAckOfNthOrder;
    /**
     * Fill every order of two or more shares in two parts: half (rounded down) at its first fill, a
     * partial_fill, and the rest one minute later, the fill. With fill-at-arrival the first part fills
     * at once at the open of the minute the order arrives in and the rest at the next minute's open,
     * as that minute starts; otherwise at the next bar's open and the one after, as each is published.
     */
    public boolean partialFills;
    /**
     * Fill the Nth order (1-based) in part (half, rounded down, at its first fill) and cancel the rest
     * where it would have filled: a canceled event for an order with filled_qty &gt; 0.
     */
    public int cancelRestOfNthOrder;
    /**
     * Close every trade_updates connection ("going away") when minute M is due and refuse new ones
     * (HTTP 503 to the upgrade) for {@link #tradeUpdatesDownMinutes}; order events meanwhile go to no one.
     */
    public int tradeUpdatesDownAtMinute = -1;
    /** Minutes the trade_updates stream stays down from {@link #tradeUpdatesDownAtMinute}; 0 = the rest of the session. */
    public int tradeUpdatesDownMinutes;
    /** Send each bar first with one share less volume, then a 'u' correction with the true bar. */
    public boolean corrections;
    /**
     * After every Nth real market-data frame of a connection, send one garbage frame: in turn a truncated
     * frame, a bar with a wrong-typed price, a message of an unknown type (MessagePack for MessagePack
     * clients); and after every Nth real trade update, one garbage message on the trading stream (in turn
     * truncated, a wrong-typed quantity, an unknown stream). 0 = off.
     */
    public int garbageEvery;
    /** {@code /v2/calendar} leaves this trading day out: the broker calls it a holiday, the NYSE rules do not. */
    public java.time.LocalDate calendarClosedDay;

    @Override
    public String toString() {
        return "FaultPlan{drop=" + dropAtMinute + ", silent=" + silentFromMinute + ", 406=" + connectionLimit
            + ", 429burst=" + rateLimitBurst + ", 429atOrder=" + rateLimitAtOrder + ", rejectSymbol=" + rejectSymbol + ", rejectNth=" + rejectNthOrder
            + ", loseAck=" + loseAckOfNthOrder + ", partialFills=" + partialFills + ", cancelRestOf=" + cancelRestOfNthOrder
            + ", tradeUpdatesDown=" + tradeUpdatesDownAtMinute + "+" + tradeUpdatesDownMinutes
            + ", corrections=" + corrections + ", garbageEvery=" + garbageEvery
            + (calendarClosedDay == null ? "" : ", calendarClosed=" + calendarClosedDay) + "}";
    }
}
