package io.sentio.core.execution;

/**
 * The market orders decided on one bar set, in decision order: fixed capacity (at most one order
 * per symbol per bar set), primitive arrays, reused. Quantity is signed: positive buys, negative sells.
 */
public final class OrderBatch {
    private final int[] symbol;
    private final long[] quantity;
    private final int[] reason;
    private final long[] sequence;
    private int count;

    public OrderBatch(int capacity) {
        symbol = new int[capacity];
        quantity = new long[capacity];
        reason = new int[capacity];
        sequence = new long[capacity];
    }

    public void clear() {
        count = 0;
    }

    public void add(int sym, long qty, int why, long seq) {
        if (count == symbol.length) {
            throw new IllegalStateException("order batch full at " + count + " orders");
        }
        symbol[count] = sym;
        quantity[count] = qty;
        reason[count] = why;
        sequence[count] = seq;
        count++;
    }

    public int count() {
        return count;
    }

    public int symbol(int i) {
        return symbol[i];
    }

    public long quantity(int i) {
        return quantity[i];
    }

    public int reason(int i) {
        return reason[i];
    }

    /** Run-wide order sequence, part of the client order id. */
    public long sequence(int i) {
        return sequence[i];
    }
}
