package io.sentio.launcher.exchange;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One order held by the stand-in broker. */
final class SimOrder {
    final String id;
    final String clientOrderId;
    final int symbol;
    final String symbolName;
    final boolean buy;
    final long qty;
    final long createdMillis;
    long filledQty;
    double filledValue;
    String status;
    long updatedMillis;
    long filledMillis;
    long canceledMillis;
    long expiredMillis;
    long failedMillis;
    /** Fault: after its first part fills, the rest is cancelled instead of filled. */
    boolean cancelRest;

    SimOrder(String id, String clientOrderId, int symbol, String symbolName, boolean buy, long qty, long createdMillis) {
        this.id = id;
        this.clientOrderId = clientOrderId;
        this.symbol = symbol;
        this.symbolName = symbolName;
        this.buy = buy;
        this.qty = qty;
        this.createdMillis = createdMillis;
        this.updatedMillis = createdMillis;
        this.status = "accepted";
    }

    boolean open() {
        return "accepted".equals(status) || "new".equals(status) || "partially_filled".equals(status);
    }

    double avgPrice() {
        return filledQty == 0 ? Double.NaN : filledValue / filledQty;
    }

    /** Alpaca's order object: every number a string, times RFC-3339 in New York time, absent ones null. */
    ObjectNode toJson() {
        return WireJson.object()
            .put("id", id)
            .put("client_order_id", clientOrderId)
            .put("created_at", time(createdMillis))
            .put("updated_at", time(updatedMillis))
            .put("submitted_at", time(createdMillis))
            .put("filled_at", filledMillis == 0 ? null : time(filledMillis))
            .put("expired_at", expiredMillis == 0 ? null : time(expiredMillis))
            .put("canceled_at", canceledMillis == 0 ? null : time(canceledMillis))
            .put("failed_at", failedMillis == 0 ? null : time(failedMillis))
            .putNull("replaced_at")
            .putNull("replaced_by")
            .putNull("replaces")
            .put("asset_id", assetId(symbolName))
            .put("symbol", symbolName)
            .put("asset_class", "us_equity")
            .putNull("notional")
            .put("qty", Long.toString(qty))
            .put("filled_qty", Long.toString(filledQty))
            .put("filled_avg_price", WireJson.decimal(avgPrice()))
            .put("order_class", "")
            .put("order_type", "market")
            .put("type", "market")
            .put("side", buy ? "buy" : "sell")
            .put("position_intent", buy ? "buy_to_open" : "sell_to_close")
            .put("time_in_force", "day")
            .putNull("limit_price")
            .putNull("stop_price")
            .put("status", status)
            .put("extended_hours", false)
            .putNull("legs")
            .putNull("trail_percent")
            .putNull("trail_price")
            .putNull("hwm");
    }

    /**
     * A trade_updates message about this order: the event, and for a fill or partial fill that
     * execution's price and quantity and the position after it; the order object as it is now.
     */
    String tradeUpdate(String event, long fillQty, double fillPrice, long positionQty, long millis) {
        ObjectNode message = WireJson.object().put("stream", "trade_updates");
        ObjectNode data = message.putObject("data")
            .put("event", event)
            .put("execution_id", fillQty > 0
                ? java.util.UUID.nameUUIDFromBytes((id + ":" + filledQty).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString()
                : null)
            .put("timestamp", time(millis));
        if (fillQty > 0) {
            data.put("price", WireJson.decimal(fillPrice)).put("qty", Long.toString(fillQty))
                .put("position_qty", Long.toString(positionQty));
        }
        data.set("order", toJson());
        return message.toString();
    }

    static String time(long millis) {
        return io.sentio.launcher.alpaca.AlpacaTime.newYorkMillis(millis);
    }

    /** A stable UUID-shaped asset id derived from the symbol. */
    static String assetId(String symbol) {
        return java.util.UUID.nameUUIDFromBytes(("asset:" + symbol).getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .toString();
    }
}
