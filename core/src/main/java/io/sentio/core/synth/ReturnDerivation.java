package io.sentio.core.synth;

import io.sentio.core.market.MutableBar;

/**
 * Builds a product's bars from an underlying's bars by scaling one-minute returns: each price of
 * the derived bar is {@code prevClose * (1 + factor * (p / prevSourceClose - 1))}, with high and low
 * taken as the extremes of the four derived prices (an inverse factor turns the source's low into
 * the derived high). The first bar has no previous source close; it uses the source's open, so the
 * derived series opens exactly at {@code startPrice}.
 *
 * <p>A derived price can never reach zero: the gross return is floored at {@link #MIN_GROSS} and
 * prices at {@link #MIN_PRICE}; neither binds for minute returns of real ETFs.
 */
public final class ReturnDerivation {
    public static final double MIN_GROSS = 0.01;
    public static final double MIN_PRICE = 0.01;

    private final double factor;
    private double prevClose;
    private double prevSourceClose = Double.NaN;

    public ReturnDerivation(double factor, double startPrice) {
        if (!(startPrice > 0) || !Double.isFinite(startPrice) || factor == 0 || !Double.isFinite(factor)) {
            throw new IllegalArgumentException("factor " + factor + ", start price " + startPrice);
        }
        this.factor = factor;
        this.prevClose = startPrice;
    }

    /** Derives {@code out} from the next bar of the source (same timestamp and volume). */
    public void next(MutableBar source, MutableBar out) {
        double ref = prevSourceClose == prevSourceClose ? prevSourceClose : source.open;
        double o = price(source.open, ref);
        double c = price(source.close, ref);
        double a = price(source.high, ref);
        double b = price(source.low, ref);
        double h = Math.max(Math.max(o, c), Math.max(a, b));
        double l = Math.min(Math.min(o, c), Math.min(a, b));
        out.set(source.epochSecond, o, h, l, c, source.volume);
        prevClose = c;
        prevSourceClose = source.close;
    }

    private double price(double sourcePrice, double ref) {
        double gross = Math.max(MIN_GROSS, 1.0 + factor * (sourcePrice / ref - 1.0));
        return Math.max(MIN_PRICE, prevClose * gross);
    }

    public double factor() {
        return factor;
    }
}
