package io.sentio.core.decision;

import io.sentio.core.config.StrategyParams;
import io.sentio.core.learn.Learner;
import io.sentio.core.learn.ModelOutputs;
import io.sentio.core.market.BarSet;
import io.sentio.core.state.StateCodec;
import io.sentio.core.state.Stateful;

/**
 * The {@code expected_return} decision rule (docs/decisions.md), a desk component: per symbol, the
 * expected return over the hold is the horizon-weighted mean of each horizon's calibrated
 * expected return ({@link ReturnCalibration}); the round-trip cost is what the desk's simulated
 * broker charges, 2 x (max(slippage_bps, half_spread_ticks x tick_size / price) + commission /
 * price), in bp of the symbol's last close. A symbol is LONG when its expected return exceeds
 * {@code entry_cost_multiple} round trips; its raw strength (ranked after smoothing) is the
 * expected return net of one round trip; a held symbol's exit score is the expected return less
 * {@code exit_cost_multiple} round trips, and the rotation exits it below 0. Reads only model
 * outputs and prices, so a desk over a model tape computes what the full pipeline computes.
 */
public final class ExpectedReturnRule implements Stateful {
    private final ReturnCalibration calibration;
    private final int hs;
    private final int width;
    private final double[] weights;
    private final double weightSum;
    private final double entryMultiple;
    private final double exitMultiple;
    private final double slippageBps;
    private final double spreadFloor;
    private final double commissionPerShare;
    private final double[] expected;
    private final double[] netReturn;
    private final double[] exitScore;
    private final int[] signal;

    public ExpectedReturnRule(int symbols, StrategyParams params) {
        this.hs = params.oes.horizonCount();
        this.width = ModelOutputs.width(hs);
        this.calibration = calibration(symbols, params);
        this.weights = params.oes.horizonWeights();
        double sum = 0.0;
        for (double w : weights) {
            sum += w;
        }
        this.weightSum = sum;
        this.entryMultiple = params.entryCostMultiple;
        this.exitMultiple = params.exitCostMultiple;
        this.slippageBps = params.slippageBps;
        this.spreadFloor = params.halfSpreadTicks * params.tickSize;
        this.commissionPerShare = params.commissionPerShare;
        this.expected = new double[symbols];
        this.netReturn = new double[symbols];
        this.exitScore = new double[symbols];
        this.signal = new int[symbols];
    }

    /** A fresh calibration as this rule keeps it (what {@code sentio warmup} trains beside the learners). */
    public static ReturnCalibration calibration(int symbols, StrategyParams params) {
        return new ReturnCalibration(symbols, params.oes.horizons(), params.oes.forecastClip,
            params.calibrationHalfLife, params.calibrationMinLabels);
    }

    /**
     * Calibrates on this bar set's real bars, then scores every symbol.
     *
     * @param close   the synced closes (the price the cost is a fraction of)
     * @param outputs every symbol's model outputs after this bar set, symbol-major
     */
    public void onBarSet(BarSet received, double[] close, double[] outputs) {
        if (outputs.length < signal.length * width) {
            throw new IllegalStateException("decision expected_return needs every symbol's model outputs in the event ("
                + signal.length * width + " doubles), got " + outputs.length);
        }
        for (int s = 0; s < signal.length; s++) {
            int offset = s * width;
            if (received.present[s]) {
                calibration.onRealBar(s, received.nyEpochDay, received.open[s], outputs, offset);
            }
            double er = expectedReturn(s, outputs, offset);
            double c = roundTripBp(close[s]);
            boolean known = !Double.isNaN(er);
            double e = known ? er : 0.0;
            expected[s] = er;
            netReturn[s] = e - c;
            exitScore[s] = e - exitMultiple * c;
            signal[s] = known && e > entryMultiple * c ? Learner.SIGNAL_LONG : Learner.SIGNAL_NEUTRAL;
        }
    }

    /** Horizon-weighted expected return in bp; NaN until every weighted horizon is calibrated and the model ready. */
    private double expectedReturn(int s, double[] outputs, int offset) {
        double sum = 0.0;
        for (int j = 0; j < hs; j++) {
            if (weights[j] == 0.0) {
                continue;
            }
            double e = calibration.expectedBp(s, j, calibration.forecast(outputs, offset, j));
            if (Double.isNaN(e)) {
                return Double.NaN;
            }
            sum += weights[j] * e;
        }
        return sum / weightSum;
    }

    /** Round-trip cost in bp of {@code price}, as the simulated broker charges it on both fills. */
    private double roundTripBp(double price) {
        double perFill = Math.max(slippageBps, 1e4 * spreadFloor / price) + 1e4 * commissionPerShare / price;
        return 2.0 * perFill;
    }

    /** Expected return over the hold in bp after the last bar set; NaN until calibrated (the rule then uses 0). */
    public double[] expected() {
        return expected;
    }

    /** Expected return net of one round trip, bp: the raw strength the desk ranks by. */
    public double[] netReturn() {
        return netReturn;
    }

    /** Expected return less exit_cost_multiple round trips: a held symbol exits below 0. */
    public double[] exitScore() {
        return exitScore;
    }

    /** LONG when the expected return exceeds entry_cost_multiple round trips, else NEUTRAL. */
    public int[] signal() {
        return signal;
    }

    public ReturnCalibration calibration() {
        return calibration;
    }

    /** The outputs are recomputed from the calibration every bar set, so only the calibration is state. */
    @Override
    public void visit(StateCodec c) {
        calibration.visit(c);
    }
}
