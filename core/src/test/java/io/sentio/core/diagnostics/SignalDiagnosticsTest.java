package io.sentio.core.diagnostics;

import static io.sentio.core.config.StrategyParamTable.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.core.config.StrategyParams;
import io.sentio.core.learn.Learner;
import io.sentio.core.pipeline.BarTape;
import io.sentio.core.pipeline.DeskReplay;
import io.sentio.core.pipeline.ModelTape;
import io.sentio.core.pipeline.PipelineContext;
import io.sentio.core.pipeline.RunResult;
import io.sentio.core.sync.SessionMinuteMerger;
import io.sentio.core.synth.SyntheticMarket;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The signal tear sheet's statistics against hand-computed values and series of known IC. */
class SignalDiagnosticsTest {

    @Test
    void shouldComputeSpearmanWithAverageRanksForTies() {
        // ranks x 1..5, y (5,6,7,8,7) -> 1,2,3.5,5,3.5; r = 8 / sqrt(10 * 9.5)
        assertEquals(8 / Math.sqrt(95), RankCorrelation.spearman(new double[] {1, 2, 3, 4, 5}, new double[] {5, 6, 7, 8, 7}),
            1e-15);
        assertEquals(1.0, RankCorrelation.spearman(new double[] {1, 2, 3, 9}, new double[] {-5, 0, 1, 100}), 1e-15);
        assertEquals(-1.0, RankCorrelation.spearman(new double[] {1, 2, 3}, new double[] {3, 2, 1}), 1e-15);
        assertEquals(1.0, RankCorrelation.spearman(new double[] {1, Double.NaN, 2, 3}, new double[] {1, 9, 2, 3}), 1e-15,
            "a pair with a NaN is left out");
        assertTrue(Double.isNaN(RankCorrelation.spearman(new double[] {1, 1, 1}, new double[] {1, 2, 3})));
    }

    @Test
    void shouldMeasureTheKnownIcOfASyntheticForecast() {
        // Two symbols, 40 sessions of 100 bars: forecast = forward return + noise of equal variance,
        // so the rank IC is about 0.69 (Pearson 1/sqrt 2 = 0.707 for normal data); a reversed
        // forecast gives the negative of it; an independent one about 0.
        Random rnd = new Random(3);
        int sessions = 40;
        int perSession = 200;
        int n = sessions * perSession;
        int[] session = new int[n];
        long[] day = new long[n];
        int[] symbol = new int[n];
        int[] minute = new int[n];
        double[][] forward = new double[SignalSample.FORWARD.length][n];
        double[][] forecast = new double[3][n];
        for (int i = 0; i < n; i++) {
            session[i] = i / perSession;
            day[i] = LocalDate.of(2025, 4, 1).toEpochDay() + session[i];
            symbol[i] = i % 2;
            minute[i] = (i % perSession) / 2;
            for (int k = 0; k < forward.length; k++) {
                forward[k][i] = rnd.nextGaussian() * 1e-3;
            }
            int ref = java.util.Arrays.binarySearch(SignalSample.FORWARD, SignalDiagnostics.REFERENCE_BARS);
            forecast[0][i] = forward[ref][i] + rnd.nextGaussian() * 1e-3;
            forecast[1][i] = -forecast[0][i];
            forecast[2][i] = rnd.nextGaussian();
        }
        int[] neutral = new int[n];
        SignalSample x = SignalSample.of(List.of("good", "reversed", "noise"), sessions, session, day, symbol, minute,
            forecast, forward, neutral, neutral);
        SignalReport r = SignalDiagnostics.report(x, List.of("A", "B"), emptyRun(), 2.0);
        int ref = java.util.Arrays.binarySearch(SignalSample.FORWARD, SignalDiagnostics.REFERENCE_BARS);
        MeanT good = r.pooledDecay()[0][ref];
        assertEquals(0.69, good.mean(), 0.03);
        assertTrue(good.t() > 20, "40 sessions of a 0.69 IC: t " + good.t());
        assertEquals(-good.mean(), r.pooledDecay()[1][ref].mean(), 1e-12);
        assertEquals(0.0, r.pooledDecay()[2][ref].mean(), 0.03);
        assertEquals(0.0, r.pooledDecay()[0][0].mean(), 0.03, "no information about the other horizons' returns");
        assertEquals(0.69, r.symbolDecay()[1][0][ref].mean(), 0.04);
        assertEquals(40, good.n());
        assertEquals(List.of("2025-04", "2025-05"), r.months());
        assertTrue(r.quantiles()[0].topPercentBp() > r.quantiles()[0].decileBp()[9]);
        assertTrue(r.quantiles()[0].decileBp()[9] > 0 && r.quantiles()[0].decileBp()[0] < 0);
    }

    @Test
    void shouldTabulateDecilesAndTailsInBasisPoints() {
        double[] f = new double[1000];
        double[] y = new double[1000];
        for (int i = 0; i < 1000; i++) {
            f[999 - i] = i;
            y[999 - i] = i * 1e-5;
        }
        SignalReport.Quantiles q = SignalDiagnostics.quantiles(f, y, 1000);
        for (int d = 0; d < 10; d++) {
            assertEquals((d * 100 + 49.5) * 0.1, q.decileBp()[d], 1e-9);
            assertEquals(100, q.decileCount()[d]);
        }
        assertEquals(10, q.tailCount());
        assertEquals(0.45, q.bottomPercentBp(), 1e-9);
        assertEquals(99.45, q.topPercentBp(), 1e-9);
    }

    @Test
    void shouldSampleRealBarsOfReadyModelsWithReturnsFromTheNextOpen() {
        SyntheticMarket market = SyntheticMarket.generate(5, LocalDate.of(2025, 6, 2), 3);
        StrategyParams p = StrategyParams.defaults();
        BarTape bars;
        try (SessionMinuteMerger m = new SessionMinuteMerger(market.sources())) {
            bars = BarTape.record(market.universe().size(), m);
        }
        ModelTape tape = ModelTape.record(p, bars);
        SignalSample x = SignalSample.of(p, tape, bars);
        assertTrue(x.size() > 1000, "observations " + x.size());
        assertEquals(3, x.sessions());
        assertEquals(List.of("z_h1", "z_h5", "z_h10", "p", "pC", "er"), x.forecastNames());
        int longs = 0;
        for (int i = 0; i < x.size(); i++) {
            longs += x.signal[i] == Learner.SIGNAL_LONG ? 1 : 0;
            assertTrue(x.forecast[3][i] >= 0.05 && x.forecast[3][i] <= 0.95);
        }
        assertTrue(longs > 0);
        // the first observation's 1-bar return, by hand from the bar tape
        int row = 0;
        while (bars.get(row).nyEpochDay != x.day[0] || bars.get(row).sessionMinute != x.minute[0]) {
            row++;
        }
        int s = x.symbol[0];
        assertEquals(Math.log(bars.get(row + 2).open[s] / bars.get(row + 1).open[s]), x.forward[0][0], 1e-15);

        PipelineContext ctx = new PipelineContext().universe(market.universe()).learnerFactory(i -> null)
            .params(p.toBuilder().set(SLIPPAGE_BPS, 0.0).conclude()).conclude();
        RunResult gross = DeskReplay.run(ctx, tape, bars);
        SignalReport r = SignalDiagnostics.report(x, market.universe().symbols(), gross, 2.0);
        assertEquals(gross.roundTrips.size(), r.turnover().roundTrips());
        assertTrue(Double.isFinite(r.turnover().grossEdgeBpPerRoundTrip()));
        assertEquals(x.size(), r.signals().observations());

        // er: NaN until the symbol's calibration has its minimum labels, then the rule's expected return.
        int calibrated = 0;
        for (int i = 0; i < x.size(); i++) {
            double er = x.forecast[5][i];
            if (Double.isNaN(er)) {
                continue;
            }
            calibrated++;
            assertTrue(Double.isFinite(er));
        }
        assertTrue(calibrated > 0 && calibrated < x.size(), calibrated + " of " + x.size());
        int first = 0;
        while (Double.isNaN(x.forecast[5][first])) {
            first++;
        }
        int earlier = 0;
        for (int i = 0; i < first; i++) {
            earlier += x.symbol[i] == x.symbol[first] ? 1 : 0;
        }
        assertTrue(earlier >= p.calibrationMinLabels, "labels come from earlier observations: " + earlier);
    }

    private static RunResult emptyRun() {
        SyntheticMarket market = SyntheticMarket.generate(1, LocalDate.of(2025, 6, 2), 1);
        StrategyParams p = StrategyParams.defaults();
        BarTape bars;
        try (SessionMinuteMerger m = new SessionMinuteMerger(market.sources())) {
            bars = BarTape.record(market.universe().size(), m);
        }
        PipelineContext ctx = new PipelineContext().universe(market.universe()).learnerFactory(i -> null).params(p)
            .conclude();
        return DeskReplay.run(ctx, ModelTape.record(p, bars), bars);
    }
}
