package io.sentio.core.execution;

/**
 * Fills and cancellations that happened on one bar set: fixed capacity (at most one working order
 * per symbol), primitive arrays, reused. A cancellation carries quantity 0 and price NaN.
 */
public final class FillBatch {
    public static final int FILLED = 1;
    public static final int CANCELLED = 2;

    private final int[] symbol;
    private final int[] status;
    private final long[] quantity;
    private final double[] price;
    private final double[] commission;
    private final long[] orderSequence;
    private final long[] orderEpochSecond;
    private final int[] reason;
    private int count;

    public FillBatch(int capacity) {
        symbol = new int[capacity];
        status = new int[capacity];
        quantity = new long[capacity];
        price = new double[capacity];
        commission = new double[capacity];
        orderSequence = new long[capacity];
        orderEpochSecond = new long[capacity];
        reason = new int[capacity];
    }

    public void clear() {
        count = 0;
    }

    public void add(int sym, int st, long qty, double px, double comm, long orderSeq, long orderTime, int why) {
        if (count == symbol.length) {
            throw new IllegalStateException("fill batch full at " + count + " fills");
        }
        symbol[count] = sym;
        status[count] = st;
        quantity[count] = qty;
        price[count] = px;
        commission[count] = comm;
        orderSequence[count] = orderSeq;
        orderEpochSecond[count] = orderTime;
        reason[count] = why;
        count++;
    }

    public int count() {
        return count;
    }

    public int symbol(int i) {
        return symbol[i];
    }

    public int status(int i) {
        return status[i];
    }

    public long quantity(int i) {
        return quantity[i];
    }

    public double price(int i) {
        return price[i];
    }

    public double commission(int i) {
        return commission[i];
    }

    public long orderSequence(int i) {
        return orderSequence[i];
    }

    /** Start second of the bar on whose close the order was decided. */
    public long orderEpochSecond(int i) {
        return orderEpochSecond[i];
    }

    public int reason(int i) {
        return reason[i];
    }
}
