package io.sentio.launcher.alpaca.exchange;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.WebSocket;
import okio.ByteString;

/**
 * The stand-in's account: market orders fill at the open of the symbol's next bar (after the order
 * arrived), reported when that bar is published, or, with {@code fillAtArrival}, at once at the open
 * of the minute the order arrives in when the symbol has a bar for it (the backtest's fill price with
 * zero slippage, for live-vs-backtest comparisons), else at the open of its next bar as that minute
 * starts; long positions only, cash account; day orders still open at the close expire. Faults may
 * split a fill in two ({@link FaultPlan#partialFills}) or cancel an order's rest after its first part.
 * Order events go to every trade_updates listener.
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

    /** Every client_order_id accepted, in arrival order. */
    synchronized List<String> clientOrderIds() {
        return List.copyOf(byClientId.keySet());
    }

    /** Submissions refused because their client_order_id was used before: a client sending an order twice. */
    synchronized int duplicateClientOrderIds() {
        return duplicateClientOrderIds;
    }

    synchronized HttpReply submit(String body) {
        OrderRequest req = OrderRequest.parse(body, tape.universe());
        if (req.error != null) {
            return req.error;
        }
        int symbol = req.symbol;
        String symbolName = req.symbolName;
        String clientId = req.clientOrderId;
        long qty = req.qty;
        if (byClientId.containsKey(clientId)) {
            duplicateClientOrderIds++;
            return HttpReply.error(422, 40010001, "client_order_id must be unique");
        }
        boolean buy = req.buy;
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
        o.cancelRest = received == faults.cancelRestOfNthOrder;
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
                fillNext(o, tape.open(symbol, arrivalBar), now);
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

    /**
     * GET /v2/orders as Alpaca answers it: {@code status} open (the default), closed or all;
     * {@code limit} 1..500 (default 50); newest first unless {@code direction=asc}.
     */
    synchronized HttpReply orders(String status, String limitParam, String direction) {
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
        JsonWriter w = new JsonWriter().beginArray();
        for (SimOrder o : chosen.subList(0, Math.min(limit, chosen.size()))) {
            o.write(w);
        }
        return HttpReply.ok(w.endArray().toString());
    }

    synchronized HttpReply account() {
        return HttpReply.ok(AccountJson.account(cash, buyingPower(), marketValue(clock.nowMillis()), INITIAL_CASH));
    }

    synchronized HttpReply positions() {
        long now = clock.nowMillis();
        JsonWriter w = new JsonWriter().beginArray();
        for (int s = 0; s < position.length; s++) {
            if (position[s] != 0) {
                AccountJson.position(w, tape.universe().symbol(s), position[s], position[s] - pendingSells(s),
                    costBasis[s], tape.lastCloseBefore(s, now / 1000 - 59));
            }
        }
        return HttpReply.ok(w.endArray().toString());
    }

    /** GET /v2/positions/{symbol}: 404 when nothing is held, as Alpaca answers. */
    synchronized HttpReply position(String symbolName) {
        int s = tape.universe().indexOf(symbolName);
        if (s < 0 || position[s] == 0) {
            return HttpReply.error(404, 40410000, "position does not exist");
        }
        JsonWriter w = new JsonWriter();
        AccountJson.position(w, symbolName, position[s], position[s] - pendingSells(s), costBasis[s],
            tape.lastCloseBefore(s, clock.nowMillis() / 1000 - 59));
        return HttpReply.ok(w.toString());
    }

    /** DELETE /v2/positions?cancel_orders=true: HTTP 207, one entry per symbol closed. */
    synchronized HttpReply closeAll(boolean cancelOrders) {
        long now = clock.nowMillis();
        if (cancelOrders) {
            for (SimOrder o : byId.values()) {
                if (o.open()) {
                    cancel(o, now);
                }
            }
        }
        JsonWriter w = new JsonWriter().beginArray();
        for (int s = 0; s < position.length; s++) {
            SimOrder o = closingOrder(s, now);
            if (o != null) {
                w.beginObject().field("symbol", o.symbolName).name("status").number(200).name("body");
                o.write(w);
                w.endObject();
            }
        }
        return new HttpReply(207, w.endArray().toString());
    }

    /** {@code DELETE /v2/positions/{symbol}}: the closing order, or 404 when nothing is held. */
    synchronized HttpReply closePosition(String symbolName) {
        int s = tape.universe().indexOf(symbolName);
        SimOrder o = s < 0 ? null : closingOrder(s, clock.nowMillis());
        if (o == null) {
            return HttpReply.error(404, 40410000, "position does not exist");
        }
        JsonWriter w = new JsonWriter();
        o.write(w);
        return new HttpReply(200, w.toString());
    }

    /** A market order selling what of symbol {@code s} is not already being sold; null if nothing is left. */
    private SimOrder closingOrder(int s, long now) {
        long available = position[s] - pendingSells(s);
        if (available <= 0) {
            return null;
        }
        SimOrder o = new SimOrder(nextId(), UUID.randomUUID().toString(), s, tape.universe().symbol(s), false,
            available, now);
        o.status = "new";
        byClientId.put(o.clientOrderId, o);
        byId.put(o.id, o);
        publish("new", o, 0, Double.NaN, now);
        return o;
    }

    /**
     * The bar of {@code minuteStart} is being published: fills open orders placed before that minute
     * whose symbol has a bar in it, at the bar's open (not under fill-at-arrival, whose orders fill as
     * a minute starts: {@link #onMinuteOpen}).
     */
    synchronized void onMinute(long minuteStart) {
        if (!fillAtArrival) {
            fillOpenOrders(minuteStart);
        }
    }

    /**
     * Minute {@code minuteStart} has begun: under fill-at-arrival, orders placed before it that are
     * still open (a partial fill's rest, or no bar in their arrival minute) fill at its open.
     */
    synchronized void onMinuteOpen(long minuteStart) {
        if (fillAtArrival) {
            fillOpenOrders(minuteStart);
        }
    }

    /**
     * The session has closed: market day orders still open (placed in the last minute, or a partial
     * fill's rest) expire, as Alpaca's do, with an {@code expired} trade update.
     */
    synchronized void onSessionClose(long closeEpochSecond) {
        long millis = closeEpochSecond * 1000L;
        for (SimOrder o : byId.values()) {
            if (o.open()) {
                o.status = "expired";
                o.expiredMillis = millis;
                o.updatedMillis = millis;
                publish("expired", o, 0, Double.NaN, millis);
            }
        }
    }

    private void fillOpenOrders(long minuteStart) {
        long fillMillis = minuteStart * 1000L;
        for (SimOrder o : byId.values()) {
            if (!o.open() || o.createdMillis >= fillMillis) {
                continue;
            }
            int i = tape.at(o.symbol, minuteStart);
            if (i >= 0) {
                fillNext(o, tape.open(o.symbol, i), fillMillis);
            }
        }
    }

    /** The order's next fill at {@code price}: half of it first under the partial-fill faults, the rest (or its cancel) next. */
    private void fillNext(SimOrder o, double price, long millis) {
        boolean split = (faults.partialFills || o.cancelRest) && o.qty > 1;
        if (o.filledQty == 0) {
            fill(o, split ? o.qty / 2 : o.qty, price, millis);
        } else if (o.cancelRest) {
            cancel(o, millis);
        } else {
            fill(o, o.qty - o.filledQty, price, millis);
        }
    }

    private void cancel(SimOrder o, long millis) {
        o.status = "canceled";
        o.canceledMillis = millis;
        o.updatedMillis = millis;
        publish("canceled", o, 0, Double.NaN, millis);
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

    private void publish(String event, SimOrder o, long qty, double price, long millis) {
        if (listeners.isEmpty()) {
            return;
        }
        String text = o.tradeUpdate(event, qty, price, position[o.symbol], millis);
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
