package io.sentio.core.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Expected values computed by hand (and with Python's statistics module) for DESIGN §5.7. */
class MetricsCalculatorTest {
    private static final double[] SESSION_END = {100, 110, 99, 108.9};

    @Test
    void shouldComputeDailyReturnsFromSessionEndEquityStartingAtTheInitialCapital() {
        assertArrayEquals(new double[] {0.0, 0.1, -0.1, 0.1}, MetricsCalculator.dailyReturns(100, SESSION_END), 1e-12);
    }

    @Test
    void shouldComputeSharpeWithSampleStdAndSqrt252() {
        double[] d = MetricsCalculator.dailyReturns(100, SESSION_END);
        assertEquals(0.09574271077563384, MetricsCalculator.sampleStd(d), 1e-12);
        assertEquals(4.145095678246552, MetricsCalculator.sharpe(d), 1e-9);
    }

    @Test
    void shouldComputeSortinoFromTheRootMeanSquareOfNegativeDays() {
        double[] d = {0.0, 0.1, -0.1, 0.1};
        // mean 0.025 * 252 / (sqrt(0.01 / 4) * sqrt(252))
        assertEquals(7.937253933193788, MetricsCalculator.sortino(d), 1e-9);
    }

    @Test
    void shouldMeasureMaxDrawdownOnThePerBarCurve() {
        assertEquals(0.10, MetricsCalculator.maxDrawdown(new double[] {100, 110, 105, 99, 108.9, 120}), 1e-12);
        assertEquals(0.0, MetricsCalculator.maxDrawdown(new double[] {100, 101, 102}), 0);
    }

    @Test
    void shouldCountBreakEvenTripsAsLossesInWinRate() {
        assertEquals(1.0 / 3, MetricsCalculator.winRate(new double[] {10, 0, -5}), 1e-12);
        assertEquals(2.0, MetricsCalculator.profitFactor(new double[] {10, 0, -5}), 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, MetricsCalculator.profitFactor(new double[] {3, 4}));
        assertTrue(Double.isNaN(MetricsCalculator.winRate(new double[0])));
    }

    @Test
    void shouldAssembleAllMetricsOfARun() {
        double[] bars = {100, 104, 110, 105, 99, 103, 108.9};
        Metrics m = MetricsCalculator.compute(100, SESSION_END, bars, new double[] {10, 0, -5}, 6, 800, 0.5);
        assertEquals(4, m.sessions);
        assertEquals(2.5, m.mrdPct, 1e-9);
        assertEquals(10.0, m.maxDrawdownPct, 1e-9);
        assertEquals(8.9, m.totalReturnPct, 1e-9);
        assertEquals(1.5, m.tradesPerDay, 1e-12);
        // 800 traded over 4 sessions, mean session-end equity 104.475
        assertEquals(800 / 104.475 / 4, m.turnover, 1e-12);
        assertEquals(100 * (Math.pow(1.089, 252.0 / 4) - 1), m.cagrPct, 1e-6);
        assertEquals((Math.pow(1.089, 252.0 / 4) - 1) / 0.10, m.calmar, 1e-6);
        assertEquals(3, m.roundTrips);
        assertEquals(6, m.trades);
    }
}
