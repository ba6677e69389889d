package io.sentio.core.feature;

import static io.sentio.core.feature.FeatureNames.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import io.sentio.core.time.SessionCalendar;

/**
 * Plainly written batch versions of the textbook definitions in DESIGN §5.2: every value at bar t
 * is recomputed from the whole history with loops and no state, which is slow (O(t) per feature)
 * but easy to check by eye. Deliberate differences from common libraries, as DESIGN demands:
 * smoothed averages are seeded with the simple mean of their first n inputs (ta4j and TA-Lib's
 * default EMA seed with the first value or differ in start-up); Bollinger uses the population
 * deviation (divide by n), while vol_20/vol_60 use the sample deviation (n - 1).
 */
final class ReferenceFeatures {
    private static final ZoneId NY = ZoneId.of("America/New_York");
    private final long[] ts;
    private final double[] o;
    private final double[] h;
    private final double[] l;
    private final double[] c;
    private final double[] v;

    ReferenceFeatures(long[] ts, double[] o, double[] h, double[] l, double[] c, double[] v) {
        this.ts = ts;
        this.o = o;
        this.h = h;
        this.l = l;
        this.c = c;
        this.v = v;
    }

    /** The 48 features at 0-based bar index t (t >= 60). */
    double[] at(int t) {
        double[] x = new double[COUNT];
        x[RET_1] = Math.log(c[t] / c[t - 1]);
        x[RET_5] = Math.log(c[t] / c[t - 5]);
        x[RET_10] = Math.log(c[t] / c[t - 10]);
        x[RET_20] = Math.log(c[t] / c[t - 20]);
        x[BODY] = (c[t] - o[t]) / o[t];
        x[RANGE] = (h[t] - l[t]) / c[t];
        x[UPPER_WICK] = (h[t] - Math.max(o[t], c[t])) / c[t];
        x[LOWER_WICK] = (Math.min(o[t], c[t]) - l[t]) / c[t];
        x[SMA10_DEV] = c[t] / mean(c, t - 9, t) - 1;
        x[SMA20_DEV] = c[t] / mean(c, t - 19, t) - 1;
        x[SMA50_DEV] = c[t] / mean(c, t - 49, t) - 1;
        x[EMA10_DEV] = c[t] / ema(c, 0, t, 10) - 1;
        x[EMA20_DEV] = c[t] / ema(c, 0, t, 20) - 1;
        x[EMA50_DEV] = c[t] / ema(c, 0, t, 50) - 1;
        x[EMA10_50] = ema(c, 0, t, 10) / ema(c, 0, t, 50) - 1;
        double[] r = new double[t + 1];
        for (int i = 1; i <= t; i++) {
            r[i] = Math.log(c[i] / c[i - 1]);
        }
        double vol20 = Math.sqrt(sampleVariance(r, t - 19, t));
        double vol60 = Math.sqrt(sampleVariance(r, t - 59, t));
        x[VOL_20] = vol20;
        x[VOL_60] = vol60;
        double[] tr = new double[t + 1];
        tr[0] = h[0] - l[0];
        for (int i = 1; i <= t; i++) {
            tr[i] = Math.max(h[i] - l[i], Math.max(Math.abs(h[i] - c[i - 1]), Math.abs(l[i] - c[i - 1])));
        }
        x[ATR14] = wilder(tr, 0, t, 14) / c[t];
        double mid = mean(c, t - 19, t);
        double sd = Math.sqrt(populationVariance(c, t - 19, t));
        double upperBand = mid + 2 * sd;
        double lowerBand = mid - 2 * sd;
        x[BB_PCTB] = upperBand == lowerBand ? 0.5 : (c[t] - lowerBand) / (upperBand - lowerBand);
        x[BB_WIDTH] = (upperBand - lowerBand) / mid;
        double atr10 = wilder(tr, 0, t, 10);
        x[KELTNER_POS] = atr10 == 0 ? 0 : (c[t] - ema(c, 0, t, 20)) / (2 * atr10);
        x[RSI14] = (rsi(t, 14) - 50) / 50;
        x[RSI21] = (rsi(t, 21) - 50) / 50;
        x[STOCH_K] = stochK(t) / 100;
        x[STOCH_D] = (stochK(t - 2) + stochK(t - 1) + stochK(t)) / 3 / 100;
        x[RET_60] = Math.log(c[t] / c[t - 60]);
        double[] line = new double[t + 1];
        for (int i = 25; i <= t; i++) {
            line[i] = ema(c, 0, i, 12) - ema(c, 0, i, 26);
        }
        x[MACD] = line[t] / c[t];
        x[MACD_SIGNAL] = ema(line, 25, t, 9) / c[t];
        x[VOL_REGIME] = vol60 == 0 ? 0 : vol20 / vol60 - 1;
        x[CCI20] = cci(t) / 100;
        x[MFI14] = (mfi(t) - 50) / 50;
        x[VOL_RATIO] = Math.log((v[t] + 1) / (mean(v, t - 19, t) + 1));
        double volumeSum = 0;
        for (int i = t - 19; i <= t; i++) {
            volumeSum += v[i];
        }
        x[OBV_SLOPE] = (obv(t) - obv(t - 20)) / (volumeSum == 0 ? 1 : volumeSum);
        x[VWAP_DEV] = vwapDeviation(t);
        double up = Double.NEGATIVE_INFINITY;
        double lo = Double.POSITIVE_INFINITY;
        for (int i = t - 19; i <= t; i++) {
            up = Math.max(up, h[i]);
            lo = Math.min(lo, l[i]);
        }
        x[DONCHIAN_POS] = up == lo ? 0.5 : (c[t] - lo) / (up - lo);
        x[DONCHIAN_WIDTH] = (up - lo) / c[t];
        candles(t, x);
        ZonedDateTime ny = Instant.ofEpochSecond(ts[t]).atZone(NY);
        int m = (ny.getHour() * 60 + ny.getMinute()) - (9 * 60 + 30);
        int dow = ny.getDayOfWeek().getValue() - 1;
        x[TOD_SIN] = Math.sin(2 * Math.PI * m / 391);
        x[TOD_COS] = Math.cos(2 * Math.PI * m / 391);
        x[DOW_SIN] = Math.sin(2 * Math.PI * dow / 5);
        x[DOW_COS] = Math.cos(2 * Math.PI * dow / 5);
        int closeMinute = SessionCalendar.isEarlyClose(ny.toLocalDate().toEpochDay()) ? 210 : 390;
        x[TO_CLOSE] = (closeMinute - m) / 391.0;
        int first = sessionStart(t);
        x[GAP] = first == 0 ? 0 : Math.log(o[first] / c[first - 1]);
        x[BIAS] = 1;
        return x;
    }

    private LocalDate day(int i) {
        return Instant.ofEpochSecond(ts[i]).atZone(NY).toLocalDate();
    }

    private int sessionStart(int t) {
        int i = t;
        while (i > 0 && day(i - 1).equals(day(t))) {
            i--;
        }
        return i;
    }

    private void candles(int t, double[] x) {
        double body = Math.abs(c[t] - o[t]);
        double rng = h[t] - l[t];
        double upper = h[t] - Math.max(o[t], c[t]);
        double lower = Math.min(o[t], c[t]) - l[t];
        x[DOJI] = body <= 0.1 * rng ? 1 : 0;
        x[HAMMER] = rng > 0 && body > 0 && lower >= 2 * body && upper <= 0.1 * rng ? 1 : 0;
        x[SHOOTING_STAR] = rng > 0 && body > 0 && upper >= 2 * body && lower <= 0.1 * rng ? 1 : 0;
        double prevBody = Math.abs(c[t - 1] - o[t - 1]);
        boolean prevBear = c[t - 1] < o[t - 1];
        boolean prevBull = c[t - 1] > o[t - 1];
        x[BULL_ENGULF] = prevBear && c[t] > o[t] && o[t] <= c[t - 1] && c[t] >= o[t - 1] && body > prevBody ? 1 : 0;
        x[BEAR_ENGULF] = prevBull && c[t] < o[t] && o[t] >= c[t - 1] && c[t] <= o[t - 1] && body > prevBody ? 1 : 0;
    }

    private double vwapDeviation(int t) {
        double pv = 0;
        double vol = 0;
        for (int i = sessionStart(t); i <= t; i++) {
            pv += (h[i] + l[i] + c[i]) / 3 * v[i];
            vol += v[i];
        }
        if (vol == 0) {
            return 0;
        }
        double vwap = pv / vol;
        return (c[t] - vwap) / vwap;
    }

    private double obv(int t) {
        double obv = 0;
        for (int i = 1; i <= t; i++) {
            obv += c[i] > c[i - 1] ? v[i] : c[i] < c[i - 1] ? -v[i] : 0;
        }
        return obv;
    }

    private double typical(int i) {
        return (h[i] + l[i] + c[i]) / 3;
    }

    private double cci(int t) {
        double[] tp = new double[t + 1];
        for (int i = t - 19; i <= t; i++) {
            tp[i] = typical(i);
        }
        double sma = mean(tp, t - 19, t);
        double mad = 0;
        for (int i = t - 19; i <= t; i++) {
            mad += Math.abs(typical(i) - sma);
        }
        mad /= 20;
        return mad == 0 ? 0 : (typical(t) - sma) / (0.015 * mad);
    }

    private double mfi(int t) {
        double pos = 0;
        double neg = 0;
        for (int i = t - 13; i <= t; i++) {
            double flow = typical(i) * v[i];
            if (typical(i) > typical(i - 1)) {
                pos += flow;
            } else if (typical(i) < typical(i - 1)) {
                neg += flow;
            }
        }
        if (neg == 0) {
            return pos > 0 ? 100 : 50;
        }
        return 100 - 100 / (1 + pos / neg);
    }

    private double stochK(int t) {
        double hh = Double.NEGATIVE_INFINITY;
        double ll = Double.POSITIVE_INFINITY;
        for (int i = t - 13; i <= t; i++) {
            hh = Math.max(hh, h[i]);
            ll = Math.min(ll, l[i]);
        }
        return hh == ll ? 50 : 100 * (c[t] - ll) / (hh - ll);
    }

    private double rsi(int t, int n) {
        double[] gains = new double[t + 1];
        double[] losses = new double[t + 1];
        for (int i = 1; i <= t; i++) {
            gains[i] = Math.max(c[i] - c[i - 1], 0);
            losses[i] = Math.max(c[i - 1] - c[i], 0);
        }
        double g = wilder(gains, 1, t, n);
        double d = wilder(losses, 1, t, n);
        if (d == 0) {
            return g > 0 ? 100 : 50;
        }
        return 100 - 100 / (1 + g / d);
    }

    /**
     * In exact arithmetic the mean of equal values is that value and their deviation is 0; a plain
     * floating-point sum of 20 copies of 20.3 does not divide back to 20.3, which would turn a flat
     * Bollinger band into a 1e-15-wide one. The engine and this reference both honour exactness.
     */
    static boolean flat(double[] a, int from, int to) {
        for (int i = from + 1; i <= to; i++) {
            if (a[i] != a[from]) {
                return false;
            }
        }
        return true;
    }

    static double mean(double[] a, int from, int to) {
        if (flat(a, from, to)) {
            return a[from];
        }
        double s = 0;
        for (int i = from; i <= to; i++) {
            s += a[i];
        }
        return s / (to - from + 1);
    }

    static double populationVariance(double[] a, int from, int to) {
        if (flat(a, from, to)) {
            return 0;
        }
        double m = mean(a, from, to);
        double s = 0;
        for (int i = from; i <= to; i++) {
            s += (a[i] - m) * (a[i] - m);
        }
        return s / (to - from + 1);
    }

    static double sampleVariance(double[] a, int from, int to) {
        if (flat(a, from, to)) {
            return 0;
        }
        double m = mean(a, from, to);
        double s = 0;
        for (int i = from; i <= to; i++) {
            s += (a[i] - m) * (a[i] - m);
        }
        return s / (to - from);
    }

    /** EMA of a[start..t], alpha 2/(n+1), seeded with the mean of a[start..start+n-1]. */
    static double ema(double[] a, int start, int t, int n) {
        double alpha = 2.0 / (n + 1);
        double e = mean(a, start, start + n - 1);
        for (int i = start + n; i <= t; i++) {
            e = alpha * a[i] + (1 - alpha) * e;
        }
        return e;
    }

    /** Wilder's average of a[start..t], seeded with the mean of a[start..start+n-1]. */
    static double wilder(double[] a, int start, int t, int n) {
        double e = mean(a, start, start + n - 1);
        for (int i = start + n; i <= t; i++) {
            e = ((n - 1) * e + a[i]) / n;
        }
        return e;
    }
}
