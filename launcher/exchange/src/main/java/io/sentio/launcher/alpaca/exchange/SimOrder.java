package io.sentio.launcher.alpaca.exchange;

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
    void write(JsonWriter w) {
        w.beginObject()
            .field("id", id)
            .field("client_order_id", clientOrderId)
            .field("created_at", time(createdMillis))
            .field("updated_at", time(updatedMillis))
            .field("submitted_at", time(createdMillis))
            .field("filled_at", filledMillis == 0 ? null : time(filledMillis))
            .field("expired_at", expiredMillis == 0 ? null : time(expiredMillis))
            .field("canceled_at", canceledMillis == 0 ? null : time(canceledMillis))
            .field("failed_at", failedMillis == 0 ? null : time(failedMillis))
            .field("replaced_at", null)
            .field("replaced_by", null)
            .field("replaces", null)
            .field("asset_id", assetId(symbolName))
            .field("symbol", symbolName)
            .field("asset_class", "us_equity")
            .field("notional", null)
            .field("qty", Long.toString(qty))
            .field("filled_qty", Long.toString(filledQty))
            .name("filled_avg_price").numberString(avgPrice())
            .field("order_class", "")
            .field("order_type", "market")
            .field("type", "market")
            .field("side", buy ? "buy" : "sell")
            .field("position_intent", buy ? "buy_to_open" : "sell_to_close")
            .field("time_in_force", "day")
            .field("limit_price", null)
            .field("stop_price", null)
            .field("status", status)
            .name("extended_hours").bool(false)
            .name("legs").nullValue()
            .field("trail_percent", null)
            .field("trail_price", null)
            .field("hwm", null)
            .endObject();
    }

    /**
     * A trade_updates message about this order: the event, and for a fill or partial fill that
     * execution's price and quantity and the position after it; the order object as it is now.
     */
    String tradeUpdate(String event, long fillQty, double fillPrice, long positionQty, long millis) {
        JsonWriter w = new JsonWriter().beginObject().field("stream", "trade_updates").name("data").beginObject()
            .field("event", event)
            .field("execution_id", fillQty > 0
                ? java.util.UUID.nameUUIDFromBytes((id + ":" + filledQty).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString()
                : null)
            .field("timestamp", time(millis));
        if (fillQty > 0) {
            w.name("price").numberString(fillPrice).field("qty", Long.toString(fillQty))
                .field("position_qty", Long.toString(positionQty));
        }
        w.name("order");
        write(w);
        return w.endObject().endObject().toString();
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
