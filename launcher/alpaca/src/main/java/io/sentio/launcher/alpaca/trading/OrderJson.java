package io.sentio.launcher.alpaca.trading;

import io.sentio.launcher.alpaca.JsonTree;
import java.util.Map;

/** Maps Alpaca order objects (numbers as strings) to {@link OrderReport}s. */
final class OrderJson {
    private OrderJson() {
    }

    static OrderReport order(Map<String, Object> o) {
        double qty = JsonTree.num(o, "qty");
        double filled = JsonTree.num(o, "filled_qty");
        return new OrderReport(
            JsonTree.str(o, "id"),
            JsonTree.str(o, "client_order_id"),
            JsonTree.str(o, "symbol"),
            OrderSide.fromWire(JsonTree.str(o, "side")),
            Double.isNaN(qty) ? 0 : (long) qty,
            Double.isNaN(filled) ? 0 : (long) filled,
            JsonTree.num(o, "filled_avg_price"),
            JsonTree.str(o, "status"));
    }

    /** {@code {"event":..,"price":..,"qty":..,"order":{..}}} of the trade_updates stream. */
    static TradeUpdate update(Map<String, Object> data) {
        Map<String, Object> order = JsonTree.obj(data, "order");
        double qty = JsonTree.num(data, "qty");
        return new TradeUpdate(JsonTree.str(data, "event"), order == null ? null : order(order),
            Double.isNaN(qty) ? 0 : (long) qty, JsonTree.num(data, "price"));
    }
}
