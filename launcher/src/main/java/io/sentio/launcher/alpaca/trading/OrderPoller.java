package io.sentio.launcher.alpaca.trading;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Polling fallback for trade updates: looks up each tracked order by client order id and turns every
 * change of status or filled quantity into a {@link TradeUpdate}; terminal orders stop being tracked.
 */
public final class OrderPoller {
    private final Broker broker;
    private final TradeUpdateListener listener;
    private final Map<String, OrderReport> tracked = new LinkedHashMap<>();

    public OrderPoller(Broker broker, TradeUpdateListener listener) {
        this.broker = broker;
        this.listener = listener;
    }

    /**
     * Tracks an order from its submit answer on. The baseline is "nothing reported yet", not the
     * answer: a broker that filled the order before answering (the stand-in under fill-at-arrival)
     * would otherwise never have that fill reported.
     */
    public synchronized void track(OrderReport order) {
        tracked.put(order.clientOrderId, new OrderReport(order.id, order.clientOrderId, order.symbol, order.side,
            order.qty, 0, Double.NaN, "new"));
    }

    public synchronized int tracked() {
        return tracked.size();
    }

    /** One round of lookups; call it on a timer while the trade_updates stream is down. */
    public synchronized void pollOnce() throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>(tracked.keySet());
        for (String id : ids) {
            OrderReport before = tracked.get(id);
            OrderReport now = broker.orderByClientOrderId(id);
            if (now == null) {
                continue;
            }
            if (!now.status.equals(before.status) || now.filledQty != before.filledQty) {
                long delta = now.filledQty - before.filledQty;
                listener.onTradeUpdate(new TradeUpdate(event(now), now, delta,
                    delta > 0 ? fillPrice(before, now, delta) : Double.NaN));
            }
            if (now.isTerminal()) {
                tracked.remove(id);
            } else {
                tracked.put(id, now);
            }
        }
    }

    /** Price of the newly filled shares, recovered from the change of the average fill price. */
    private static double fillPrice(OrderReport before, OrderReport now, long delta) {
        double paidBefore = before.filledQty == 0 ? 0 : before.filledQty * before.filledAvgPrice;
        return (now.filledQty * now.filledAvgPrice - paidBefore) / delta;
    }

    /** The trade_updates event that brings an order to the state {@code o} reports. */
    public static String event(OrderReport o) {
        switch (o.status) {
            case "filled": return "fill";
            case "partially_filled": return "partial_fill";
            case "accepted": case "pending_new": return "new";
            default: return o.status;
        }
    }
}
