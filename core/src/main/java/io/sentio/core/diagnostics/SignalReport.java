package io.sentio.core.diagnostics;

import java.util.List;

/**
 * The tear sheet of a model pass (`sentio signals`): rank ICs of each forecast against the
 * tradable forward return, by horizon, symbol, time of day and month; forward returns by forecast
 * quantile; how the signal rule and its amplification call; the turnover the rule implies and the
 * cost per round trip it can bear. Returns are in basis points of the next bar's open.
 *
 * @param forward         forward horizons in bars ({@link SignalSample#FORWARD})
 * @param pooledDecay     [forecast][horizon]: mean over sessions of the session's rank IC over all symbols
 * @param symbolDecay     [symbol][forecast][horizon]: mean over sessions of the symbol's rank IC
 * @param referenceBars   the forward horizon of the time-of-day, month and quantile tables
 * @param byTimeOfDay     [forecast][bucket]: mean over sessions of the rank IC within each half hour
 * @param byMonth         [forecast][month]
 * @param quantiles       [forecast]
 */
public record SignalReport(List<String> forecasts, List<String> symbols, int sessions, int observations,
                           int[] forward, MeanT[][] pooledDecay, MeanT[][][] symbolDecay, int referenceBars,
                           List<String> buckets, MeanT[][] byTimeOfDay, List<String> months, MeanT[][] byMonth,
                           Quantiles[] quantiles, Signals signals, Turnover turnover) {

    /** Mean forward return (bp) per decile of the forecast (lowest first) and in its 1% tails. */
    public record Quantiles(double[] decileBp, int[] decileCount, double bottomPercentBp, double topPercentBp,
                            int tailCount) {
    }

    /**
     * How the rule calls: LONG and SHORT among all observations, LONG calls that only the Bollinger
     * amplification made, and calls of any kind it changed.
     */
    public record Signals(int observations, int longs, int shorts, int longsCreatedByAmplification,
                          int changedByAmplification) {
    }

    /**
     * The rule's trading at zero cost: round trips, trades per day, its gross edge per round trip
     * in bp of the entry notional (= the break-even cost per round trip), against the round-trip
     * cost the params assume.
     */
    public record Turnover(int roundTrips, double tradesPerDay, double grossEdgeBpPerRoundTrip, double roundTripCostBp) {
    }
}
