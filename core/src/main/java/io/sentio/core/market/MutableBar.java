package io.sentio.core.market;

/** One one-minute bar, reused by readers to avoid allocation: start second (UTC epoch) and OHLCV. */
public final class MutableBar {
    /** Epoch second of the bar's start minute. */
    public long epochSecond;
    public double open;
    public double high;
    public double low;
    public double close;
    public double volume;

    public MutableBar set(long epochSecond, double open, double high, double low, double close, double volume) {
        this.epochSecond = epochSecond;
        this.open = open;
        this.high = high;
        this.low = low;
        this.close = close;
        this.volume = volume;
        return this;
    }

    public void copyFrom(MutableBar other) {
        set(other.epochSecond, other.open, other.high, other.low, other.close, other.volume);
    }

    @Override
    public String toString() {
        return "Bar{t=" + epochSecond + ", o=" + open + ", h=" + high + ", l=" + low + ", c=" + close + ", v=" + volume + "}";
    }
}
