package io.sentio.core.metrics;

import io.sentio.core.state.StateCodec;
import io.sentio.core.state.Stateful;

/**
 * Baselines over the same sessions as a run: buy-and-hold of each symbol (first real open of
 * the run to its last real close) and an equal-weight portfolio that puts capital/N into each
 * symbol at that symbol's first real open, no costs, fractional units, marked at every bar set
 * and at session ends.
 */
public final class BuyAndHoldBaseline implements Stateful {
    private final double initialCapital;
    private final double[] firstOpen;
    private final double[] lastClose;
    private final GrowableDoubles equalWeightSessionEnd;
    private final GrowableDoubles equalWeightBars;
    private long currentDay = Long.MIN_VALUE;

    public BuyAndHoldBaseline(int symbols, double initialCapital) {
        this(symbols, initialCapital, 1024);
    }

    /** {@code expectedBars} pre-sizes the per-bar curve so a run never grows it. */
    public BuyAndHoldBaseline(int symbols, double initialCapital, int expectedBars) {
        this.initialCapital = initialCapital;
        this.firstOpen = new double[symbols];
        this.lastClose = new double[symbols];
        java.util.Arrays.fill(firstOpen, Double.NaN);
        java.util.Arrays.fill(lastClose, Double.NaN);
        this.equalWeightSessionEnd = new GrowableDoubles(256);
        this.equalWeightBars = new GrowableDoubles(expectedBars);
    }

    public void onBarSet(long nyEpochDay, boolean[] present, double[] open, double[] close) {
        if (nyEpochDay != currentDay) {
            closeSession();
            currentDay = nyEpochDay;
        }
        for (int s = 0; s < firstOpen.length; s++) {
            if (present[s]) {
                if (firstOpen[s] != firstOpen[s]) {
                    firstOpen[s] = open[s];
                }
                lastClose[s] = close[s];
            }
        }
        equalWeightBars.add(equalWeightValue());
    }

    public void finish() {
        closeSession();
        currentDay = Long.MIN_VALUE;
    }

    private void closeSession() {
        if (currentDay == Long.MIN_VALUE) {
            return;
        }
        equalWeightSessionEnd.add(equalWeightValue());
    }

    private double equalWeightValue() {
        int n = firstOpen.length;
        double slice = initialCapital / n;
        double value = 0;
        for (int s = 0; s < n; s++) {
            value += firstOpen[s] == firstOpen[s] ? slice / firstOpen[s] * lastClose[s] : slice;
        }
        return value;
    }

    /** Total return of holding symbol s, percent; NaN if it never traded. */
    public double symbolReturnPct(int s) {
        return 100.0 * (lastClose[s] / firstOpen[s] - 1.0);
    }

    /** Equal-weight value at every bar set's close, one per {@link #onBarSet} call. */
    public double[] equalWeightBars() {
        return equalWeightBars.toArray();
    }

    public double[] equalWeightSessionEnd() {
        return equalWeightSessionEnd.toArray();
    }

    /** What the baselines still depend on; the curves already recorded are results. */
    @Override
    public void visit(StateCodec c) {
        currentDay = c.l(currentDay);
        c.doubles(firstOpen);
        c.doubles(lastClose);
    }
}
