package io.sentio.launcher.exchange;

import io.sentio.core.market.BarSource;
import io.sentio.core.market.MutableBar;
import io.sentio.core.market.Universe;
import java.util.Arrays;
import java.util.List;

/**
 * Every bar the stand-in knows, in memory: per symbol, primitive arrays in strictly increasing time.
 * Built from one {@link BarSource} per symbol (a CSV reader, or a generator in tests).
 */
public final class SessionTape {
    private final Universe universe;
    private final long[][] time;
    private final double[][] open;
    private final double[][] high;
    private final double[][] low;
    private final double[][] close;
    private final double[][] volume;

    private SessionTape(Universe universe, long[][] time, double[][] open, double[][] high, double[][] low,
                        double[][] close, double[][] volume) {
        this.universe = universe;
        this.time = time;
        this.open = open;
        this.high = high;
        this.low = low;
        this.close = close;
        this.volume = volume;
    }

    /** Drains each source (index i feeds {@code universe.symbol(i)}) and closes it. */
    public static SessionTape load(Universe universe, List<? extends BarSource> sources) {
        if (sources.size() != universe.size()) {
            throw new IllegalArgumentException("need one bar source per symbol: " + universe.size() + " symbols, "
                + sources.size() + " sources");
        }
        int n = universe.size();
        long[][] t = new long[n][];
        double[][] o = new double[n][];
        double[][] h = new double[n][];
        double[][] l = new double[n][];
        double[][] c = new double[n][];
        double[][] v = new double[n][];
        MutableBar bar = new MutableBar();
        for (int s = 0; s < n; s++) {
            int size = 0;
            long[] ts = new long[1024];
            double[][] cols = new double[5][1024];
            try (BarSource src = sources.get(s)) {
                while (src.next(bar)) {
                    if (size > 0 && bar.epochSecond <= ts[size - 1]) {
                        throw new IllegalArgumentException(universe.symbol(s) + ": bars out of order at epoch second "
                            + bar.epochSecond);
                    }
                    if (size == ts.length) {
                        ts = Arrays.copyOf(ts, size * 2);
                        for (int k = 0; k < 5; k++) {
                            cols[k] = Arrays.copyOf(cols[k], size * 2);
                        }
                    }
                    ts[size] = bar.epochSecond;
                    cols[0][size] = bar.open;
                    cols[1][size] = bar.high;
                    cols[2][size] = bar.low;
                    cols[3][size] = bar.close;
                    cols[4][size] = bar.volume;
                    size++;
                }
            }
            t[s] = Arrays.copyOf(ts, size);
            o[s] = Arrays.copyOf(cols[0], size);
            h[s] = Arrays.copyOf(cols[1], size);
            l[s] = Arrays.copyOf(cols[2], size);
            c[s] = Arrays.copyOf(cols[3], size);
            v[s] = Arrays.copyOf(cols[4], size);
        }
        return new SessionTape(universe, t, o, h, l, c, v);
    }

    public Universe universe() {
        return universe;
    }

    public int count(int symbol) {
        return time[symbol].length;
    }

    /** Index of the first bar of {@code symbol} starting at or after {@code epochSecond}. */
    public int firstAtOrAfter(int symbol, long epochSecond) {
        int i = Arrays.binarySearch(time[symbol], epochSecond);
        return i >= 0 ? i : -i - 1;
    }

    /** Index of the bar of {@code symbol} starting exactly at {@code epochSecond}, or -1. */
    public int at(int symbol, long epochSecond) {
        int i = Arrays.binarySearch(time[symbol], epochSecond);
        return i >= 0 ? i : -1;
    }

    public long time(int symbol, int i) {
        return time[symbol][i];
    }

    public double open(int symbol, int i) {
        return open[symbol][i];
    }

    public double high(int symbol, int i) {
        return high[symbol][i];
    }

    public double low(int symbol, int i) {
        return low[symbol][i];
    }

    public double close(int symbol, int i) {
        return close[symbol][i];
    }

    public double volume(int symbol, int i) {
        return volume[symbol][i];
    }

    /** Close of the last bar of {@code symbol} starting before {@code epochSecond}, NaN if none. */
    public double lastCloseBefore(int symbol, long epochSecond) {
        int i = firstAtOrAfter(symbol, epochSecond) - 1;
        return i >= 0 ? close[symbol][i] : Double.NaN;
    }
}
