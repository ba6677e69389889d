package io.sentio.launcher.alpaca.trading;

/** One event of the trade_updates stream (or of the polling fallback). */
public final class TradeUpdate {
    /** new, fill, partial_fill, canceled, rejected, expired, ... */
    public final String event;
    public final OrderReport order;
    /** This event's fill: quantity and price, 0 and NaN for non-fill events. */
    public final long fillQty;
    public final double fillPrice;

    public TradeUpdate(String event, OrderReport order, long fillQty, double fillPrice) {
        this.event = event;
        this.order = order;
        this.fillQty = fillQty;
        this.fillPrice = fillPrice;
    }

    @Override
    public String toString() {
        return "TradeUpdate{" + event + " " + order + (fillQty > 0 ? " fill " + fillQty + "@" + fillPrice : "") + "}";
    }
}
