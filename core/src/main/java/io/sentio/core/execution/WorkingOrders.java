package io.sentio.core.execution;

import io.sentio.core.market.BarSet;
import io.sentio.core.state.StateCodec;
import io.sentio.core.state.Stateful;

/**
 * Orders sent but not yet filled or cancelled, at most one per symbol, owned by the portfolio
 * stage. Matching walks symbols in index order so fills are applied deterministically.
 */
public final class WorkingOrders implements Stateful {
    private final long[] quantity;
    private final int[] reason;
    private final long[] sequence;
    private final long[] decidedEpochSecond;
    private final long[] decidedDay;
    private final boolean[] staleAtDecision;
    private final ExecutionVenue.FillPrice price = new ExecutionVenue.FillPrice();
    private int count;

    public WorkingOrders(int symbols) {
        quantity = new long[symbols];
        reason = new int[symbols];
        sequence = new long[symbols];
        decidedEpochSecond = new long[symbols];
        decidedDay = new long[symbols];
        staleAtDecision = new boolean[symbols];
    }

    public boolean has(int symbol) {
        return quantity[symbol] != 0;
    }

    public long quantity(int symbol) {
        return quantity[symbol];
    }

    /** Run-wide order sequence of the symbol's working order (meaningful while {@link #has}). */
    public long sequence(int symbol) {
        return sequence[symbol];
    }

    /** Start second of the bar set that decided the symbol's working order (meaningful while {@link #has}). */
    public long decidedEpochSecond(int symbol) {
        return decidedEpochSecond[symbol];
    }

    public int reason(int symbol) {
        return reason[symbol];
    }

    public int count() {
        return count;
    }

    public void add(int symbol, long qty, int why, long seq, long epochSecond, long nyEpochDay, boolean stale) {
        if (qty == 0 || quantity[symbol] != 0) {
            throw new IllegalStateException("symbol " + symbol + " already has a working order or zero quantity");
        }
        quantity[symbol] = qty;
        reason[symbol] = why;
        sequence[symbol] = seq;
        decidedEpochSecond[symbol] = epochSecond;
        decidedDay[symbol] = nyEpochDay;
        staleAtDecision[symbol] = stale;
        count++;
    }

    /**
     * Matches every working order against this bar set; fills and cancels go to {@code out} and
     * leave the book. Orders of an earlier session are cancelled first: they are DAY orders.
     */
    public void match(ExecutionVenue venue, BarSet received, boolean[] stale, FillBatch out) {
        match(venue, received.nyEpochDay, received, stale, out);
    }

    /**
     * Settles, without a bar set, the orders of session {@code nyEpochDay} whose final report is in:
     * after a session's last bar set no bar set would. Only for a venue that settles from reports
     * ({@link ReportedVenue}), which reads no bar.
     */
    public void matchReported(ReportedVenue venue, long nyEpochDay, FillBatch out) {
        match(venue, nyEpochDay, null, null, out);
    }

    private void match(ExecutionVenue venue, long nyEpochDay, BarSet received, boolean[] stale, FillBatch out) {
        if (count == 0) {
            return;
        }
        for (int s = 0; s < quantity.length; s++) {
            long qty = quantity[s];
            if (qty == 0) {
                continue;
            }
            price.orderSequence = sequence[s];
            price.quantity = qty;
            int status = decidedDay[s] != nyEpochDay
                ? FillBatch.CANCELLED
                : venue.match(s, qty, staleAtDecision[s], received, stale, price);
            if (status == ExecutionVenue.WAITING) {
                continue;
            }
            if (status == FillBatch.FILLED) {
                out.add(s, status, price.quantity, price.price, price.commission, sequence[s], decidedEpochSecond[s], reason[s]);
            } else {
                out.add(s, status, 0L, Double.NaN, 0.0, sequence[s], decidedEpochSecond[s], reason[s]);
            }
            quantity[s] = 0;
            count--;
        }
    }

    @Override
    public void visit(StateCodec c) {
        count = c.i(count);
        c.longs(quantity);
        c.ints(reason);
        c.longs(sequence);
        c.longs(decidedEpochSecond);
        c.longs(decidedDay);
        c.booleans(staleAtDecision);
    }
}
