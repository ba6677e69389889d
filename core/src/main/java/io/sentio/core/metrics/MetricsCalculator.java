package io.sentio.core.metrics;

/** The formulas of DESIGN §5.7 over plain arrays, so each can be checked by hand. */
public final class MetricsCalculator {
    public static final int SESSIONS_PER_YEAR = 252;

    private MetricsCalculator() {
    }

    /** d_i = E_i / E_{i-1} - 1 with E_{-1} = the initial capital. */
    public static double[] dailyReturns(double initialCapital, double[] sessionEndEquity) {
        double[] d = new double[sessionEndEquity.length];
        double prev = initialCapital;
        for (int i = 0; i < d.length; i++) {
            d[i] = sessionEndEquity[i] / prev - 1.0;
            prev = sessionEndEquity[i];
        }
        return d;
    }

    public static double mean(double[] x) {
        if (x.length == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    /** Sample standard deviation (ddof = 1); NaN below two values. */
    public static double sampleStd(double[] x) {
        if (x.length < 2) {
            return Double.NaN;
        }
        double m = mean(x);
        double ss = 0;
        for (double v : x) {
            ss += (v - m) * (v - m);
        }
        return Math.sqrt(ss / (x.length - 1));
    }

    /** mean(d) / std(d, ddof=1) * sqrt(252); NaN when std is 0 or undefined. */
    public static double sharpe(double[] d) {
        double sd = sampleStd(d);
        if (!(sd > 0)) {
            return Double.NaN;
        }
        return mean(d) / sd * Math.sqrt(SESSIONS_PER_YEAR);
    }

    /** mean(d) * 252 / (sqrt(mean(min(d, 0)^2)) * sqrt(252)). */
    public static double sortino(double[] d) {
        if (d.length == 0) {
            return Double.NaN;
        }
        double sq = 0;
        for (double v : d) {
            double dn = Math.min(v, 0.0);
            sq += dn * dn;
        }
        double downside = Math.sqrt(sq / d.length) * Math.sqrt(SESSIONS_PER_YEAR);
        return mean(d) * SESSIONS_PER_YEAR / downside;
    }

    /** Largest (peak - trough) / peak over the curve, as a positive fraction. */
    public static double maxDrawdown(double[] equity) {
        double peak = Double.NEGATIVE_INFINITY;
        double worst = 0;
        for (double e : equity) {
            if (e > peak) {
                peak = e;
            }
            double dd = (peak - e) / peak;
            if (dd > worst) {
                worst = dd;
            }
        }
        return worst;
    }

    /** Trips with net P&L > 0 over all trips; NaN without trips. */
    public static double winRate(double[] tripPnl) {
        if (tripPnl.length == 0) {
            return Double.NaN;
        }
        int wins = 0;
        for (double p : tripPnl) {
            if (p > 0) {
                wins++;
            }
        }
        return (double) wins / tripPnl.length;
    }

    /** Sum of winning P&L / |sum of losing P&L|; infinite without losses, NaN without trips. */
    public static double profitFactor(double[] tripPnl) {
        double win = 0;
        double loss = 0;
        for (double p : tripPnl) {
            if (p > 0) {
                win += p;
            } else {
                loss += p;
            }
        }
        if (tripPnl.length == 0 || (win == 0 && loss == 0)) {
            return Double.NaN;
        }
        return loss == 0 ? Double.POSITIVE_INFINITY : win / -loss;
    }

    public static double cagr(double initialCapital, double finalEquity, int sessions) {
        if (sessions == 0) {
            return Double.NaN;
        }
        return Math.pow(finalEquity / initialCapital, (double) SESSIONS_PER_YEAR / sessions) - 1.0;
    }

    /**
     * @param sessionEndEquity equity at each session's last bar mark
     * @param barEquity        equity at every bar mark (the initial capital need not be included)
     * @param tripPnl          net P&L of each closed round trip
     * @param meanExposure     mean of gross exposure / equity over bar marks
     */
    public static Metrics compute(double initialCapital, double[] sessionEndEquity, double[] barEquity, double[] tripPnl,
                                  long fills, double tradedNotional, double meanExposure) {
        int n = sessionEndEquity.length;
        double[] d = dailyReturns(initialCapital, sessionEndEquity);
        double[] curve = new double[barEquity.length + 1];
        curve[0] = initialCapital;
        System.arraycopy(barEquity, 0, curve, 1, barEquity.length);
        double finalEquity = n == 0 ? initialCapital : sessionEndEquity[n - 1];
        double mdd = maxDrawdown(curve);
        double cagr = cagr(initialCapital, finalEquity, n);
        double meanEquity = n == 0 ? initialCapital : mean(sessionEndEquity);
        return new Metrics(n,
            100.0 * mean(d),
            sharpe(d),
            sortino(d),
            100.0 * mdd,
            winRate(tripPnl),
            profitFactor(tripPnl),
            fills,
            tripPnl.length,
            n == 0 ? Double.NaN : (double) fills / n,
            n == 0 ? Double.NaN : tradedNotional / meanEquity / n,
            meanExposure,
            100.0 * (finalEquity / initialCapital - 1.0),
            100.0 * cagr,
            mdd > 0 ? cagr / mdd : Double.NaN);
    }
}
