package io.sentio.core.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RollingPrimitivesTest {
    @Test
    void shouldGiveMeanAndBothVariancesOfTheLastValues() {
        RollingWindow w = new RollingWindow(3);
        for (double x : new double[] {1, 2, 3, 4}) {
            w.push(x);
        }
        assertEquals(3.0, w.mean(), 1e-15);
        assertEquals(2.0 / 3.0, w.populationVariance(), 1e-15);
        assertEquals(1.0, w.sampleVariance(), 1e-15);
        assertEquals(9.0, w.sum(), 1e-15);
    }

    @Test
    void shouldGiveExactlyZeroVarianceAndTheValueItselfForAFlatWindow() {
        RollingWindow w = new RollingWindow(20);
        for (int i = 0; i < 57; i++) {
            w.push(i * 0.37);
        }
        for (int i = 0; i < 20; i++) {
            w.push(20.3);
        }
        assertEquals(0.0, w.populationVariance());
        assertEquals(0.0, w.sampleVariance());
        assertEquals(20.3, w.mean());
    }

    @Test
    void shouldGiveExactlyZeroSumOnceNonZeroValuesLeave() {
        RollingWindow w = new RollingWindow(14);
        for (int i = 0; i < 30; i++) {
            w.push(0.1 * i + 1e7);
        }
        for (int i = 0; i < 14; i++) {
            w.push(0.0);
        }
        assertEquals(0.0, w.sum());
    }

    @Test
    void shouldTrackWindowMaximumAndMinimum() {
        RollingExtremum max = RollingExtremum.max(3);
        RollingExtremum min = RollingExtremum.min(3);
        double[] xs = {5, 1, 3, 2, 0, 4, 4};
        double[] maxima = {5, 5, 5, 3, 3, 4, 4};
        double[] minima = {5, 1, 1, 1, 0, 0, 0};
        for (int i = 0; i < xs.length; i++) {
            max.push(xs[i]);
            min.push(xs[i]);
            assertEquals(maxima[i], max.value(), "max at " + i);
            assertEquals(minima[i], min.value(), "min at " + i);
            assertEquals(i >= 2, max.isFull());
        }
    }

    @Test
    void shouldSeedTheEmaWithTheMeanOfTheFirstNValues() {
        SeededAverage ema = SeededAverage.ema(3);
        ema.push(1);
        ema.push(2);
        assertFalse(ema.isReady());
        ema.push(3);
        assertTrue(ema.isReady());
        assertEquals(2.0, ema.value());
        ema.push(4);
        assertEquals(3.0, ema.value());
        ema.push(5);
        assertEquals(4.0, ema.value());
    }

    @Test
    void shouldSmoothWilderStyleAfterTheSeed() {
        SeededAverage w = SeededAverage.wilder(3);
        w.push(1);
        w.push(2);
        w.push(3);
        assertEquals(2.0, w.value());
        w.push(6);
        assertEquals(10.0 / 3.0, w.value(), 1e-15);
    }

    @Test
    void shouldApplyTheFlatRulesOfTheStrengthIndex() {
        assertEquals(50.0, FeatureEngine.strengthIndex(0, 0));
        assertEquals(100.0, FeatureEngine.strengthIndex(1, 0));
        assertEquals(50.0, FeatureEngine.strengthIndex(1, 1));
        assertEquals(75.0, FeatureEngine.strengthIndex(3, 1));
        assertEquals(0.0, FeatureEngine.strengthIndex(0, 2));
    }
}
