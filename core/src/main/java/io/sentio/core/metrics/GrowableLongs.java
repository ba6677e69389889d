package io.sentio.core.metrics;

import java.util.Arrays;

/** An append-only primitive list; pre-size it from the expected length so a run never grows it. */
public final class GrowableLongs {
    private long[] values;
    private int size;

    public GrowableLongs(int initialCapacity) {
        values = new long[Math.max(16, initialCapacity)];
    }

    public void add(long v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[size++] = v;
    }

    public long get(int i) {
        if (i >= size) {
            throw new IndexOutOfBoundsException(i + " >= " + size);
        }
        return values[i];
    }

    public int size() {
        return size;
    }

    public long[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
