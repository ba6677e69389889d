package io.sentio.core.learn;

import static io.sentio.core.config.StrategyParamTable.BB_AMPLIFICATION;
import static io.sentio.core.config.StrategyParamTable.EWRLS_LAMBDA;
import static io.sentio.core.config.StrategyParamTable.FORECAST_CLIP;
import static io.sentio.core.config.StrategyParamTable.HORIZONS;
import static io.sentio.core.config.StrategyParamTable.HORIZON_WEIGHTS;
import static io.sentio.core.config.StrategyParamTable.INITIAL_VARIANCE;
import static io.sentio.core.config.StrategyParamTable.LABEL;
import static io.sentio.core.config.StrategyParamTable.MAX_TRACE;
import static io.sentio.core.config.StrategyParamTable.PROBABILITY_SCALE;
import static io.sentio.core.config.StrategyParamTable.REGULARIZATION;
import static io.sentio.core.config.StrategyParamTable.RIDGE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.sentio.core.config.OesParams;
import io.sentio.core.feature.FeatureNames;
import io.sentio.core.testing.TestBars;
import io.sentio.core.time.SessionCalendar;

class OnlineLearnerTest {
    private static final double BUY = 0.557;

    /** Every per-bar output a consumer can read: p, C, signal, ready, z, yhat, s. */
    static double[] outputs(OnlineLearner l) {
        int h = l.horizonCount();
        double[] o = new double[4 + FeatureNames.COUNT * 2 + 2 * h];
        int k = 0;
        o[k++] = l.probability();
        o[k++] = l.confidence();
        o[k++] = l.signal();
        o[k++] = l.isReady() ? 1 : 0;
        for (int i = 0; i < FeatureNames.COUNT; i++) {
            o[k++] = l.feature(i);
            o[k++] = l.zscore(i);
        }
        for (int j = 0; j < h; j++) {
            o[k++] = l.prediction(j);
            o[k++] = l.labelScale(j);
        }
        return o;
    }

    private static List<double[]> run(OnlineLearner l, TestBars b, int from, int to) {
        List<double[]> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            l.onBar(b.time[i], b.open[i], b.high[i], b.low[i], b.close[i], b.volume[i]);
            out.add(outputs(l));
        }
        return out;
    }

    private static OesParams labelled(String label) {
        return OesParams.defaults().toBuilder().set(LABEL, label).conclude();
    }

    @ParameterizedTest
    @ValueSource(strings = {"next_open", "close"})
    void shouldLeaveEveryEarlierOutputUnchangedWhenTheInputIsTruncated(String label) {
        TestBars b = TestBars.synthetic("TQQQ", 2400);
        OesParams params = labelled(label);
        List<double[]> full = run(new OnlineLearner(params, BUY), b, 0, b.size());
        assertTrue(full.get(b.size() - 1)[3] == 1, "the learner must be ready for this test to mean something");
        for (int t : new int[] {60, 61, 62, 95, 391, 392, 800, 1173, 1500, 2399}) {
            List<double[]> prefix = run(new OnlineLearner(params, BUY), b, 0, t + 1);
            for (int i = 0; i <= t; i++) {
                assertArrayEquals(full.get(i), prefix.get(i), "bar " + i + " after truncation at " + t);
            }
        }
    }

    @Test
    void shouldNotChangeOneLearnersOutputsWhenAnotherSeesOtherData() {
        TestBars a = TestBars.synthetic("TQQQ", 3000);
        TestBars b = TestBars.synthetic("SQQQ", 3000);
        OnlineLearner alone = new OnlineLearner(OesParams.defaults(), BUY);
        OnlineLearner first = new OnlineLearner(OesParams.defaults(), BUY);
        OnlineLearner second = new OnlineLearner(OesParams.defaults(), BUY);
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            alone.onBar(a.time[i], a.open[i], a.high[i], a.low[i], a.close[i], a.volume[i]);
            second.onBar(b.time[i], b.open[i], b.high[i], b.low[i], b.close[i], b.volume[i]);
            first.onBar(a.time[i], a.open[i], a.high[i], a.low[i], a.close[i], a.volume[i]);
            assertArrayEquals(outputs(alone), outputs(first), "bar " + i);
        }
        assertEquals(alone.stateHash(), first.stateHash());
        assertFalse(alone.stateHash() == second.stateHash());
    }

    @Test
    void shouldStayFiniteAndBoundedOverAHundredThousandRandomBarsAndEverySyntheticMarketBar() {
        OesParams params = OesParams.defaults();
        SyntheticBars s = new SyntheticBars(100_000, 42, LocalDate.of(2021, 1, 4));
        OnlineLearner random = new OnlineLearner(params, BUY);
        for (int i = 0; i < s.size(); i++) {
            s.feed(random, i);
            assertHealthy(random, params, "random bar " + i);
        }
        assertTrue(random.isReady());
        for (String symbol : new String[] {"UVXY", "UVIX", "TQQQ"}) {
            assertHealthyOverEveryBar(TestBars.synthetic(symbol, Integer.MAX_VALUE), params);
        }
    }

    @Test
    @Tag(TestBars.REAL_DATA)
    void shouldStayFiniteAndBoundedOverAllRealBars() {
        assertHealthyOverEveryBar(TestBars.real("UVXY", Integer.MAX_VALUE), OesParams.defaults());
    }

    private static void assertHealthyOverEveryBar(TestBars b, OesParams params) {
        OnlineLearner l = new OnlineLearner(params, BUY);
        for (int i = 0; i < b.size(); i++) {
            l.onBar(b.time[i], b.open[i], b.high[i], b.low[i], b.close[i], b.volume[i]);
            assertHealthy(l, params, b.symbol + " bar " + i);
        }
        assertTrue(l.isReady(), b.symbol);
        assertEquals(0, l.nonFiniteFeatures(), b.symbol);
        assertEquals(0, l.traceCapHits(), b.symbol + ": the ridge keeps P far below max_trace");
    }

    private static void assertHealthy(OnlineLearner l, OesParams params, String where) {
        double p = l.probability();
        double c = l.confidence();
        if (!(p >= 0.05 && p <= 0.95 && c >= 0 && c <= 1)) {
            throw new AssertionError(where + ": p=" + p + " C=" + c);
        }
        for (int j = 0; j < l.horizonCount(); j++) {
            Ewrls m = l.model(j);
            double trace = m.trace();
            if (!(trace <= params.maxTrace * (1 + 1e-12))) {
                throw new AssertionError(where + ": trace " + trace);
            }
            for (int i = 0; i < FeatureNames.COUNT; i++) {
                if (!(m.p(i, i) > 0)) {
                    throw new AssertionError(where + ": P[" + i + "][" + i + "] = " + m.p(i, i));
                }
            }
        }
    }

    @Test
    void shouldCountNonFiniteFeaturesAndSkipNonFiniteLabelsWithoutPoisoningTheModel() {
        SyntheticBars s = new SyntheticBars(600, 9, LocalDate.of(2025, 4, 1));
        OnlineLearner l = new OnlineLearner(OesParams.defaults(), BUY);
        for (int i = 0; i < 300; i++) {
            s.feed(l, i);
        }
        l.onBar(s.time[300], 1e-300, 1e-300, 1e-300, 1e-300, 1);
        l.onBar(s.time[301], 1e300, 1e300, 1e300, 1e300, 1);
        assertTrue(l.nonFiniteFeatures() > 0);
        assertTrue(l.skippedLabels() > 0);
        for (int i = 302; i < 600; i++) {
            s.feed(l, i);
            assertTrue(Double.isFinite(l.probability()) && Double.isFinite(l.confidence()), "bar " + i);
            for (int j = 0; j < l.horizonCount(); j++) {
                assertTrue(Double.isFinite(l.prediction(j)), "yhat at bar " + i);
            }
        }
    }

    @Test
    void shouldProduceBitIdenticalOutputsAfterSnapshotAndRestore() {
        TestBars b = TestBars.synthetic("UPRO", 3000);
        OnlineLearner original = new OnlineLearner(OesParams.defaults(), BUY);
        run(original, b, 0, 1700);
        int length = original.snapshotLength();
        UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(length + 16));
        assertEquals(length, original.snapshot(buffer, 8));
        OnlineLearner restored = new OnlineLearner(OesParams.defaults(), BUY);
        assertEquals(length, restored.restore(buffer, 8));
        assertEquals(original.stateHash(), restored.stateHash());
        assertArrayEquals(outputs(original), outputs(restored));
        for (int i = 1700; i < b.size(); i++) {
            original.onBar(b.time[i], b.open[i], b.high[i], b.low[i], b.close[i], b.volume[i]);
            restored.onBar(b.time[i], b.open[i], b.high[i], b.low[i], b.close[i], b.volume[i]);
            assertArrayEquals(outputs(original), outputs(restored), "bar " + i);
        }
        assertEquals(original.stateHash(), restored.stateHash());
    }

    @Test
    void shouldRefuseASnapshotOfAnotherFormatVersionOrOtherHorizons() {
        OnlineLearner l = new OnlineLearner(OesParams.defaults(), BUY);
        UnsafeBuffer buffer = new UnsafeBuffer(new byte[l.snapshotLength()]);
        l.snapshot(buffer, 0);
        buffer.putInt(0, OnlineLearner.SNAPSHOT_VERSION + 1, java.nio.ByteOrder.LITTLE_ENDIAN);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> l.restore(buffer, 0));
        assertTrue(e.getMessage().contains("format version " + (OnlineLearner.SNAPSHOT_VERSION + 1)), e.getMessage());

        l.snapshot(buffer, 0);
        OnlineLearner other = new OnlineLearner(OesParams.defaults().toBuilder()
            .set(HORIZONS, new int[] {1, 5, 15}).conclude(), BUY);
        assertThrows(IllegalStateException.class, () -> other.restore(buffer, 0));
        assertThrows(IllegalStateException.class, () -> l.restore(new UnsafeBuffer(new byte[64]), 0));
    }

    /**
     * x exists from bar 61. A close label of x_s is known at bar s+h, a next_open label at bar
     * s+1+h: one bar later, so one update fewer per horizon and session, and ready one bar later.
     */
    @ParameterizedTest
    @ValueSource(strings = {"next_open", "close"})
    void shouldTrainOnlyWithinSessionsAndBecomeReadyAfterTwentyUpdatesOfEveryHorizon(String label) {
        int late = label.equals("next_open") ? 1 : 0;
        long day1 = LocalDate.of(2025, 4, 1).toEpochDay();
        long day2 = LocalDate.of(2025, 4, 2).toEpochDay();
        OnlineLearner l = new OnlineLearner(labelled(label), BUY);
        int readyBar = 90 + late;
        for (int m = 0; m < 100; m++) {
            double c = 100 + Math.sin(m * 0.7);
            l.onBar(SessionCalendar.openEpochSecond(day1) + 60L * m, c - 0.05, c + 0.2, c - 0.2, c, 100);
            int bar = m + 1;
            assertEquals(bar >= readyBar, l.isReady(), "bar " + bar + ": horizon 10 reaches 20 updates at bar " + readyBar);
            if (bar < readyBar) {
                assertEquals(0.5, l.probability());
                assertEquals(0.0, l.confidence());
                assertEquals(Learner.SIGNAL_NEUTRAL, l.signal());
            }
        }
        assertEquals(39 - late, l.dataUpdates(0));
        assertEquals(35 - late, l.dataUpdates(1));
        assertEquals(30 - late, l.dataUpdates(2));
        for (int m = 0; m < 30; m++) {
            double c = 101 + Math.cos(m * 0.3);
            l.onBar(SessionCalendar.openEpochSecond(day2) + 60L * m, c - 0.05, c + 0.2, c - 0.2, c, 100);
        }
        assertEquals(39 + 29 - 2 * late, l.dataUpdates(0), "no label spans the session boundary");
        assertEquals(35 + 25 - 2 * late, l.dataUpdates(1));
        assertEquals(30 + 20 - 2 * late, l.dataUpdates(2));
    }

    /** The label scale starts at |y| of the first label, which makes each horizon's first label visible. */
    @Test
    void shouldLabelARegressorWithTheReturnOfAFillAtTheNextOpenOrWithTheCloseToCloseReturn() {
        TestBars b = TestBars.synthetic("QQQ", 200);
        int first = 60;
        for (int h : new int[] {1, 3}) {
            OesParams base = OesParams.defaults().toBuilder().set(HORIZONS, new int[] {h})
                .set(HORIZON_WEIGHTS, new double[] {1}).conclude();
            OnlineLearner next = new OnlineLearner(base, BUY);
            OnlineLearner close = new OnlineLearner(base.toBuilder().set(LABEL, "close").conclude(), BUY);
            for (int i = 0; i <= first + 1 + h; i++) {
                assertEquals(0.0, next.labelScale(0), "no next_open label before bar " + (first + 1 + h));
                next.onBar(b.time[i], b.open[i], b.high[i], b.low[i], b.close[i], b.volume[i]);
                if (i <= first + h) {
                    if (i == first + h) {
                        assertEquals(0.0, close.labelScale(0));
                    }
                    close.onBar(b.time[i], b.open[i], b.high[i], b.low[i], b.close[i], b.volume[i]);
                }
            }
            assertEquals(Math.abs(Math.log(b.open[first + 1 + h] / b.open[first + 1])), next.labelScale(0), 1e-15,
                "x of bar " + first + ", h " + h + ": ln(o[s+1+h]/o[s+1])");
            assertEquals(Math.abs(Math.log(b.close[first + h] / b.close[first])), close.labelScale(0), 1e-15,
                "x of bar " + first + ", h " + h + ": ln(c[s+h]/c[s])");
            assertEquals(1, next.dataUpdates(0));
            assertEquals(1, close.dataUpdates(0));
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {4.0, 0.05})
    void shouldCombineHorizonsExactlyAsTheEnsembleFormulaSays(double clip) {
        TestBars b = TestBars.synthetic("QQQ", 1200);
        OesParams params = OesParams.defaults().toBuilder().set(BB_AMPLIFICATION, false).set(FORECAST_CLIP, clip)
            .conclude();
        int clipped = 0;
        OnlineLearner l = new OnlineLearner(params, BUY);
        int checked = 0;
        for (int i = 0; i < b.size(); i++) {
            l.onBar(b.time[i], b.open[i], b.high[i], b.low[i], b.close[i], b.volume[i]);
            if (!l.isReady()) {
                continue;
            }
            double[] z = new double[FeatureNames.COUNT];
            for (int k = 0; k < z.length; k++) {
                z[k] = l.zscore(k);
            }
            double num = 0;
            double den = 0;
            double wsum = 0;
            for (int j = 0; j < l.horizonCount(); j++) {
                double w = params.horizonWeight(j);
                // x'Px as published (Sherman-Morrison from the P before the update) and as
                // recomputed from the P after it: equal to rounding.
                double q = l.modelOutputs()[ModelOutputs.quadratic(l.horizonCount(), j)];
                double direct = l.model(j).quadraticForm(z);
                assertEquals(direct, q, 1e-9 * Math.abs(direct), "x'Px of horizon " + j + " at bar " + i);
                double ch = 1 / (1 + Math.sqrt(Math.max(0, q)));
                double zh = l.prediction(j) / l.labelScale(j);
                if (Math.abs(zh) > clip) {
                    zh = Math.copySign(clip, zh);
                    clipped++;
                }
                num += w * ch * zh;
                den += w * ch;
                wsum += w;
            }
            double p = Math.max(0.05, Math.min(0.95, 0.5 + 0.4 * Math.tanh(15 * num / den)));
            assertEquals(p, l.probability(), 1e-15, "bar " + i);
            assertEquals(den / wsum, l.confidence(), 1e-15);
            int signal = p >= BUY ? 1 : p <= 1 - BUY ? -1 : 0;
            assertEquals(signal, l.signal());
            checked++;
        }
        assertTrue(checked > 1000);
        if (clip < 0.1) {
            assertTrue(clipped > 100, "a clip of 0.05 label scales must bind: " + clipped);
        }
    }

    @Test
    void shouldAmplifyProbabilityAtTheBollingerBandEdges() {
        assertEquals(0.75, OnlineLearner.amplify(0.6, 0.0), 1e-15);
        assertEquals(0.65, OnlineLearner.amplify(0.6, 0.15), 1e-15);
        assertEquals(0.6, OnlineLearner.amplify(0.6, 0.5), 1e-15);
        assertEquals(0.6, OnlineLearner.amplify(0.6, 0.95), 1e-15, "no damping against the direction");
        assertEquals(0.4 - 0.1 * 0.25 / 0.3 - 0.05, OnlineLearner.amplify(0.4, 0.95), 1e-15);
        assertEquals(0.4 - 0.1 * 0.1 / 0.3, OnlineLearner.amplify(0.4, 0.8), 1e-15);
        assertEquals(0.5, OnlineLearner.amplify(0.5, 0.0), "p = 0.5 is never amplified");
    }

    @Test
    void shouldChangeOutputsWhenAnyParameterChanges() {
        TestBars b = TestBars.synthetic("SDS", 2500);
        OesParams base = OesParams.defaults();
        List<double[]> reference = run(new OnlineLearner(base, BUY), b, 0, b.size());
        OesParams[] variants = {
            base.toBuilder().set(EWRLS_LAMBDA, 0.99).conclude(),
            base.toBuilder().set(INITIAL_VARIANCE, 1).conclude(),
            base.toBuilder().set(REGULARIZATION, 0.5).conclude(),
            base.toBuilder().set(RIDGE, 2e3).conclude(),
            base.toBuilder().set(MAX_TRACE, 0.05).conclude(),
            base.toBuilder().set(HORIZONS, new int[] {1, 5, 15}).conclude(),
            base.toBuilder().set(HORIZON_WEIGHTS, new double[] {0.2, 0.5, 0.3}).conclude(),
            base.toBuilder().set(PROBABILITY_SCALE, 10).conclude(),
            base.toBuilder().set(BB_AMPLIFICATION, false).conclude(),
            base.toBuilder().set(LABEL, "close").conclude(),
            base.toBuilder().set(FORECAST_CLIP, 0.5).conclude(),
        };
        for (OesParams v : variants) {
            List<double[]> out = run(new OnlineLearner(v, BUY), b, 0, b.size());
            assertTrue(differ(reference, out), "outputs did not change with " + v);
        }
        List<double[]> buy = run(new OnlineLearner(base, 0.52), b, 0, b.size());
        boolean signalChanged = false;
        for (int i = 0; i < buy.size(); i++) {
            signalChanged |= buy.get(i)[2] != reference.get(i)[2];
        }
        assertTrue(signalChanged, "buy_threshold 0.52 must change some signal");
    }

    private static boolean differ(List<double[]> a, List<double[]> b) {
        for (int i = 0; i < a.size(); i++) {
            double[] x = a.get(i);
            double[] y = b.get(i);
            if (x[0] != y[0] || x[1] != y[1]) {
                return true;
            }
        }
        return false;
    }
}
