package io.sentio.core.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.core.learn.ModelOutputs;
import io.sentio.core.state.StateCodec;
import org.junit.jupiter.api.Test;

/** Hand-computed calibrations on short series of opens and forecasts. */
class ReturnCalibrationTest {
    private static final long DAY = 20_000;

    /** A ready model-outputs record of one horizon with yhat = z and scale 1. */
    private static double[] outputs(double z) {
        double[] out = new double[ModelOutputs.width(1)];
        out[ModelOutputs.yhat(0)] = z;
        out[ModelOutputs.scale(1, 0)] = 1.0;
        out[ModelOutputs.ready(1)] = 1.0;
        return out;
    }

    private static double[] notReady() {
        double[] out = outputs(3.0);
        out[ModelOutputs.ready(1)] = 0.0;
        return out;
    }

    @Test
    void shouldRecoverAnExactLineFromNextOpenReturns() {
        // Horizon 1: z of bar t is paid ln(o[t+2]/o[t+1]); make that 3 + 2 z bp exactly.
        double[] z = {1.0, -1.0, 0.5, 2.0, -0.25, 0.0};
        double[] open = new double[z.length + 2];
        open[0] = 50.0;
        open[1] = 50.5;
        for (int t = 0; t < z.length; t++) {
            open[t + 2] = open[t + 1] * Math.exp((3.0 + 2.0 * z[t]) / 1e4);
        }
        ReturnCalibration cal = new ReturnCalibration(1, new int[] {1}, 4.0, 10.0, 2);
        for (int t = 0; t < open.length; t++) {
            cal.onRealBar(0, DAY, open[t], outputs(t < z.length ? z[t] : 0.0), 0);
        }
        assertEquals(z.length, cal.labels(0, 0), "one label per bar from the third on");
        assertEquals(2.0, cal.slope(0, 0), 1e-9);
        assertEquals(3.0, cal.intercept(0, 0), 1e-9);
        assertEquals(6.0, cal.expectedBp(0, 0, 1.5), 1e-9);
    }

    @Test
    void shouldWeightOlderLabelsByTheHalfLife() {
        // Half-life of one label: the three labels weigh 1/4, 1/2, 1.
        double[] opens = {100.0, 100.0, 101.0, 100.0, 102.0};
        double[] z = {1.0, -2.0, 0.5};
        ReturnCalibration cal = new ReturnCalibration(1, new int[] {1}, 4.0, 1.0, 2);
        for (int t = 0; t < opens.length; t++) {
            cal.onRealBar(0, DAY, opens[t], outputs(t < z.length ? z[t] : 0.0), 0);
        }
        double[] w = {0.25, 0.5, 1.0};
        double[] y = {1e4 * Math.log(101.0 / 100.0), 1e4 * Math.log(100.0 / 101.0), 1e4 * Math.log(102.0 / 100.0)};
        double sw = w[0] + w[1] + w[2];
        double zBar = (w[0] * z[0] + w[1] * z[1] + w[2] * z[2]) / sw;
        double yBar = (w[0] * y[0] + w[1] * y[1] + w[2] * y[2]) / sw;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < 3; i++) {
            sxy += w[i] * (z[i] - zBar) * (y[i] - yBar);
            sxx += w[i] * (z[i] - zBar) * (z[i] - zBar);
        }
        double slope = sxy / sxx;
        assertEquals(slope, cal.slope(0, 0), 1e-9);
        assertEquals(yBar - slope * zBar, cal.intercept(0, 0), 1e-9);
    }

    @Test
    void shouldAnswerOnlyAfterTheMinimumLabels() {
        ReturnCalibration cal = new ReturnCalibration(1, new int[] {1}, 4.0, 100.0, 3);
        double[] opens = {10.0, 10.1, 10.0, 10.2};
        for (double o : opens) {
            cal.onRealBar(0, DAY, o, outputs(1.0), 0);
        }
        assertEquals(2, cal.labels(0, 0));
        assertTrue(Double.isNaN(cal.expectedBp(0, 0, 1.0)), "two labels of three");
        cal.onRealBar(0, DAY, 10.1, outputs(1.0), 0);
        assertEquals(3, cal.labels(0, 0));
        assertTrue(Double.isFinite(cal.expectedBp(0, 0, 1.0)));
    }

    @Test
    void shouldNeverSpanASessionNorLearnFromForecastsOfAModelNotReady() {
        ReturnCalibration cal = new ReturnCalibration(1, new int[] {2}, 4.0, 100.0, 2);
        for (int m = 0; m < 3; m++) {
            cal.onRealBar(0, DAY, 10.0, outputs(1.0), 0);
        }
        cal.onRealBar(0, DAY + 1, 11.0, outputs(1.0), 0);
        cal.onRealBar(0, DAY + 1, 11.0, outputs(1.0), 0);
        cal.onRealBar(0, DAY + 1, 11.0, outputs(1.0), 0);
        assertEquals(0, cal.labels(0, 0), "the day-one bars were dropped at the open");
        cal.onRealBar(0, DAY + 1, 11.0, notReady(), 0);
        assertEquals(1, cal.labels(0, 0), "horizon 2 of the first bar completes at the open of the fourth");
        cal.onRealBar(0, DAY + 1, 11.0, outputs(1.0), 0);
        cal.onRealBar(0, DAY + 1, 11.0, outputs(1.0), 0);
        assertEquals(3, cal.labels(0, 0));
        cal.onRealBar(0, DAY + 1, 11.0, outputs(1.0), 0);
        assertEquals(3, cal.labels(0, 0), "the bar whose model was not ready is never a label");
        cal.onRealBar(0, DAY + 1, 11.0, outputs(1.0), 0);
        assertEquals(4, cal.labels(0, 0));
    }

    @Test
    void shouldClipTheForecastAsTheSignalDoes() {
        ReturnCalibration cal = new ReturnCalibration(1, new int[] {1}, 4.0, 100.0, 2);
        assertEquals(4.0, cal.forecast(outputs(9.0), 0, 0));
        assertEquals(-4.0, cal.forecast(outputs(-9.0), 0, 0));
        assertTrue(Double.isNaN(cal.forecast(notReady(), 0, 0)));
    }

    @Test
    void shouldKeepEachSymbolApartAndHashItsWholeState() {
        ReturnCalibration a = new ReturnCalibration(2, new int[] {1}, 4.0, 50.0, 2);
        ReturnCalibration b = new ReturnCalibration(2, new int[] {1}, 4.0, 50.0, 2);
        double[] both = new double[2 * ModelOutputs.width(1)];
        System.arraycopy(outputs(1.0), 0, both, ModelOutputs.width(1), ModelOutputs.width(1));
        for (int t = 0; t < 5; t++) {
            a.onRealBar(1, DAY, 20.0 + t, both, ModelOutputs.width(1));
            b.onRealBar(1, DAY, 20.0 + t, both, ModelOutputs.width(1));
        }
        assertEquals(0, a.labels(0, 0), "symbol 0 saw nothing");
        assertEquals(StateCodec.hashOf(a), StateCodec.hashOf(b));
        b.onRealBar(0, DAY, 5.0, both, 0);
        assertTrue(StateCodec.hashOf(a) != StateCodec.hashOf(b), "a stored open is state");
    }
}
