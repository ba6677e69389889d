package io.sentio.core.feature;

import io.sentio.core.state.StateCodec;

/**
 * The last {@code capacity} values of a series with O(1) mean, variance and sum.
 *
 * <p>Running sums drift and cancel; three measures keep them honest. Sums are kept of deviations
 * from a shift (the window mean at the last re-summation), so a price window near 50 with a spread
 * of 0.1 does not lose digits in {@code sumSq - sum^2/n}. Every {@code capacity} pushes the sums
 * are recomputed from the ring (amortized O(1)), so error never accumulates beyond one window.
 * Counts of adjacent unequal pairs and of non-zero values make a flat window's variance and an
 * all-zero window's sum exactly 0, which the flat-window rules of DESIGN §5.2 test for equality.
 */
final class RollingWindow {
    private final double[] values;
    private final int capacity;
    private int head;
    private int size;
    private double shift;
    private double sumD;
    private double sumSqD;
    private int changes;
    private int nonZero;

    RollingWindow(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("window needs at least 2 values, got " + capacity);
        }
        this.capacity = capacity;
        this.values = new double[capacity];
    }

    void push(double x) {
        if (size == 0) {
            shift = x;
        }
        if (size == capacity) {
            double old = values[head];
            double d = old - shift;
            sumD -= d;
            sumSqD -= d * d;
            if (old != 0) {
                nonZero--;
            }
            if (old != values[head + 1 == capacity ? 0 : head + 1]) {
                changes--;
            }
        }
        if (size > 0 && x != newest()) {
            changes++;
        }
        values[head] = x;
        double d = x - shift;
        sumD += d;
        sumSqD += d * d;
        if (x != 0) {
            nonZero++;
        }
        head = head + 1 == capacity ? 0 : head + 1;
        if (size < capacity) {
            size++;
        }
        if (head == 0 && size == capacity) {
            resum();
        }
    }

    private void resum() {
        double s = 0;
        for (int k = 0; k < capacity; k++) {
            s += values[k];
        }
        shift = s / capacity;
        double sd = 0;
        double sq = 0;
        for (int k = 0; k < capacity; k++) {
            double d = values[k] - shift;
            sd += d;
            sq += d * d;
        }
        sumD = sd;
        sumSqD = sq;
    }

    boolean isFull() {
        return size == capacity;
    }

    double newest() {
        return values[head == 0 ? capacity - 1 : head - 1];
    }

    double mean() {
        if (changes == 0) {
            return newest();
        }
        return shift + sumD / size;
    }

    double sum() {
        if (nonZero == 0) {
            return 0.0;
        }
        return shift * size + sumD;
    }

    /** Population variance (divides by n); exactly 0 for a flat window. */
    double populationVariance() {
        if (changes == 0) {
            return 0.0;
        }
        double m = sumD / size;
        return Math.max(0.0, sumSqD / size - m * m);
    }

    /** Sample variance (divides by n - 1); exactly 0 for a flat window. */
    double sampleVariance() {
        if (changes == 0 || size < 2) {
            return 0.0;
        }
        return Math.max(0.0, (sumSqD - sumD * sumD / size) / (size - 1));
    }

    /**
     * Mean of |v - center| over the window. Not O(1): a mean absolute deviation about the current
     * mean needs every value, so this scans the fixed-size ring (CCI's 20 values).
     */
    double meanAbsoluteDeviation(double center) {
        double s = 0;
        for (int k = 0; k < size; k++) {
            s += Math.abs(values[k] - center);
        }
        return s / size;
    }

    void visit(StateCodec c) {
        c.doubles(values);
        head = c.i(head);
        size = c.i(size);
        shift = c.d(shift);
        sumD = c.d(sumD);
        sumSqD = c.d(sumSqD);
        changes = c.i(changes);
        nonZero = c.i(nonZero);
    }
}
