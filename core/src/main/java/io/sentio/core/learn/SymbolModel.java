package io.sentio.core.learn;

import io.sentio.core.config.OesParams;
import io.sentio.core.feature.FeatureEngine;
import io.sentio.core.feature.FeatureNames;
import io.sentio.core.feature.OnlineStandardizer;
import io.sentio.core.state.StateCodec;
import java.util.Arrays;

/**
 * One symbol's model (DESIGN §3, §5.2-5.3): features, standardizer and one EWRLS per horizon. It
 * depends only on the model parameters ({@code horizons, ewrls_lambda, initial_variance,
 * regularization, ridge, max_trace}); after each bar its {@link #outputs()} hold the record a
 * desk's {@link SignalRule} scores.
 *
 * <p>Per bar: features are updated (this also detects a session open, which drops the stored
 * regressors of the previous session unused) and x_t is standardized (it does not depend on the
 * models, so doing it before the training step changes nothing); each horizon h whose label became
 * known at this bar trains on it; then x_t is stored with o_t and c_t and predicted. The training
 * is split ({@link #predictBar}, {@link #learn}): the prediction and x'Px need only theta and one
 * product with the old P, the rank-2 update of P runs after the outputs are out. The label ({@code oes.label}) of
 * x_s is, with next_open, y = ln(o_{s+1+h}/o_{s+1}), the return of a fill at the next open, known
 * at bar s+1+h; with close (the seed's rule), y = ln(c_{s+h}/c_s), known at bar s+h. Both use
 * stored bars of this session only, so a ring of max(h)+1 bars serves both. A label that is not
 * finite (only possible with absurd prices) is skipped and counted rather than poisoning theta and P.
 */
public final class SymbolModel {
    /** Data updates after which a horizon is ready (pseudo-observations do not count). */
    public static final int READY_UPDATES = 20;

    private static final int N = FeatureNames.COUNT;

    private final int[] horizons;
    private final boolean nextOpenLabel;
    /** Slots of the stored-bar ring: max(h)+1, what a next_open label of the longest horizon reaches back. */
    private final int ring;
    private final FeatureEngine features = new FeatureEngine();
    private final OnlineStandardizer standardizer = new OnlineStandardizer(N - 1);
    private final Ewrls[] models;
    private final double[] z = new double[N];
    private final double[] stored;
    private final double[] storedOpen;
    private final double[] storedClose;
    private final double[] prediction;
    /**
     * x'P_h x of the last bar, with the P its update left. State, like the predictions: it was
     * computed from the P before that update (Sherman-Morrison), which a restore no longer has.
     */
    private final double[] quadratic;
    /** Derived from the state after each bar (and after a restore): not itself state. */
    private final double[] outputs;
    private int storedHead;
    private int storedCount;
    private boolean ready;
    private long skippedLabels;

    public SymbolModel(OesParams oes) {
        this.horizons = oes.horizons();
        this.nextOpenLabel = oes.nextOpenLabel;
        this.ring = oes.maxHorizon() + 1;
        this.models = new Ewrls[horizons.length];
        for (int j = 0; j < horizons.length; j++) {
            models[j] = new Ewrls(N, horizons[j], oes);
        }
        this.stored = new double[ring * N];
        this.storedOpen = new double[ring];
        this.storedClose = new double[ring];
        this.prediction = new double[horizons.length];
        this.quadratic = new double[horizons.length];
        this.outputs = new double[ModelOutputs.width(horizons.length)];
        Arrays.fill(prediction, Double.NaN);
        Arrays.fill(quadratic, Double.NaN);
        Arrays.fill(z, Double.NaN);
        refreshOutputs();
    }

    /** Trains on and predicts from one real bar; labels use only prices up to this bar. */
    public void onBar(long epochSecond, double open, double high, double low, double close, double volume) {
        predictBar(epochSecond, open, high, low, close, volume);
        learn();
    }

    /**
     * The decision's half of {@link #onBar} (DESIGN §3): features, each horizon's prediction with
     * the just-realized label folded into theta, and x'Px of the updated P, at about one mat-vec
     * per horizon. The outputs are final; {@link #learn} must follow before the next bar.
     */
    public void predictBar(long epochSecond, double open, double high, double low, double close, double volume) {
        boolean hasX = features.update(epochSecond, open, high, low, close, volume);
        if (features.sessionOpened()) {
            storedCount = 0;
        }
        if (hasX) {
            standardizer.standardize(features.rawVector(), z);
            z[FeatureNames.BIAS] = 1.0;
        }
        for (int j = 0; j < horizons.length; j++) {
            int h = horizons[j];
            // next_open: x_s with s = t-1-h, entered at o_{s+1} (stored h bars back), exited at o_t.
            int back = back(h);
            if (storedCount >= back) {
                double y = nextOpenLabel
                    ? Math.log(open / storedOpen[slot(h)])
                    : Math.log(close / storedClose[slot(h)]);
                if (Double.isFinite(y)) {
                    models[j].prepare(stored, slot(back) * N, y);
                } else {
                    skippedLabels++;
                }
            }
        }
        if (!hasX) {
            return;
        }
        System.arraycopy(z, 0, stored, storedHead * N, N);
        storedOpen[storedHead] = open;
        storedClose[storedHead] = close;
        storedHead = storedHead + 1 == ring ? 0 : storedHead + 1;
        if (storedCount < ring) {
            storedCount++;
        }
        boolean all = true;
        for (int j = 0; j < models.length; j++) {
            all &= models[j].dataUpdates() >= READY_UPDATES;
        }
        ready = all;
        for (int j = 0; j < models.length; j++) {
            prediction[j] = models[j].predict(z);
            // x'Px costs a mat-vec per horizon: only a ready model's confidence is ever read.
            quadratic[j] = ready ? models[j].quadraticForm(z) : Double.NaN;
        }
        refreshOutputs();
    }

    /**
     * The deferred half of {@link #onBar}: applies the pending rank-2 updates to each P and, in the
     * same sweep, computes P x for the regressor the next bar's update of that horizon will use
     * (stored {@code back} bars before the next bar), so the next {@link #predictBar} needs no
     * product but P x_t. Idempotent: a second call does nothing.
     */
    public void learn() {
        for (int j = 0; j < horizons.length; j++) {
            int back = back(horizons[j]);
            if (storedCount >= back) {
                models[j].learn(stored, slot(back) * N);
            } else {
                models[j].learn(null, 0);
            }
        }
    }

    private int back(int h) {
        return nextOpenLabel ? h + 1 : h;
    }

    /** Ring slot of the bar stored {@code back} bars before the current one (1 = the previous bar). */
    private int slot(int back) {
        int slot = storedHead - back;
        return slot < 0 ? slot + ring : slot;
    }

    /** Recomputes the outputs from the state: after each bar with a feature vector, and after a restore. */
    void refreshOutputs() {
        int hs = horizons.length;
        for (int j = 0; j < hs; j++) {
            outputs[ModelOutputs.yhat(j)] = prediction[j];
            outputs[ModelOutputs.scale(hs, j)] = models[j].labelScale();
            outputs[ModelOutputs.quadratic(hs, j)] = quadratic[j];
        }
        outputs[ModelOutputs.bollinger(hs)] = features.bollingerPosition();
        outputs[ModelOutputs.ready(hs)] = ready ? 1.0 : 0.0;
    }

    /** The model tape record of the last bar ({@link ModelOutputs} layout); owned, read-only for callers. */
    public double[] outputs() {
        return outputs;
    }

    public boolean isReady() {
        return ready;
    }

    public int horizonCount() {
        return horizons.length;
    }

    public int horizon(int j) {
        return horizons[j];
    }

    public boolean hasFeatures() {
        return features.hasFeatures();
    }

    public double feature(int i) {
        return features.raw(i);
    }

    public double zscore(int i) {
        return z[i];
    }

    public double prediction(int j) {
        return prediction[j];
    }

    public double labelScale(int j) {
        return models[j].labelScale();
    }

    public long dataUpdates(int j) {
        return models[j].dataUpdates();
    }

    public long nonFiniteFeatures() {
        return standardizer.nonFiniteCount();
    }

    public long skippedLabels() {
        return skippedLabels;
    }

    public long traceCapHits() {
        long s = 0;
        for (Ewrls m : models) {
            s += m.traceCapHits();
        }
        return s;
    }

    Ewrls model(int j) {
        return models[j];
    }

    int[] horizons() {
        return horizons;
    }

    /**
     * Visits the model's state in two parts, {@link #visitWindows} then {@link #visitFlags}, so the
     * learner's snapshot layout (version 1) keeps its byte order with the signal fields between.
     */
    void visitWindows(StateCodec c) {
        features.visit(c);
        standardizer.visit(c);
        for (Ewrls m : models) {
            m.visit(c);
        }
        c.doubles(z);
        c.doubles(stored);
        c.doubles(storedOpen);
        c.doubles(storedClose);
        c.doubles(prediction);
        c.doubles(quadratic);
        storedHead = c.i(storedHead);
        storedCount = c.i(storedCount);
    }

    void visitFlags(StateCodec c) {
        ready = c.b(ready);
        skippedLabels = c.l(skippedLabels);
    }
}
