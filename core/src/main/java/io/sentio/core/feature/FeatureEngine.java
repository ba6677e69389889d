package io.sentio.core.feature;

import static io.sentio.core.feature.FeatureNames.*;

import java.util.Arrays;

import io.sentio.core.state.StateCodec;
import io.sentio.core.state.Stateful;
import io.sentio.core.time.SessionCalendar;

/**
 * The 48 raw features of DESIGN §5.2 for one symbol, updated incrementally from its real bars.
 *
 * <p>Every window counts bars of this symbol and spans sessions, except VWAP (reset at each
 * session open) and the opening gap. O(1) per bar (CCI's mean absolute deviation scans its fixed
 * 20-value ring), no allocation per bar. Raw features exist from the symbol's 61st bar
 * ({@link #WARMUP_BARS}); before that {@link #hasFeatures()} is false and {@link #raw(int)} is NaN.
 *
 * <p>Choices where DESIGN is silent (documented for the lead):
 * <ul>
 *   <li>SMA_n, SMA20(v), Bollinger, Donchian, stochastic and CCI windows include the current bar.</li>
 *   <li>ATR10 (Keltner) is Wilder-smoothed like ATR14 and seeded the same way.</li>
 *   <li>Stochastic %K needs a full 14-bar window; %D is the plain mean of the last three %K.</li>
 *   <li>MFI sums (not smooths) the positive and negative money flows of the last 14 bars; a bar
 *       whose typical price equals the previous one's adds to neither.</li>
 *   <li>obv_slope = (sum of sign(c_t - c_{t-1}) v_t over the last 20 bars) / (sum of v over the last
 *       20 bars, or 1), which equals (OBV_t - OBV_{t-20})/sum without carrying an unbounded OBV.</li>
 *   <li>Time and session features use the bar's start minute m = SessionCalendar.sessionMinute.</li>
 * </ul>
 */
public final class FeatureEngine implements Stateful {
    /** The bar (1-based) from which raw features exist: the first with 60 one-bar returns. */
    public static final int WARMUP_BARS = 61;
    private static final int CLOSE_RING = 61;
    private static final double TWO_PI = 2.0 * Math.PI;

    private final double[] raw = new double[COUNT];
    private final double[] closes = new double[CLOSE_RING];
    private int closeHead;
    private long bars;
    private long lastEpochSecond = Long.MIN_VALUE;
    private double prevOpen;
    private double prevClose;
    private double prevTypical;
    private boolean sessionOpened;
    private long sessionDay = Long.MIN_VALUE;
    private double sessionPriceVolume;
    private double sessionVolume;
    private double gap;
    private double bbLower;
    private double bbUpper;

    private final RollingWindow sma10 = new RollingWindow(10);
    private final RollingWindow sma20 = new RollingWindow(20);
    private final RollingWindow sma50 = new RollingWindow(50);
    private final SeededAverage ema10 = SeededAverage.ema(10);
    private final SeededAverage ema20 = SeededAverage.ema(20);
    private final SeededAverage ema50 = SeededAverage.ema(50);
    private final SeededAverage ema12 = SeededAverage.ema(12);
    private final SeededAverage ema26 = SeededAverage.ema(26);
    private final SeededAverage macdSignal = SeededAverage.ema(9);
    private final RollingWindow returns20 = new RollingWindow(20);
    private final RollingWindow returns60 = new RollingWindow(60);
    private final SeededAverage atr14 = SeededAverage.wilder(14);
    private final SeededAverage atr10 = SeededAverage.wilder(10);
    private final SeededAverage gain14 = SeededAverage.wilder(14);
    private final SeededAverage loss14 = SeededAverage.wilder(14);
    private final SeededAverage gain21 = SeededAverage.wilder(21);
    private final SeededAverage loss21 = SeededAverage.wilder(21);
    private final RollingExtremum high14 = RollingExtremum.max(14);
    private final RollingExtremum low14 = RollingExtremum.min(14);
    private final RollingExtremum high20 = RollingExtremum.max(20);
    private final RollingExtremum low20 = RollingExtremum.min(20);
    private final RollingWindow stochK = new RollingWindow(3);
    private final RollingWindow typical20 = new RollingWindow(20);
    private final RollingWindow positiveFlow14 = new RollingWindow(14);
    private final RollingWindow negativeFlow14 = new RollingWindow(14);
    private final RollingWindow volume20 = new RollingWindow(20);
    private final RollingWindow signedVolume20 = new RollingWindow(20);

    public FeatureEngine() {
        Arrays.fill(raw, Double.NaN);
    }

    /**
     * Consumes one real bar. Rejects, before changing any state, a bar that is not a regular
     * New York session minute, is not after the previous bar, or has non-finite or non-positive
     * prices, high below low, or negative or non-finite volume.
     *
     * @return whether the raw feature vector exists for this bar
     */
    public boolean update(long epochSecond, double open, double high, double low, double close, double volume) {
        int minute = validate(epochSecond, open, high, low, close, volume);
        long day = SessionCalendar.nyEpochDay(epochSecond);
        boolean first = bars == 0;
        bars++;
        sessionOpened = day != sessionDay;
        if (sessionOpened) {
            gap = first ? 0.0 : Math.log(open / prevClose);
            sessionDay = day;
            sessionPriceVolume = 0.0;
            sessionVolume = 0.0;
        }
        double typical = (high + low + close) / 3.0;
        sessionPriceVolume += typical * volume;
        sessionVolume += volume;

        closes[closeHead] = close;
        closeHead = closeHead + 1 == CLOSE_RING ? 0 : closeHead + 1;
        sma10.push(close);
        sma20.push(close);
        sma50.push(close);
        ema10.push(close);
        ema20.push(close);
        ema50.push(close);
        ema12.push(close);
        ema26.push(close);
        if (ema26.isReady()) {
            macdSignal.push(ema12.value() - ema26.value());
        }
        double trueRange = first ? high - low
            : Math.max(high - low, Math.max(Math.abs(high - prevClose), Math.abs(low - prevClose)));
        atr14.push(trueRange);
        atr10.push(trueRange);
        if (!first) {
            double r = Math.log(close / prevClose);
            returns20.push(r);
            returns60.push(r);
            double change = close - prevClose;
            gain14.push(Math.max(change, 0.0));
            loss14.push(Math.max(-change, 0.0));
            gain21.push(Math.max(change, 0.0));
            loss21.push(Math.max(-change, 0.0));
            double flow = typical * volume;
            positiveFlow14.push(typical > prevTypical ? flow : 0.0);
            negativeFlow14.push(typical < prevTypical ? flow : 0.0);
            signedVolume20.push(close > prevClose ? volume : close < prevClose ? -volume : 0.0);
        }
        high14.push(high);
        low14.push(low);
        high20.push(high);
        low20.push(low);
        if (high14.isFull()) {
            double hh = high14.value();
            double ll = low14.value();
            stochK.push(hh == ll ? 50.0 : 100.0 * (close - ll) / (hh - ll));
        }
        typical20.push(typical);
        volume20.push(volume);

        boolean ready = bars >= WARMUP_BARS;
        if (ready) {
            compute(day, minute, open, high, low, close, volume, typical);
        }
        prevOpen = open;
        prevClose = close;
        prevTypical = typical;
        lastEpochSecond = epochSecond;
        return ready;
    }

    private int validate(long epochSecond, double open, double high, double low, double close, double volume) {
        int minute = SessionCalendar.sessionMinute(epochSecond);
        if (minute < 0) {
            throw new IllegalArgumentException("bar at epoch second " + epochSecond
                + " is not the start of a regular New York session minute");
        }
        if (epochSecond <= lastEpochSecond) {
            throw new IllegalArgumentException("bar at epoch second " + epochSecond
                + " is not after the previous bar (" + lastEpochSecond + ")");
        }
        if (!(open > 0 && high > 0 && low > 0 && close > 0) || !Double.isFinite(open)
            || !Double.isFinite(high) || !Double.isFinite(low) || !Double.isFinite(close)) {
            throw new IllegalArgumentException("bar at epoch second " + epochSecond
                + " has a non-positive or non-finite price: o=" + open + " h=" + high + " l=" + low + " c=" + close);
        }
        if (high < low) {
            throw new IllegalArgumentException("bar at epoch second " + epochSecond + " has high " + high + " < low " + low);
        }
        if (!(volume >= 0) || !Double.isFinite(volume)) {
            throw new IllegalArgumentException("bar at epoch second " + epochSecond + " has invalid volume " + volume);
        }
        return minute;
    }

    private void compute(long day, int minute, double o, double h, double l, double c, double v, double typical) {
        raw[RET_1] = Math.log(c / closeBack(1));
        raw[RET_5] = Math.log(c / closeBack(5));
        raw[RET_10] = Math.log(c / closeBack(10));
        raw[RET_20] = Math.log(c / closeBack(20));
        raw[BODY] = (c - o) / o;
        raw[RANGE] = (h - l) / c;
        raw[UPPER_WICK] = (h - Math.max(o, c)) / c;
        raw[LOWER_WICK] = (Math.min(o, c) - l) / c;
        raw[SMA10_DEV] = c / sma10.mean() - 1.0;
        raw[SMA20_DEV] = c / sma20.mean() - 1.0;
        raw[SMA50_DEV] = c / sma50.mean() - 1.0;
        raw[EMA10_DEV] = c / ema10.value() - 1.0;
        raw[EMA20_DEV] = c / ema20.value() - 1.0;
        raw[EMA50_DEV] = c / ema50.value() - 1.0;
        raw[EMA10_50] = ema10.value() / ema50.value() - 1.0;
        double vol20 = Math.sqrt(returns20.sampleVariance());
        double vol60 = Math.sqrt(returns60.sampleVariance());
        raw[VOL_20] = vol20;
        raw[VOL_60] = vol60;
        raw[ATR14] = atr14.value() / c;
        double mid = sma20.mean();
        double sd = Math.sqrt(sma20.populationVariance());
        bbUpper = mid + 2.0 * sd;
        bbLower = mid - 2.0 * sd;
        raw[BB_PCTB] = bbUpper == bbLower ? 0.5 : (c - bbLower) / (bbUpper - bbLower);
        raw[BB_WIDTH] = (bbUpper - bbLower) / mid;
        double atr = atr10.value();
        raw[KELTNER_POS] = atr == 0 ? 0.0 : (c - ema20.value()) / (2.0 * atr);
        raw[RSI14] = (strengthIndex(gain14.value(), loss14.value()) - 50.0) / 50.0;
        raw[RSI21] = (strengthIndex(gain21.value(), loss21.value()) - 50.0) / 50.0;
        raw[STOCH_K] = stochK.newest() / 100.0;
        raw[STOCH_D] = stochK.mean() / 100.0;
        raw[RET_60] = Math.log(c / closeBack(60));
        raw[MACD] = (ema12.value() - ema26.value()) / c;
        raw[MACD_SIGNAL] = macdSignal.value() / c;
        raw[VOL_REGIME] = vol60 == 0 ? 0.0 : vol20 / vol60 - 1.0;
        double tpMean = typical20.mean();
        double mad = typical20.meanAbsoluteDeviation(tpMean);
        raw[CCI20] = mad == 0 ? 0.0 : (typical - tpMean) / (0.015 * mad) / 100.0;
        raw[MFI14] = (strengthIndex(positiveFlow14.sum(), negativeFlow14.sum()) - 50.0) / 50.0;
        raw[VOL_RATIO] = Math.log((v + 1.0) / (volume20.mean() + 1.0));
        double volumeSum = volume20.sum();
        raw[OBV_SLOPE] = signedVolume20.sum() / (volumeSum == 0 ? 1.0 : volumeSum);
        if (sessionVolume == 0) {
            raw[VWAP_DEV] = 0.0;
        } else {
            double vwap = sessionPriceVolume / sessionVolume;
            raw[VWAP_DEV] = (c - vwap) / vwap;
        }
        double upper = high20.value();
        double lower = low20.value();
        raw[DONCHIAN_POS] = upper == lower ? 0.5 : (c - lower) / (upper - lower);
        raw[DONCHIAN_WIDTH] = (upper - lower) / c;
        candles(o, h, l, c);
        raw[TOD_SIN] = Math.sin(TWO_PI * minute / SessionCalendar.BARS_PER_FULL_SESSION);
        raw[TOD_COS] = Math.cos(TWO_PI * minute / SessionCalendar.BARS_PER_FULL_SESSION);
        int dow = SessionCalendar.dayOfWeekMonday0(day);
        raw[DOW_SIN] = Math.sin(TWO_PI * dow / 5.0);
        raw[DOW_COS] = Math.cos(TWO_PI * dow / 5.0);
        raw[TO_CLOSE] = (SessionCalendar.closeMinute(day) - minute) / (double) SessionCalendar.BARS_PER_FULL_SESSION;
        raw[GAP] = gap;
        raw[BIAS] = 1.0;
    }

    private void candles(double o, double h, double l, double c) {
        double body = Math.abs(c - o);
        double rng = h - l;
        double upper = h - Math.max(o, c);
        double lower = Math.min(o, c) - l;
        raw[DOJI] = body <= 0.1 * rng ? 1.0 : 0.0;
        raw[HAMMER] = rng > 0 && body > 0 && lower >= 2.0 * body && upper <= 0.1 * rng ? 1.0 : 0.0;
        raw[SHOOTING_STAR] = rng > 0 && body > 0 && upper >= 2.0 * body && lower <= 0.1 * rng ? 1.0 : 0.0;
        double prevBody = Math.abs(prevClose - prevOpen);
        raw[BULL_ENGULF] = prevClose < prevOpen && c > o && o <= prevClose && c >= prevOpen && body > prevBody ? 1.0 : 0.0;
        raw[BEAR_ENGULF] = prevClose > prevOpen && c < o && o >= prevClose && c <= prevOpen && body > prevBody ? 1.0 : 0.0;
    }

    /** RSI/MFI form 100 - 100/(1 + up/down): 100 with gains but no losses, 50 with neither. */
    static double strengthIndex(double up, double down) {
        if (down == 0) {
            return up > 0 ? 100.0 : 50.0;
        }
        return 100.0 - 100.0 / (1.0 + up / down);
    }

    private double closeBack(int k) {
        int i = closeHead - 1 - k;
        return closes[i < 0 ? i + CLOSE_RING : i];
    }

    public boolean hasFeatures() {
        return bars >= WARMUP_BARS;
    }

    /** Raw value of feature {@code i} for the last bar; NaN before {@link #WARMUP_BARS}. */
    public double raw(int i) {
        return raw[i];
    }

    /** The raw vector itself, for the standardizer; callers must not modify it. */
    public double[] rawVector() {
        return raw;
    }

    /** Whether the last bar was the first of a new New York session for this symbol. */
    public boolean sessionOpened() {
        return sessionOpened;
    }

    /** Position of the last close in the Bollinger band, clamped to [0, 1]; 0.5 when U = L. */
    public double bollingerPosition() {
        if (bbUpper == bbLower) {
            return 0.5;
        }
        double pos = (closeBack(0) - bbLower) / (bbUpper - bbLower);
        return Math.max(0.0, Math.min(1.0, pos));
    }

    @Override
    public void visit(StateCodec c) {
        c.doubles(raw);
        c.doubles(closes);
        closeHead = c.i(closeHead);
        bars = c.l(bars);
        lastEpochSecond = c.l(lastEpochSecond);
        prevOpen = c.d(prevOpen);
        prevClose = c.d(prevClose);
        prevTypical = c.d(prevTypical);
        sessionOpened = c.b(sessionOpened);
        sessionDay = c.l(sessionDay);
        sessionPriceVolume = c.d(sessionPriceVolume);
        sessionVolume = c.d(sessionVolume);
        gap = c.d(gap);
        bbLower = c.d(bbLower);
        bbUpper = c.d(bbUpper);
        sma10.visit(c);
        sma20.visit(c);
        sma50.visit(c);
        ema10.visit(c);
        ema20.visit(c);
        ema50.visit(c);
        ema12.visit(c);
        ema26.visit(c);
        macdSignal.visit(c);
        returns20.visit(c);
        returns60.visit(c);
        atr14.visit(c);
        atr10.visit(c);
        gain14.visit(c);
        loss14.visit(c);
        gain21.visit(c);
        loss21.visit(c);
        high14.visit(c);
        low14.visit(c);
        high20.visit(c);
        low20.visit(c);
        stochK.visit(c);
        typical20.visit(c);
        positiveFlow14.visit(c);
        negativeFlow14.visit(c);
        volume20.visit(c);
        signedVolume20.visit(c);
    }
}
