package io.sentio.core.sync;

import io.sentio.core.market.BarSet;
import io.sentio.core.state.StateCodec;
import io.sentio.core.state.Stateful;

/**
 * Forward-fill and staleness (DESIGN §5.1). Takes a bar set as received and writes the synced
 * view: a missing symbol is filled from its last real close (o=h=l=c=last close, v=0, flagged)
 * for at most {@code maxForwardFill} consecutive minutes, then marked stale. A set with more than
 * {@code maxMissingSymbols} symbols missing is skipped and leaves this state untouched.
 *
 * <p>The fill counter runs across session boundaries on purpose: a symbol that did not trade at
 * the open has no fresher price than yesterday's close, and after {@code maxForwardFill} minutes
 * it must not be entered. A symbol never seen yet is stale and its values stay NaN.
 */
public final class BarSetSynchronizer implements Stateful {
    private final int maxForwardFill;
    private final int maxMissingSymbols;
    private final double[] lastClose;
    private final int[] missingRun;
    private long skippedSets;
    private long filledBars;
    private long staleBars;

    public BarSetSynchronizer(int symbols, int maxForwardFill, int maxMissingSymbols) {
        if (maxForwardFill < 0 || maxMissingSymbols < 0) {
            throw new IllegalArgumentException("negative sync limits");
        }
        this.maxForwardFill = maxForwardFill;
        this.maxMissingSymbols = maxMissingSymbols;
        this.lastClose = new double[symbols];
        this.missingRun = new int[symbols];
        java.util.Arrays.fill(lastClose, Double.NaN);
    }

    /**
     * @param received the set as it arrived (not modified)
     * @param synced   receives the forward-filled values; {@code synced.present} mirrors {@code received}
     * @param filled   per symbol: value forward-filled this minute
     * @param stale    per symbol: no real bar for more than {@code maxForwardFill} minutes (or never)
     * @return false if the set is skipped (too many symbols missing); outputs are then unspecified
     */
    public boolean apply(BarSet received, BarSet synced, boolean[] filled, boolean[] stale) {
        int n = lastClose.length;
        int missing = n - received.presentCount();
        if (missing > maxMissingSymbols) {
            skippedSets++;
            return false;
        }
        synced.copyFrom(received);
        for (int s = 0; s < n; s++) {
            if (received.present[s]) {
                lastClose[s] = received.close[s];
                missingRun[s] = 0;
                filled[s] = false;
                stale[s] = false;
                continue;
            }
            missingRun[s]++;
            double c = lastClose[s];
            if (c != c) {
                filled[s] = false;
                stale[s] = true;
                staleBars++;
                continue;
            }
            synced.open[s] = c;
            synced.high[s] = c;
            synced.low[s] = c;
            synced.close[s] = c;
            synced.volume[s] = 0.0;
            filled[s] = true;
            boolean isStale = missingRun[s] > maxForwardFill;
            stale[s] = isStale;
            if (isStale) {
                staleBars++;
            } else {
                filledBars++;
            }
        }
        return true;
    }

    public long skippedSets() {
        return skippedSets;
    }

    /** Symbol-minutes forward-filled within the limit. */
    public long filledBars() {
        return filledBars;
    }

    /** Symbol-minutes marked stale. */
    public long staleBars() {
        return staleBars;
    }

    public double lastClose(int symbol) {
        return lastClose[symbol];
    }

    public int missingRun(int symbol) {
        return missingRun[symbol];
    }

    /** Restores per-symbol state (crash recovery, warm start). */
    public void restore(int symbol, double lastClose, int missingRun) {
        this.lastClose[symbol] = lastClose;
        this.missingRun[symbol] = missingRun;
    }

    /**
     * Per symbol, the last close then the missing run: the state file's {@code sync} section.
     * The counters are statistics of this run and stay out, so a warm start begins them at zero.
     */
    @Override
    public void visit(StateCodec c) {
        for (int s = 0; s < lastClose.length; s++) {
            lastClose[s] = c.d(lastClose[s]);
            missingRun[s] = c.i(missingRun[s]);
        }
    }
}
