package io.sentio.launcher.alpaca.trading;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentio.launcher.alpaca.AlpacaJson;

/** Maps Alpaca order objects (numbers as strings) to {@link OrderReport}s. */
final class OrderJson {
    private OrderJson() {
    }

    static OrderReport order(JsonNode o) {
        double qty = AlpacaJson.number(o, "qty");
        double filled = AlpacaJson.number(o, "filled_qty");
        return new OrderReport(
            AlpacaJson.text(o, "id"),
            AlpacaJson.text(o, "client_order_id"),
            AlpacaJson.text(o, "symbol"),
            OrderSide.fromWire(AlpacaJson.text(o, "side")),
            Double.isNaN(qty) ? 0 : (long) qty,
            Double.isNaN(filled) ? 0 : (long) filled,
            AlpacaJson.number(o, "filled_avg_price"),
            AlpacaJson.text(o, "status"));
    }

    /** {@code {"event":..,"price":..,"qty":..,"order":{..}}} of the trade_updates stream. */
    static TradeUpdate update(JsonNode data) {
        JsonNode order = AlpacaJson.object(data, "order");
        double qty = AlpacaJson.number(data, "qty");
        return new TradeUpdate(AlpacaJson.text(data, "event"), order == null ? null : order(order),
            Double.isNaN(qty) ? 0 : (long) qty, AlpacaJson.number(data, "price"));
    }
}
