package io.sentio.core.execution;

/**
 * The matching half of a live venue: working orders are settled from execution reports that came
 * through the ring, never from bar prices. Owned by the portfolio stage (reports and matches run
 * on its thread, in ring order), so a replay of the same events settles the same orders at the
 * same bar sets.
 *
 * <p>An order settles at the first bar set after its terminal report: filled (all or, if it was
 * cancelled part-way, the part filled) at the average fill price, or cancelled when nothing
 * filled (a rejection frees the slot this way). Partial reports are kept until the terminal one:
 * the portfolio applies each order once, whole.
 */
public final class ReportedFills {
    private final long[] sequence;
    private final boolean[] terminal;
    private final long[] filled;
    private final double[] price;
    private long ignored;

    public ReportedFills(int symbols) {
        sequence = new long[symbols];
        terminal = new boolean[symbols];
        filled = new long[symbols];
        price = new double[symbols];
        java.util.Arrays.fill(sequence, -1L);
    }

    /** Records a report about an order of this run; a report of an order no longer tracked is counted and dropped. */
    public void record(ExecutionReport r) {
        int s = r.symbol;
        if (r.status == ExecutionReport.ADOPTED || s < 0 || s >= sequence.length) {
            ignored++;
            return;
        }
        if (sequence[s] != r.orderSequence) {
            if (sequence[s] >= 0 && r.orderSequence < sequence[s]) {
                ignored++;
                return;
            }
            sequence[s] = r.orderSequence;
            terminal[s] = false;
            filled[s] = 0;
            price[s] = Double.NaN;
        }
        if (terminal[s]) {
            ignored++;
            return;
        }
        filled[s] = Math.max(filled[s], r.filledQuantity);
        if (r.filledQuantity > 0) {
            price[s] = r.averagePrice;
        }
        terminal[s] = r.terminal();
    }

    /**
     * Settles the working order {@code orderSequence} of {@code symbol} (signed {@code quantity}) if
     * its terminal report is in; fills {@code out} (its quantity signed like the order).
     */
    public int match(int symbol, long orderSequence, long quantity, ExecutionVenue.FillPrice out) {
        if (sequence[symbol] != orderSequence || !terminal[symbol]) {
            return ExecutionVenue.WAITING;
        }
        sequence[symbol] = -1L;
        terminal[symbol] = false;
        long qty = Math.min(filled[symbol], Math.abs(quantity));
        if (qty == 0) {
            return FillBatch.CANCELLED;
        }
        out.quantity = quantity > 0 ? qty : -qty;
        out.price = price[symbol];
        out.commission = 0.0;
        return FillBatch.FILLED;
    }

    /** Sequence of the order of {@code symbol} with reports recorded but not yet settled, or -1. */
    public long pendingSequence(int symbol) {
        return sequence[symbol];
    }

    /** Whether the final report of order {@code orderSequence} of {@code symbol} is in, not yet settled. */
    public boolean terminal(int symbol, long orderSequence) {
        return sequence[symbol] == orderSequence && terminal[symbol];
    }

    /** Shares reported filled (cumulative, unsigned) on {@link #pendingSequence}'s order. */
    public long pendingFilled(int symbol) {
        return sequence[symbol] < 0 ? 0 : filled[symbol];
    }

    /** Reports that named no tracked order (late duplicates, or orders of an earlier run). */
    public long ignored() {
        return ignored;
    }
}
