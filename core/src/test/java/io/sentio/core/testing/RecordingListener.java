package io.sentio.core.testing;

import io.sentio.core.execution.FillBatch;
import io.sentio.core.execution.OrderBatch;
import io.sentio.core.execution.OrderReason;
import io.sentio.core.pipeline.PipelineEvent;
import io.sentio.core.pipeline.TradeListener;
import io.sentio.core.time.SessionCalendar;
import java.util.ArrayList;
import java.util.List;

/** Copies every order and fill out of the reused events, as lines a test can compare. */
public final class RecordingListener implements TradeListener {
    /** One order or fill, with the session minute of the bar set it appeared on. */
    public static final class Entry {
        public final long day;
        public final int minute;
        public final int symbol;
        public final long quantity;
        public final int reason;
        /** 0 for an order, else {@link FillBatch#FILLED} or {@link FillBatch#CANCELLED}. */
        public final int fillStatus;
        public final double price;
        public final long orderEpochSecond;

        Entry(long day, int minute, int symbol, long quantity, int reason, int fillStatus, double price, long orderTime) {
            this.day = day;
            this.minute = minute;
            this.symbol = symbol;
            this.quantity = quantity;
            this.reason = reason;
            this.fillStatus = fillStatus;
            this.price = price;
            this.orderEpochSecond = orderTime;
        }

        @Override
        public String toString() {
            String kind = fillStatus == 0 ? "order" : fillStatus == FillBatch.FILLED ? "fill" : "cancel";
            return kind + " day=" + day + " m=" + minute + " sym=" + symbol + " qty=" + quantity + " "
                + OrderReason.name(reason) + (fillStatus == FillBatch.FILLED ? " px=" + price : "");
        }
    }

    public final List<Entry> orders = new ArrayList<>();
    public final List<Entry> fills = new ArrayList<>();
    public final List<Double> sessionReturns = new ArrayList<>();

    @Override
    public void onOrders(PipelineEvent ev) {
        OrderBatch o = ev.orders;
        for (int i = 0; i < o.count(); i++) {
            orders.add(new Entry(ev.received.nyEpochDay, ev.received.sessionMinute, o.symbol(i), o.quantity(i), o.reason(i),
                0, Double.NaN, ev.received.epochSecond));
        }
    }

    @Override
    public void onFills(PipelineEvent ev) {
        FillBatch f = ev.fills;
        for (int i = 0; i < f.count(); i++) {
            fills.add(new Entry(ev.received.nyEpochDay, ev.received.sessionMinute, f.symbol(i), f.quantity(i), f.reason(i),
                f.status(i), f.price(i), f.orderEpochSecond(i)));
        }
    }

    @Override
    public void onSessionEnd(PipelineEvent ev) {
        sessionReturns.add(ev.sessionReturn);
    }

    public List<Entry> ordersFor(int symbol) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : orders) {
            if (e.symbol == symbol) {
                out.add(e);
            }
        }
        return out;
    }

    public String transcript() {
        StringBuilder sb = new StringBuilder();
        for (Entry e : orders) {
            sb.append(e).append('\n');
        }
        for (Entry e : fills) {
            sb.append(e).append('\n');
        }
        return sb.toString();
    }
}
