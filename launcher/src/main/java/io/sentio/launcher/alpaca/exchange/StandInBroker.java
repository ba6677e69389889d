package io.sentio.launcher.alpaca.exchange;

import io.sentio.launcher.alpaca.JsonTree;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.WebSocket;
import okio.ByteString;

/**
 * The stand-in's account: market orders fill at the open of the symbol's next bar (after the order
 * arrived), or, with {@code fillAtArrival}, at once at the open of the minute the order arrives in
 * when the symbol has a bar for it (the backtest's fill price with zero slippage, for live-vs-backtest
 * comparisons); long positions only, cash account. Order events go to every trade_updates listener.
 */
final class StandInBroker {
    static final double INITIAL_CASH = 100_000.0;
    private final SessionTape tape;
    private final ReplayClock clock;
    private final FaultPlan faults;
    private final boolean fillAtArrival;
    private final Map<String, SimOrder> byClientId = new LinkedHashMap<>();
    private final Map<String, SimOrder> byId = new LinkedHashMap<>();
    private final long[] position;
    private final double[] costBasis;
    private final List<WebSocket> listeners = new CopyOnWriteArrayList<>();
    private double cash = INITIAL_CASH;
    private int received;
    private int duplicateClientOrderIds;
    private long idSequence;

    StandInBroker(SessionTape tape, ReplayClock clock, FaultPlan faults, boolean fillAtArrival) {
        this.tape = tape;
        this.clock = clock;
        this.faults = faults;
        this.fillAtArrival = fillAtArrival;
        this.position = new long[tape.universe().size()];
        this.costBasis = new double[tape.universe().size()];
    }

    void addListener(WebSocket ws) {
        listeners.add(ws);
    }

    void removeListener(WebSocket ws) {
        listeners.remove(ws);
    }

    synchronized int orderCount() {
        return byId.size();
    }

    /** Submissions refused because their client_order_id was used before: a client sending an order twice. */
    synchronized int duplicateClientOrderIds() {
        return duplicateClientOrderIds;
    }

    synchronized HttpReply submit(String body) {
        Map<String, Object> req;
        try {
            req = JsonTree.object(body);
        } catch (Exception e) {
            return HttpReply.error(400, 40010000, "request body format is invalid");
        }
        String symbolName = JsonTree.str(req, "symbol");
        int symbol = symbolName == null ? -1 : tape.universe().indexOf(symbolName);
        if (symbol < 0) {
            return HttpReply.error(422, 40010001, "asset \"" + symbolName + "\" not found");
        }
        String side = JsonTree.str(req, "side");
        if (!"buy".equals(side) && !"sell".equals(side)) {
            return HttpReply.error(422, 40010001, "side must be buy or sell");
        }
        if (!"market".equals(JsonTree.str(req, "type"))) {
            return HttpReply.error(422, 40010001, "the stand-in supports market orders only");
        }
        if (!"day".equals(JsonTree.str(req, "time_in_force"))) {
            return HttpReply.error(422, 40010001, "the stand-in supports time_in_force day only");
        }
        long qty;
        try {
            qty = Long.parseLong(String.valueOf(JsonTree.str(req, "qty")));
        } catch (NumberFormatException e) {
            return HttpReply.error(422, 40010001, "qty must be a whole number of shares");
        }
        if (qty <= 0) {
            return HttpReply.error(422, 40010001, "qty must be > 0");
        }
        String clientId = JsonTree.str(req, "client_order_id");
        if (clientId == null || clientId.isEmpty()) {
            clientId = UUID.randomUUID().toString();
        } else if (clientId.length() > 128) {
            return HttpReply.error(422, 40010001, "client_order_id must be at most 128 characters");
        }
        if (byClientId.containsKey(clientId)) {
            duplicateClientOrderIds++;
            return HttpReply.error(422, 40010001, "client_order_id must be unique");
        }
        boolean buy = "buy".equals(side);
        long now = clock.nowMillis();
        if (!buy && qty > position[symbol] - pendingSells(symbol)) {
            return HttpReply.error(403, 40310000, "insufficient qty available for order (requested: " + qty
                + ", available: " + (position[symbol] - pendingSells(symbol)) + ")");
        }
        double price = tape.lastCloseBefore(symbol, now / 1000 + 1);
        if (buy && !Double.isNaN(price) && qty * price > buyingPower()) {
            return HttpReply.error(403, 40310000, "insufficient buying power");
        }
        received++;
        SimOrder o = new SimOrder(nextId(), clientId, symbol, symbolName, buy, qty, now);
        byClientId.put(clientId, o);
        byId.put(o.id, o);
        boolean reject = symbolName.equals(faults.rejectSymbol) || received == faults.rejectNthOrder;
        if (reject) {
            o.status = "rejected";
            o.failedMillis = now;
            publish("rejected", o, 0, Double.NaN, now);
        } else {
            o.status = "new";
            publish("new", o, 0, Double.NaN, now);
            int arrivalBar = fillAtArrival ? tape.at(symbol, Math.floorDiv(now, 60_000L) * 60) : -1;
            if (arrivalBar >= 0) {
                fill(o, faults.partialFills && qty > 1 ? qty / 2 : qty, tape.open(symbol, arrivalBar), now);
            }
        }
        if (received == faults.loseAckOfNthOrder) {
            return HttpReply.LOST;
        }
        return HttpReply.ok(json(o));
    }

    synchronized HttpReply byClientOrderId(String clientId) {
        SimOrder o = clientId == null ? null : byClientId.get(clientId);
        return o == null ? HttpReply.error(404, 40410000, "order not found") : HttpReply.ok(json(o));
    }

    synchronized HttpReply byId(String id) {
        SimOrder o = byId.get(id);
        return o == null ? HttpReply.error(404, 40410000, "order not found") : HttpReply.ok(json(o));
    }

    synchronized HttpReply orders() {
        JsonWriter w = new JsonWriter().beginArray();
        for (SimOrder o : byId.values()) {
            o.write(w);
        }
        return HttpReply.ok(w.endArray().toString());
    }

    synchronized HttpReply account() {
        long now = clock.nowMillis();
        double longValue = marketValue(now);
        JsonWriter w = new JsonWriter().beginObject()
            .field("id", SimOrder.assetId("account"))
            .field("account_number", "PA0STANDIN")
            .field("status", "ACTIVE")
            .field("crypto_status", "INACTIVE")
            .field("currency", "USD")
            .name("buying_power").numberString(round2(buyingPower()))
            .name("regt_buying_power").numberString(round2(buyingPower()))
            .name("daytrading_buying_power").numberString(0)
            .name("non_marginable_buying_power").numberString(round2(buyingPower()))
            .name("cash").numberString(round2(cash))
            .name("portfolio_value").numberString(round2(cash + longValue))
            .name("equity").numberString(round2(cash + longValue))
            .name("last_equity").numberString(INITIAL_CASH)
            .name("long_market_value").numberString(round2(longValue))
            .name("short_market_value").numberString(0)
            .name("initial_margin").numberString(0)
            .name("maintenance_margin").numberString(0)
            .field("multiplier", "1")
            .name("pattern_day_trader").bool(false)
            .name("trading_blocked").bool(false)
            .name("transfers_blocked").bool(false)
            .name("account_blocked").bool(false)
            .name("shorting_enabled").bool(false)
            .name("trade_suspended_by_user").bool(false)
            .name("daytrade_count").number(0)
            .field("created_at", SimOrder.time(0))
            .endObject();
        return HttpReply.ok(w.toString());
    }

    synchronized HttpReply positions() {
        long now = clock.nowMillis();
        JsonWriter w = new JsonWriter().beginArray();
        for (int s = 0; s < position.length; s++) {
            if (position[s] != 0) {
                writePosition(w, s, now);
            }
        }
        return HttpReply.ok(w.endArray().toString());
    }

    /** DELETE /v2/positions?cancel_orders=true: HTTP 207, one entry per symbol closed. */
    synchronized HttpReply closeAll(boolean cancelOrders) {
        long now = clock.nowMillis();
        if (cancelOrders) {
            for (SimOrder o : byId.values()) {
                if (o.open()) {
                    o.status = "canceled";
                    o.canceledMillis = now;
                    o.updatedMillis = now;
                    publish("canceled", o, 0, Double.NaN, now);
                }
            }
        }
        JsonWriter w = new JsonWriter().beginArray();
        for (int s = 0; s < position.length; s++) {
            long available = position[s] - pendingSells(s);
            if (available > 0) {
                SimOrder o = new SimOrder(nextId(), UUID.randomUUID().toString(), s, tape.universe().symbol(s), false,
                    available, now);
                o.status = "new";
                byClientId.put(o.clientOrderId, o);
                byId.put(o.id, o);
                publish("new", o, 0, Double.NaN, now);
                w.beginObject().field("symbol", o.symbolName).name("status").number(200).name("body");
                o.write(w);
                w.endObject();
            }
        }
        return new HttpReply(207, w.endArray().toString());
    }

    /** Fills open orders of symbols that have a bar at {@code minuteStart}, at that bar's open. */
    synchronized void onMinute(long minuteStart) {
        long fillMillis = minuteStart * 1000L;
        for (SimOrder o : byId.values()) {
            if (!o.open() || o.createdMillis >= fillMillis) {
                continue;
            }
            int i = tape.at(o.symbol, minuteStart);
            if (i < 0) {
                continue;
            }
            long remaining = o.qty - o.filledQty;
            long fill = faults.partialFills && o.filledQty == 0 && o.qty > 1 ? o.qty / 2 : remaining;
            fill(o, fill, tape.open(o.symbol, i), fillMillis);
        }
    }

    private void fill(SimOrder o, long qty, double price, long millis) {
        int s = o.symbol;
        if (o.buy) {
            position[s] += qty;
            costBasis[s] += qty * price;
            cash -= qty * price;
        } else {
            costBasis[s] = position[s] == qty ? 0 : costBasis[s] * (position[s] - qty) / position[s];
            position[s] -= qty;
            cash += qty * price;
        }
        o.filledQty += qty;
        o.filledValue += qty * price;
        o.updatedMillis = millis;
        boolean complete = o.filledQty == o.qty;
        o.status = complete ? "filled" : "partially_filled";
        if (complete) {
            o.filledMillis = millis;
        }
        publish(complete ? "fill" : "partial_fill", o, qty, price, millis);
    }

    private long pendingSells(int symbol) {
        long n = 0;
        for (SimOrder o : byId.values()) {
            if (!o.buy && o.symbol == symbol && o.open()) {
                n += o.qty - o.filledQty;
            }
        }
        return n;
    }

    private double buyingPower() {
        double reserved = 0;
        long now = clock.nowMillis();
        for (SimOrder o : byId.values()) {
            if (o.buy && o.open()) {
                reserved += (o.qty - o.filledQty) * tape.lastCloseBefore(o.symbol, now / 1000 + 1);
            }
        }
        return cash - reserved;
    }

    private double marketValue(long nowMillis) {
        double v = 0;
        for (int s = 0; s < position.length; s++) {
            if (position[s] != 0) {
                v += position[s] * tape.lastCloseBefore(s, nowMillis / 1000 - 59);
            }
        }
        return v;
    }

    private void writePosition(JsonWriter w, int s, long now) {
        double price = tape.lastCloseBefore(s, now / 1000 - 59);
        double avg = costBasis[s] / position[s];
        double value = position[s] * price;
        String symbol = tape.universe().symbol(s);
        w.beginObject()
            .field("asset_id", SimOrder.assetId(symbol))
            .field("symbol", symbol)
            .field("exchange", "ARCA")
            .field("asset_class", "us_equity")
            .name("asset_marginable").bool(false)
            .field("qty", Long.toString(position[s]))
            .field("qty_available", Long.toString(position[s] - pendingSells(s)))
            .name("avg_entry_price").numberString(avg)
            .field("side", "long")
            .name("market_value").numberString(round2(value))
            .name("cost_basis").numberString(round2(costBasis[s]))
            .name("unrealized_pl").numberString(round2(value - costBasis[s]))
            .name("unrealized_plpc").numberString((value - costBasis[s]) / costBasis[s])
            .name("unrealized_intraday_pl").numberString(round2(value - costBasis[s]))
            .name("unrealized_intraday_plpc").numberString((value - costBasis[s]) / costBasis[s])
            .name("current_price").numberString(price)
            .name("lastday_price").numberString(price)
            .name("change_today").numberString(0)
            .endObject();
    }

    private void publish(String event, SimOrder o, long qty, double price, long millis) {
        if (listeners.isEmpty()) {
            return;
        }
        JsonWriter w = new JsonWriter().beginObject().field("stream", "trade_updates").name("data").beginObject()
            .field("event", event)
            .field("execution_id", qty > 0 ? UUID.nameUUIDFromBytes((o.id + ":" + o.filledQty).getBytes(StandardCharsets.UTF_8)).toString() : null)
            .field("timestamp", SimOrder.time(millis));
        if (qty > 0) {
            w.name("price").numberString(price).field("qty", Long.toString(qty))
                .field("position_qty", Long.toString(position[o.symbol]));
        }
        w.name("order");
        o.write(w);
        String text = w.endObject().endObject().toString();
        ByteString frame = ByteString.encodeUtf8(text);
        for (WebSocket ws : listeners) {
            ws.send(frame);
        }
    }

    private String json(SimOrder o) {
        JsonWriter w = new JsonWriter();
        o.write(w);
        return w.toString();
    }

    private String nextId() {
        return UUID.nameUUIDFromBytes(("order:" + (++idSequence)).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static double round2(double v) {
        return Math.round(v * 100.0) / 100.0;
    }

    /** Positions for tests and the exit summary. */
    synchronized List<String> positionSummary() {
        List<String> out = new ArrayList<>();
        for (int s = 0; s < position.length; s++) {
            if (position[s] != 0) {
                out.add(tape.universe().symbol(s) + "=" + position[s]);
            }
        }
        return out;
    }
}
