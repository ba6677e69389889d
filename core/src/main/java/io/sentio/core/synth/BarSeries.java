package io.sentio.core.synth;

import io.sentio.core.market.BarSource;
import io.sentio.core.market.MutableBar;
import java.util.Arrays;

/** One symbol's bars held in primitive arrays; each {@link #source()} replays them from the start. */
public final class BarSeries {
    private final String symbol;
    private long[] time = new long[1024];
    private double[] open = new double[1024];
    private double[] high = new double[1024];
    private double[] low = new double[1024];
    private double[] close = new double[1024];
    private double[] volume = new double[1024];
    private int size;

    public BarSeries(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public int size() {
        return size;
    }

    /** Appends a bar; times must strictly increase. */
    public void add(MutableBar b) {
        if (size > 0 && b.epochSecond <= time[size - 1]) {
            throw new IllegalArgumentException(symbol + ": bar at " + b.epochSecond + " not after " + time[size - 1]);
        }
        if (size == time.length) {
            int n = size * 2;
            time = Arrays.copyOf(time, n);
            open = Arrays.copyOf(open, n);
            high = Arrays.copyOf(high, n);
            low = Arrays.copyOf(low, n);
            close = Arrays.copyOf(close, n);
            volume = Arrays.copyOf(volume, n);
        }
        time[size] = b.epochSecond;
        open[size] = b.open;
        high[size] = b.high;
        low[size] = b.low;
        close[size] = b.close;
        volume[size] = b.volume;
        size++;
    }

    public void get(int i, MutableBar into) {
        into.set(time[i], open[i], high[i], low[i], close[i], volume[i]);
    }

    /** A fresh source over all bars. */
    public BarSource source() {
        return new BarSource() {
            private int next;

            @Override
            public boolean next(MutableBar into) {
                if (next >= size) {
                    return false;
                }
                get(next++, into);
                return true;
            }
        };
    }
}
