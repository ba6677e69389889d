package io.sentio.launcher.exchange;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.WebSocket;
import okio.ByteString;

/**
 * The stand-in's broker: market orders fill at the open of the symbol's next bar (after the order
 * arrived), reported when that bar is published, or, with {@code fillAtArrival}, at once at the open
 * of the minute the order arrives in when the symbol has a bar for it (the backtest's fill price with
 * zero slippage, for live-vs-backtest comparisons), else at the open of its next bar as that minute
 * starts; long positions only, cash account; day orders still open at the close expire. Faults may
 * split a fill in two ({@link FaultPlan#partialFills}) or cancel an order's rest after its first part.
 * Order events go to every trade_updates listener.
 */
final class StandInBroker {
    private final SessionTape tape;
    private final ReplayClock clock;
    private final FaultPlan faults;
    private final boolean fillAtArrival;
    private final OrderBook orders = new OrderBook();
    private final SimAccount account;
    private final List<WebSocket> listeners = new CopyOnWriteArrayList<>();
    private final TradeUpdateGarbage garbage;
    private int received;
    private int duplicateClientOrderIds;
    private long idSequence;

    StandInBroker(SessionTape tape, ReplayClock clock, FaultPlan faults, boolean fillAtArrival) {
        this.tape = tape;
        this.clock = clock;
        this.faults = faults;
        this.fillAtArrival = fillAtArrival;
        this.account = new SimAccount(tape.universe().size());
        this.garbage = new TradeUpdateGarbage(faults.garbageEvery);
    }

    void addListener(WebSocket ws) {
        listeners.add(ws);
    }

    void removeListener(WebSocket ws) {
        listeners.remove(ws);
    }

    synchronized int orderCount() {
        return orders.size();
    }

    /** Every client_order_id accepted, in arrival order. */
    synchronized List<String> clientOrderIds() {
        return orders.clientOrderIds();
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
        if (orders.hasClientOrderId(req.clientOrderId)) {
            duplicateClientOrderIds++;
            return HttpReply.error(422, 40010001, "client_order_id must be unique");
        }
        long now = clock.nowMillis();
        long available = account.position(symbol) - orders.pendingSells(symbol);
        if (!req.buy && req.qty > available) {
            return HttpReply.error(403, 40310000, "insufficient qty available for order (requested: " + req.qty
                + ", available: " + available + ")");
        }
        double price = tape.lastCloseBefore(symbol, now / 1000 + 1);
        if (req.buy && !Double.isNaN(price) && req.qty * price > buyingPower()) {
            return HttpReply.error(403, 40310000, "insufficient buying power");
        }
        received++;
        SimOrder o = new SimOrder(nextId(), req.clientOrderId, symbol, req.symbolName, req.buy, req.qty, now);
        o.cancelRest = received == faults.cancelRestOfNthOrder;
        orders.add(o);
        boolean reject = req.symbolName.equals(faults.rejectSymbol) || received == faults.rejectNthOrder;
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
        return orderReply(orders.byClientOrderId(clientId));
    }

    synchronized HttpReply byId(String id) {
        return orderReply(orders.byId(id));
    }

    private HttpReply orderReply(SimOrder o) {
        return o == null ? HttpReply.error(404, 40410000, "order not found") : HttpReply.ok(json(o));
    }

    /** GET /v2/orders: see {@link OrderBook#list}. */
    synchronized HttpReply orders(String status, String limit, String direction) {
        return orders.list(status, limit, direction);
    }

    synchronized HttpReply account() {
        return HttpReply.ok(AccountJson.account(account.cash(), buyingPower(), marketValue(clock.nowMillis()),
            SimAccount.INITIAL_CASH));
    }

    synchronized HttpReply positions() {
        long now = clock.nowMillis();
        ArrayNode positions = WireJson.array();
        for (int s = 0; s < account.symbols(); s++) {
            if (account.position(s) != 0) {
                positions.add(position(s, now));
            }
        }
        return HttpReply.ok(positions.toString());
    }

    /** GET /v2/positions/{symbol}: 404 when nothing is held, as Alpaca answers. */
    synchronized HttpReply position(String symbolName) {
        int s = tape.universe().indexOf(symbolName);
        if (s < 0 || account.position(s) == 0) {
            return HttpReply.error(404, 40410000, "position does not exist");
        }
        return HttpReply.ok(position(s, clock.nowMillis()).toString());
    }

    /** Marked at the close of the last completed minute, as Alpaca marks positions intraday. */
    private ObjectNode position(int s, long nowMillis) {
        long held = account.position(s);
        return AccountJson.position(tape.universe().symbol(s), held, held - orders.pendingSells(s),
            account.costBasis(s), tape.lastCloseBefore(s, nowMillis / 1000 - 59));
    }

    /** DELETE /v2/positions?cancel_orders=true: HTTP 207, one entry per symbol closed. */
    synchronized HttpReply closeAll(boolean cancelOrders) {
        long now = clock.nowMillis();
        if (cancelOrders) {
            for (SimOrder o : orders.all()) {
                if (o.open()) {
                    cancel(o, now);
                }
            }
        }
        ArrayNode closed = WireJson.array();
        for (int s = 0; s < account.symbols(); s++) {
            SimOrder o = closingOrder(s, now);
            if (o != null) {
                closed.addObject().put("symbol", o.symbolName).put("status", 200).set("body", o.toJson());
            }
        }
        return new HttpReply(207, closed.toString());
    }

    /** {@code DELETE /v2/positions/{symbol}}: the closing order, or 404 when nothing is held. */
    synchronized HttpReply closePosition(String symbolName) {
        int s = tape.universe().indexOf(symbolName);
        SimOrder o = s < 0 ? null : closingOrder(s, clock.nowMillis());
        if (o == null) {
            return HttpReply.error(404, 40410000, "position does not exist");
        }
        return new HttpReply(200, o.toJson().toString());
    }

    /** A market order selling what of symbol {@code s} is not already being sold; null if nothing is left. */
    private SimOrder closingOrder(int s, long now) {
        long available = account.position(s) - orders.pendingSells(s);
        if (available <= 0) {
            return null;
        }
        String id = nextId();
        SimOrder o = new SimOrder(id, id, s, tape.universe().symbol(s), false, available, now);
        o.status = "new";
        orders.add(o);
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
        for (SimOrder o : orders.all()) {
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
        for (SimOrder o : orders.all()) {
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
        account.apply(o.buy, o.symbol, qty, price);
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

    /** Cash less what open buys would cost at the last close: a cash account cannot spend the same dollar twice. */
    private double buyingPower() {
        long second = clock.nowMillis() / 1000;
        return account.cash() - orders.openBuyNotional(s -> tape.lastCloseBefore(s, second + 1));
    }

    private double marketValue(long nowMillis) {
        return account.marketValue(s -> tape.lastCloseBefore(s, nowMillis / 1000 - 59));
    }

    private void publish(String event, SimOrder o, long qty, double price, long millis) {
        if (listeners.isEmpty()) {
            return;
        }
        String text = o.tradeUpdate(event, qty, price, account.position(o.symbol), millis);
        ByteString frame = ByteString.encodeUtf8(text);
        ByteString junk = garbage.afterRealUpdate();
        for (WebSocket ws : listeners) {
            ws.send(frame);
            if (junk != null) {
                ws.send(junk);
            }
        }
    }

    private String json(SimOrder o) {
        return o.toJson().toString();
    }

    private String nextId() {
        return UUID.nameUUIDFromBytes(("order:" + (++idSequence)).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Positions for tests and the exit summary. */
    synchronized List<String> positionSummary() {
        return account.summary(tape.universe());
    }
}
