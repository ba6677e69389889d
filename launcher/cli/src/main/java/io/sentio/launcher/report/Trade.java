package io.sentio.launcher.report;

import java.util.Objects;

/** One fill of a day: time (epoch seconds), symbol, side, whole shares, price, order id. */
public record Trade(long epochSecond, String symbol, Side side, long quantity, double price, String clientOrderId) {
    public enum Side { BUY, SELL }

    public Trade {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        if (quantity <= 0) {
            throw new IllegalArgumentException("trade " + clientOrderId + ": quantity must be > 0, got " + quantity);
        }
        if (!(price > 0) || Double.isInfinite(price)) {
            throw new IllegalArgumentException("trade " + clientOrderId + ": price must be finite and > 0, got " + price);
        }
    }

    public double notional() {
        return quantity * price;
    }
}
