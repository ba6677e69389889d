package io.sentio.launcher.alpaca.trading;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Polling fallback for trade updates: looks up each tracked order by client order id and turns every
 * change of status or filled quantity into a {@link TradeUpdate}; terminal orders stop being tracked.
 * What the listener already learnt from the stream is {@link #observe observed}, so a poll reports
 * only what the stream did not deliver (while it was down, or reconnecting).
 */
public final class OrderPoller {
    private final Broker broker;
    private final TradeUpdateListener listener;
    /** Open orders, with the last state the listener knows of. */
    private final Map<String, OrderReport> tracked = new LinkedHashMap<>();
    /** Orders whose final state the listener knows: never tracked (or reported) again. */
    private final Set<String> finished = new HashSet<>();

    public OrderPoller(Broker broker, TradeUpdateListener listener) {
        this.broker = broker;
        this.listener = listener;
    }

    /**
     * Tracks an order from its submit answer on. The baseline is "nothing reported yet", not the
     * answer: a broker that filled the order before answering (the stand-in under fill-at-arrival)
     * would otherwise never have that fill reported. An update observed before the answer came back
     * stays the baseline.
     */
    public synchronized void track(OrderReport order) {
        if (!finished.contains(order.clientOrderId)) {
            tracked.putIfAbsent(order.clientOrderId, unreported(order));
        }
    }

    /**
     * The listener learnt {@code now} (from the stream): it becomes the order's baseline. Returns
     * whether it is news, a change of status or filled quantity from what the listener knew; a
     * stale state (less filled, or after the final one) is not, and changes nothing.
     */
    public synchronized boolean observe(OrderReport now) {
        String id = now.clientOrderId;
        if (finished.contains(id)) {
            return false;
        }
        OrderReport before = tracked.getOrDefault(id, unreported(now));
        if (now.filledQty < before.filledQty) {
            return false;
        }
        settle(now);
        return !now.status.equals(before.status) || now.filledQty != before.filledQty;
    }

    /** Orders still followed (not known to be final). */
    public synchronized int tracked() {
        return tracked.size();
    }

    /** One round of lookups; call it on a timer while the trade_updates stream is down, and once after it is back. */
    public synchronized void pollOnce() throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>(tracked.keySet());
        for (String id : ids) {
            OrderReport now = broker.orderByClientOrderId(id);
            OrderReport before = tracked.get(id);
            if (now == null || before == null) {
                continue;
            }
            if (!now.status.equals(before.status) || now.filledQty != before.filledQty) {
                long delta = now.filledQty - before.filledQty;
                listener.onTradeUpdate(new TradeUpdate(event(now), now, delta,
                    delta > 0 ? fillPrice(before, now, delta) : Double.NaN));
            }
            settle(now);
        }
    }

    private void settle(OrderReport now) {
        if (now.isTerminal()) {
            tracked.remove(now.clientOrderId);
            finished.add(now.clientOrderId);
        } else {
            tracked.put(now.clientOrderId, now);
        }
    }

    private static OrderReport unreported(OrderReport o) {
        return new OrderReport(o.id, o.clientOrderId, o.symbol, o.side, o.qty, 0, Double.NaN, "new");
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
