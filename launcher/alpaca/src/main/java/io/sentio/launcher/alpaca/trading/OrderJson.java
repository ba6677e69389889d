package io.sentio.launcher.alpaca.trading;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentio.launcher.alpaca.AlpacaException;
import io.sentio.launcher.alpaca.AlpacaJson;

/**
 * Maps Alpaca order objects (numbers as strings) to {@link OrderReport}s. An object the rest of sentio
 * could not act on (no status, an unknown side, a quantity that is not a whole non-negative number) is
 * an {@link AlpacaException} of kind WIRE naming the field, never a NullPointerException later.
 */
final class OrderJson {
    private OrderJson() {
    }

    static OrderReport order(JsonNode o) {
        String side = AlpacaJson.required(o, "side", "order");
        if (!"buy".equals(side) && !"sell".equals(side)) {
            throw AlpacaException.wire("order with side '" + side + "' (neither buy nor sell)");
        }
        return new OrderReport(
            AlpacaJson.required(o, "id", "order"),
            AlpacaJson.required(o, "client_order_id", "order"),
            AlpacaJson.required(o, "symbol", "order"),
            OrderSide.fromWire(side),
            shares(o, "qty", "order"),
            shares(o, "filled_qty", "order"),
            AlpacaJson.number(o, "filled_avg_price"),
            AlpacaJson.required(o, "status", "order"));
    }

    /** {@code {"event":..,"price":..,"qty":..,"order":{..}}} of the trade_updates stream. */
    static TradeUpdate update(JsonNode data) {
        JsonNode order = AlpacaJson.object(data, "order");
        if (order == null) {
            throw AlpacaException.wire("trade update without an 'order' object");
        }
        return new TradeUpdate(AlpacaJson.required(data, "event", "trade update"), order(order),
            shares(data, "qty", "trade update"), AlpacaJson.number(data, "price"));
    }

    /** A share count; 0 when absent (Alpaca omits qty on notional orders and non-fill events). */
    private static long shares(JsonNode n, String key, String what) {
        double v = AlpacaJson.number(n, key);
        if (Double.isNaN(v)) {
            return 0;
        }
        if (!(v >= 0) || v > 1e12) {
            throw AlpacaException.wire(what + " with '" + key + "' " + v + " (not a share count)");
        }
        return (long) v;
    }
}
