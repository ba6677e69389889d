package io.sentio.core.metrics;

/**
 * Performance of one run (DESIGN §5.7). Ratios that are undefined for the data (Sharpe with fewer
 * than two sessions or zero dispersion, Sortino without a losing day, profit factor without a
 * losing trip, Calmar without a drawdown) are NaN or infinite, never a made-up 0; writers
 * print them as null.
 */
public final class Metrics {
    public final int sessions;
    /** Mean daily return in percent. */
    public final double mrdPct;
    public final double sharpe;
    public final double sortino;
    /** Largest peak-to-trough fall of the per-bar equity curve, percent of the peak (positive). */
    public final double maxDrawdownPct;
    /** Closed round trips with net P&L > 0 over all closed round trips (break-even counts as a loss). */
    public final double winRate;
    public final double profitFactor;
    /** Filled orders (each buy and each sell). */
    public final long trades;
    public final int roundTrips;
    public final double tradesPerDay;
    /** Traded notional per session as a multiple of the mean session-end equity. */
    public final double turnover;
    /** Mean over bar marks of gross position value / equity. */
    public final double exposure;
    public final double totalReturnPct;
    /** Annualized over 252 sessions per year. */
    public final double cagrPct;
    /** CAGR / max drawdown. */
    public final double calmar;

    public Metrics(int sessions, double mrdPct, double sharpe, double sortino, double maxDrawdownPct, double winRate,
                   double profitFactor, long trades, int roundTrips, double tradesPerDay, double turnover, double exposure,
                   double totalReturnPct, double cagrPct, double calmar) {
        this.sessions = sessions;
        this.mrdPct = mrdPct;
        this.sharpe = sharpe;
        this.sortino = sortino;
        this.maxDrawdownPct = maxDrawdownPct;
        this.winRate = winRate;
        this.profitFactor = profitFactor;
        this.trades = trades;
        this.roundTrips = roundTrips;
        this.tradesPerDay = tradesPerDay;
        this.turnover = turnover;
        this.exposure = exposure;
        this.totalReturnPct = totalReturnPct;
        this.cagrPct = cagrPct;
        this.calmar = calmar;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
            "sessions=%d mrd=%.4f%% sharpe=%.3f sortino=%.3f maxDD=%.3f%% winRate=%.3f profitFactor=%.3f trades=%d "
                + "roundTrips=%d trades/day=%.2f turnover=%.3f exposure=%.3f total=%.3f%% cagr=%.3f%% calmar=%.3f",
            sessions, mrdPct, sharpe, sortino, maxDrawdownPct, winRate, profitFactor, trades, roundTrips, tradesPerDay,
            turnover, exposure, totalReturnPct, cagrPct, calmar);
    }
}
