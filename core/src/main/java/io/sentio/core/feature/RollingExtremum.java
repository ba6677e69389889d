package io.sentio.core.feature;

import io.sentio.core.state.StateCodec;

/**
 * Maximum (or minimum) of the last {@code window} values: a monotonic deque in primitive rings,
 * amortized O(1) per push, no allocation.
 */
final class RollingExtremum {
    private final int window;
    private final boolean max;
    private final long[] index;
    private final double[] value;
    private int front;
    private int count;
    private long pushed;

    private RollingExtremum(int window, boolean max) {
        this.window = window;
        this.max = max;
        this.index = new long[window];
        this.value = new double[window];
    }

    static RollingExtremum max(int window) {
        return new RollingExtremum(window, true);
    }

    static RollingExtremum min(int window) {
        return new RollingExtremum(window, false);
    }

    void push(double x) {
        pushed++;
        if (count > 0 && index[front] <= pushed - window) {
            front = front + 1 == window ? 0 : front + 1;
            count--;
        }
        while (count > 0) {
            double back = value[(front + count - 1) % window];
            if (max ? back <= x : back >= x) {
                count--;
            } else {
                break;
            }
        }
        int pos = (front + count) % window;
        index[pos] = pushed;
        value[pos] = x;
        count++;
    }

    boolean isFull() {
        return pushed >= window;
    }

    double value() {
        return value[front];
    }

    void visit(StateCodec c) {
        c.longs(index);
        c.doubles(value);
        front = c.i(front);
        count = c.i(count);
        pushed = c.l(pushed);
    }
}
