package io.sentio.core.metrics;

import java.util.Arrays;

/** An append-only primitive list; pre-size it from the expected length so a run never grows it. */
public final class GrowableDoubles {
    private double[] values;
    private int size;

    public GrowableDoubles(int initialCapacity) {
        values = new double[Math.max(16, initialCapacity)];
    }

    public void add(double v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[size++] = v;
    }

    public double get(int i) {
        if (i >= size) {
            throw new IndexOutOfBoundsException(i + " >= " + size);
        }
        return values[i];
    }

    public void set(int i, double v) {
        if (i >= size) {
            throw new IndexOutOfBoundsException(i + " >= " + size);
        }
        values[i] = v;
    }

    public int size() {
        return size;
    }

    public double[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
