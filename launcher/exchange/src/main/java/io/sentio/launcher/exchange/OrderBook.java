package io.sentio.launcher.exchange;

import com.fasterxml.jackson.databind.node.ArrayNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

/** The stand-in's orders in arrival order, found by id or by client_order_id. Not thread-safe: the broker's lock guards it. */
final class OrderBook {
    private final Map<String, SimOrder> byClientId = new LinkedHashMap<>();
    private final Map<String, SimOrder> byId = new LinkedHashMap<>();

    void add(SimOrder o) {
        byClientId.put(o.clientOrderId, o);
        byId.put(o.id, o);
    }

    boolean hasClientOrderId(String clientId) {
        return byClientId.containsKey(clientId);
    }

    SimOrder byClientOrderId(String clientId) {
        return clientId == null ? null : byClientId.get(clientId);
    }

    SimOrder byId(String id) {
        return byId.get(id);
    }

    int size() {
        return byId.size();
    }

    /** Every order, oldest first. */
    Collection<SimOrder> all() {
        return byId.values();
    }

    /** Every client_order_id accepted, in arrival order. */
    List<String> clientOrderIds() {
        return List.copyOf(byClientId.keySet());
    }

    /** Shares of {@code symbol} that open sell orders have yet to sell: not available to another sell. */
    long pendingSells(int symbol) {
        long n = 0;
        for (SimOrder o : byId.values()) {
            if (!o.buy && o.symbol == symbol && o.open()) {
                n += o.qty - o.filledQty;
            }
        }
        return n;
    }

    /** What the open buy orders' unfilled shares would cost at {@code price} per symbol. */
    double openBuyNotional(IntToDoubleFunction price) {
        double n = 0;
        for (SimOrder o : byId.values()) {
            if (o.buy && o.open()) {
                n += (o.qty - o.filledQty) * price.applyAsDouble(o.symbol);
            }
        }
        return n;
    }

    /**
     * GET /v2/orders as Alpaca answers it: {@code status} open (the default), closed or all;
     * {@code limit} 1..500 (default 50); newest first unless {@code direction=asc}.
     */
    HttpReply list(String status, String limitParam, String direction) {
        String st = status == null ? "open" : status;
        if (!st.equals("open") && !st.equals("closed") && !st.equals("all")) {
            return HttpReply.error(422, 42210000, "invalid status: must be open, closed or all");
        }
        int limit;
        try {
            limit = limitParam == null ? 50 : Integer.parseInt(limitParam);
        } catch (NumberFormatException e) {
            return HttpReply.error(422, 42210000, "invalid limit: " + limitParam);
        }
        if (limit < 1 || limit > 500) {
            return HttpReply.error(422, 42210000, "invalid limit: must be 1..500");
        }
        List<SimOrder> chosen = new ArrayList<>();
        for (SimOrder o : byId.values()) {
            if (st.equals("all") || o.open() == st.equals("open")) {
                chosen.add(o);
            }
        }
        if (!"asc".equals(direction)) {
            Collections.reverse(chosen);
        }
        ArrayNode page = WireJson.array();
        for (SimOrder o : chosen.subList(0, Math.min(limit, chosen.size()))) {
            page.add(o.toJson());
        }
        return HttpReply.ok(page.toString());
    }
}
