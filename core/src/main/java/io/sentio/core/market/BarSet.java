package io.sentio.core.market;

import java.util.Arrays;

/**
 * One session minute across the universe: per-symbol primitive arrays indexed like the
 * {@link Universe}. Pre-allocated once and reused; {@link #present} says which symbols had a bar.
 */
public final class BarSet {
    /** Epoch second of the minute's start. */
    public long epochSecond;
    /** New York calendar day of the minute (epoch day). */
    public long nyEpochDay;
    /** Minute index in the session, 0 = 09:30. */
    public int sessionMinute;
    /** Minute index of the session's last bar (390, or 210 on early closes). */
    public int closeMinute;
    public final boolean[] present;
    public final double[] open;
    public final double[] high;
    public final double[] low;
    public final double[] close;
    public final double[] volume;

    public BarSet(int symbols) {
        present = new boolean[symbols];
        open = new double[symbols];
        high = new double[symbols];
        low = new double[symbols];
        close = new double[symbols];
        volume = new double[symbols];
    }

    public int size() {
        return present.length;
    }

    /** Clears every symbol to absent and sets the minute. */
    public void reset(long epochSecond, long nyEpochDay, int sessionMinute, int closeMinute) {
        this.epochSecond = epochSecond;
        this.nyEpochDay = nyEpochDay;
        this.sessionMinute = sessionMinute;
        this.closeMinute = closeMinute;
        Arrays.fill(present, false);
        Arrays.fill(open, Double.NaN);
        Arrays.fill(high, Double.NaN);
        Arrays.fill(low, Double.NaN);
        Arrays.fill(close, Double.NaN);
        Arrays.fill(volume, Double.NaN);
    }

    public void put(int symbol, double o, double h, double l, double c, double v) {
        present[symbol] = true;
        open[symbol] = o;
        high[symbol] = h;
        low[symbol] = l;
        close[symbol] = c;
        volume[symbol] = v;
    }

    public int presentCount() {
        int n = 0;
        for (boolean p : present) {
            if (p) {
                n++;
            }
        }
        return n;
    }

    public void copyFrom(BarSet o) {
        epochSecond = o.epochSecond;
        nyEpochDay = o.nyEpochDay;
        sessionMinute = o.sessionMinute;
        closeMinute = o.closeMinute;
        System.arraycopy(o.present, 0, present, 0, present.length);
        System.arraycopy(o.open, 0, open, 0, open.length);
        System.arraycopy(o.high, 0, high, 0, high.length);
        System.arraycopy(o.low, 0, low, 0, low.length);
        System.arraycopy(o.close, 0, close, 0, close.length);
        System.arraycopy(o.volume, 0, volume, 0, volume.length);
    }
}
