package io.sentio.launcher.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentio.core.market.Universe;
import io.sentio.launcher.alpaca.AlpacaJson;
import java.util.UUID;

/**
 * A {@code POST /v2/orders} body checked as Alpaca checks it, for what the stand-in supports (day
 * market orders): either the order's fields or, in {@link #error}, the answer refusing it.
 */
final class OrderRequest {
    final int symbol;
    final String symbolName;
    final boolean buy;
    final long qty;
    final String clientOrderId;
    final HttpReply error;

    private OrderRequest(int symbol, String symbolName, boolean buy, long qty, String clientOrderId, HttpReply error) {
        this.symbol = symbol;
        this.symbolName = symbolName;
        this.buy = buy;
        this.qty = qty;
        this.clientOrderId = clientOrderId;
        this.error = error;
    }

    private static OrderRequest refused(int status, long code, String message) {
        return new OrderRequest(-1, null, false, 0, null, HttpReply.error(status, code, message));
    }

    static OrderRequest parse(String body, Universe universe) {
        JsonNode req;
        try {
            req = AlpacaJson.object(body);
        } catch (Exception e) {
            return refused(400, 40010000, "request body format is invalid");
        }
        String symbolName = AlpacaJson.text(req, "symbol");
        int symbol = symbolName == null ? -1 : universe.indexOf(symbolName);
        if (symbol < 0) {
            return refused(422, 40010001, "asset \"" + symbolName + "\" not found");
        }
        String side = AlpacaJson.text(req, "side");
        if (!"buy".equals(side) && !"sell".equals(side)) {
            return refused(422, 40010001, "side must be buy or sell");
        }
        if (!"market".equals(AlpacaJson.text(req, "type"))) {
            return refused(422, 40010001, "the stand-in supports market orders only");
        }
        if (!"day".equals(AlpacaJson.text(req, "time_in_force"))) {
            return refused(422, 40010001, "the stand-in supports time_in_force day only");
        }
        long qty;
        try {
            qty = Long.parseLong(String.valueOf(AlpacaJson.text(req, "qty")));
        } catch (NumberFormatException e) {
            return refused(422, 40010001, "qty must be a whole number of shares");
        }
        if (qty <= 0) {
            return refused(422, 40010001, "qty must be > 0");
        }
        String clientId = AlpacaJson.text(req, "client_order_id");
        if (clientId == null || clientId.isEmpty()) {
            clientId = UUID.randomUUID().toString();
        } else if (clientId.length() > 128) {
            return refused(422, 40010001, "client_order_id must be at most 128 characters");
        }
        return new OrderRequest(symbol, symbolName, "buy".equals(side), qty, clientId, null);
    }
}
