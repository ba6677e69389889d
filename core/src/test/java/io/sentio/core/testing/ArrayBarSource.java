package io.sentio.core.testing;

import io.sentio.core.market.BarSource;
import io.sentio.core.market.MutableBar;
import java.util.ArrayList;
import java.util.List;

/** One symbol's bars from memory, in the order added. */
public final class ArrayBarSource implements BarSource {
    private final List<double[]> rows = new ArrayList<>();
    private int next;

    /** A source over rows {@code {epochSecond, o, h, l, c, v}}, in list order. */
    public static ArrayBarSource ofRows(List<double[]> rows) {
        ArrayBarSource src = new ArrayBarSource();
        for (double[] r : rows) {
            src.add((long) r[0], r[1], r[2], r[3], r[4], r[5]);
        }
        return src;
    }

    public ArrayBarSource add(long epochSecond, double o, double h, double l, double c, double v) {
        rows.add(new double[] {epochSecond, o, h, l, c, v});
        return this;
    }

    public int size() {
        return rows.size();
    }

    @Override
    public boolean next(MutableBar into) {
        if (next == rows.size()) {
            return false;
        }
        double[] r = rows.get(next++);
        into.set((long) r[0], r[1], r[2], r[3], r[4], r[5]);
        return true;
    }
}
