package io.sentio.launcher.alpaca.trading;

/** The broker's view of one order, as parsed from Alpaca's order object. Quantities in shares. */
public final class OrderReport {
    public final String id;
    public final String clientOrderId;
    public final String symbol;
    public final OrderSide side;
    public final long qty;
    public final long filledQty;
    /** Average fill price, NaN while nothing is filled. */
    public final double filledAvgPrice;
    /** Alpaca status: new, accepted, partially_filled, filled, canceled, rejected, ... */
    public final String status;

    public OrderReport(String id, String clientOrderId, String symbol, OrderSide side, long qty, long filledQty,
                       double filledAvgPrice, String status) {
        this.id = id;
        this.clientOrderId = clientOrderId;
        this.symbol = symbol;
        this.side = side;
        this.qty = qty;
        this.filledQty = filledQty;
        this.filledAvgPrice = filledAvgPrice;
        this.status = status;
    }

    public boolean isRejected() {
        return "rejected".equals(status);
    }

    public boolean isTerminal() {
        switch (status) {
            case "filled": case "canceled": case "expired": case "rejected": case "done_for_day": case "replaced":
                return true;
            default:
                return false;
        }
    }

    @Override
    public String toString() {
        return "Order{" + clientOrderId + " " + side.wire() + " " + qty + " " + symbol + " " + status
            + " filled " + filledQty + "@" + filledAvgPrice + "}";
    }
}
