package io.sentio.core.learn;

import java.util.Arrays;

import io.sentio.core.config.OesParams;
import io.sentio.core.feature.FeatureEngine;
import io.sentio.core.feature.FeatureNames;
import io.sentio.core.feature.OnlineStandardizer;
import io.sentio.core.state.StateCodec;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * One symbol's online expert system (DESIGN §5.2-5.4): features, standardization, one EWRLS per
 * horizon, ensemble, probability, Bollinger amplification and signal. All state is per instance.
 *
 * <p>Per bar: features are updated (this also detects a session open, which drops the stored
 * regressors of the previous session unused) and x_t is standardized (it does not depend on the
 * models, so doing it before the training step changes nothing and lets each update compute
 * P x_t for the confidence in the same pass); each horizon with a stored regressor of the h-th
 * previous bar of this session trains on y = ln(c_t/c_{t-h}); then x_t is stored with c_t and
 * scored. A label that is not finite (only possible with absurd prices) is skipped
 * and counted rather than poisoning theta and P.
 */
public final class OnlineLearner implements Learner {
    /** Layout version of {@link #snapshot}; bump it whenever a visited field changes. */
    public static final int SNAPSHOT_VERSION = 1;
    /** Data updates after which a horizon is ready (pseudo-observations do not count). */
    public static final int READY_UPDATES = 20;

    private static final int N = FeatureNames.COUNT;

    private final OesParams oes;
    private final double buyThreshold;
    private final int[] horizons;
    private final double[] weights;
    private final int maxHorizon;
    private final FeatureEngine features = new FeatureEngine();
    private final OnlineStandardizer standardizer = new OnlineStandardizer(N - 1);
    private final Ewrls[] models;
    private final double[] z = new double[N];
    private final double[] stored;
    private final double[] storedClose;
    private final double[] prediction;
    private final StateCodec codec = new StateCodec();
    private int storedHead;
    private int storedCount;
    private double probability = 0.5;
    private double confidence;
    private int signal = SIGNAL_NEUTRAL;
    private boolean ready;
    private long skippedLabels;

    public OnlineLearner(OesParams oes, double buyThreshold) {
        if (!(buyThreshold >= 0.0 && buyThreshold <= 1.0)) {
            throw new IllegalArgumentException("buy_threshold must be in [0, 1], got " + buyThreshold);
        }
        this.oes = oes;
        this.buyThreshold = buyThreshold;
        this.horizons = oes.horizons();
        this.weights = oes.horizonWeights();
        this.maxHorizon = oes.maxHorizon();
        this.models = new Ewrls[horizons.length];
        for (int j = 0; j < horizons.length; j++) {
            models[j] = new Ewrls(N, horizons[j], oes);
        }
        this.stored = new double[maxHorizon * N];
        this.storedClose = new double[maxHorizon];
        this.prediction = new double[horizons.length];
        Arrays.fill(prediction, Double.NaN);
        Arrays.fill(z, Double.NaN);
    }

    @Override
    public void onBar(long epochSecond, double open, double high, double low, double close, double volume) {
        boolean hasX = features.update(epochSecond, open, high, low, close, volume);
        if (features.sessionOpened()) {
            storedCount = 0;
        }
        if (hasX) {
            standardizer.standardize(features.rawVector(), z);
            z[FeatureNames.BIAS] = 1.0;
        }
        double[] next = hasX ? z : null;
        for (int j = 0; j < horizons.length; j++) {
            int h = horizons[j];
            if (storedCount >= h) {
                int slot = storedHead - h;
                if (slot < 0) {
                    slot += maxHorizon;
                }
                double y = Math.log(close / storedClose[slot]);
                if (Double.isFinite(y)) {
                    models[j].update(stored, slot * N, y, next);
                } else {
                    skippedLabels++;
                }
            }
        }
        if (!hasX) {
            return;
        }
        System.arraycopy(z, 0, stored, storedHead * N, N);
        storedClose[storedHead] = close;
        storedHead = storedHead + 1 == maxHorizon ? 0 : storedHead + 1;
        if (storedCount < maxHorizon) {
            storedCount++;
        }
        boolean all = true;
        for (int j = 0; j < models.length; j++) {
            prediction[j] = models[j].predict(z);
            all &= models[j].dataUpdates() >= READY_UPDATES;
        }
        ready = all;
        if (ready) {
            score();
        }
    }

    private void score() {
        double num = 0.0;
        double den = 0.0;
        double weightSum = 0.0;
        for (int j = 0; j < models.length; j++) {
            double w = weights[j];
            double ch = 1.0 / (1.0 + Math.sqrt(Math.max(0.0, models[j].quadraticForm(z))));
            double s = models[j].labelScale();
            double zh = s == 0.0 ? 0.0 : prediction[j] / s;
            num += w * ch * zh;
            den += w * ch;
            weightSum += w;
        }
        double ensemble = den == 0.0 ? 0.0 : num / den;
        confidence = den / weightSum;
        double p = clampProbability(0.5 + 0.4 * Math.tanh(oes.probabilityScale * ensemble));
        if (oes.bbAmplification) {
            p = clampProbability(amplify(p, features.bollingerPosition()));
        }
        probability = p;
        signal = p >= buyThreshold ? SIGNAL_LONG : p <= 1.0 - buyThreshold ? SIGNAL_SHORT : SIGNAL_NEUTRAL;
    }

    /** DESIGN §5.4: push p further from 0.5 when the close sits at the band edge against it. */
    static double amplify(double p, double pos) {
        if (p > 0.5 && pos <= 0.30) {
            p += 0.10 * (1.0 - pos / 0.30);
            if (pos < 0.10) {
                p += 0.05;
            }
        } else if (p < 0.5 && pos >= 0.70) {
            p -= 0.10 * (pos - 0.70) / 0.30;
            if (pos > 0.90) {
                p -= 0.05;
            }
        }
        return p;
    }

    private static double clampProbability(double p) {
        return Math.max(0.05, Math.min(0.95, p));
    }

    @Override
    public double probability() {
        return ready ? probability : 0.5;
    }

    @Override
    public double confidence() {
        return ready ? confidence : 0.0;
    }

    @Override
    public int signal() {
        return ready ? signal : SIGNAL_NEUTRAL;
    }

    @Override
    public boolean isReady() {
        return ready;
    }

    /** Whether the last bar had a feature vector (from the symbol's 61st bar). */
    public boolean hasFeatures() {
        return features.hasFeatures();
    }

    /** Raw value of feature {@code i} (see {@link FeatureNames}) for the last bar; NaN before x exists. */
    public double feature(int i) {
        return features.raw(i);
    }

    /** Standardized value of feature {@code i} for the last bar (bias: 1); NaN before x exists. */
    public double zscore(int i) {
        return z[i];
    }

    public int horizonCount() {
        return horizons.length;
    }

    public int horizon(int j) {
        return horizons[j];
    }

    /** yhat of horizon index {@code j} (a log return) for the last bar; NaN before x exists. */
    public double prediction(int j) {
        return prediction[j];
    }

    /** Label scale s of horizon index {@code j}; 0 before its first label. */
    public double labelScale(int j) {
        return models[j].labelScale();
    }

    public long dataUpdates(int j) {
        return models[j].dataUpdates();
    }

    /** Raw feature values that were NaN or infinite (their z was set to 0). */
    public long nonFiniteFeatures() {
        return standardizer.nonFiniteCount();
    }

    /** Labels skipped because ln(c_t/c_{t-h}) was not finite. */
    public long skippedLabels() {
        return skippedLabels;
    }

    /** Updates, over all horizons, after which trace(P) exceeded max_trace and P was scaled down. */
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

    @Override
    public long stateHash() {
        visit(codec.hashing());
        return codec.hash();
    }

    public int snapshotLength() {
        visit(codec.measuring());
        return codec.offset();
    }

    /** Writes the full state at {@code offset}; returns the number of bytes written. */
    public int snapshot(MutableDirectBuffer buffer, int offset) {
        checkRoom(buffer.capacity(), offset);
        visit(codec.writingTo(buffer, offset));
        codec.release();
        return codec.offset() - offset;
    }

    /**
     * Replaces this learner's state with a snapshot taken by a learner of the same horizons;
     * afterwards it produces bit-identical outputs. Returns the number of bytes read.
     *
     * @throws IllegalStateException on a different format version, feature count or horizons,
     *                               or a buffer too short to hold the state
     */
    public int restore(DirectBuffer buffer, int offset) {
        checkRoom(buffer.capacity(), offset);
        codec.readingFrom(buffer, offset);
        int version = codec.i(0);
        if (version != SNAPSHOT_VERSION) {
            throw new IllegalStateException("learner snapshot has format version " + version
                + ", this build reads version " + SNAPSHOT_VERSION);
        }
        int features = codec.i(0);
        int count = codec.i(0);
        boolean same = features == N && count == horizons.length;
        for (int j = 0; same && j < count; j++) {
            same = codec.i(0) == horizons[j];
        }
        if (!same) {
            throw new IllegalStateException("learner snapshot was taken with " + features
                + " features and other horizons than " + Arrays.toString(horizons));
        }
        codec.readingFrom(buffer, offset);
        visit(codec);
        codec.release();
        return codec.offset() - offset;
    }

    private void checkRoom(int capacity, int offset) {
        int length = snapshotLength();
        if (offset < 0 || capacity - offset < length) {
            throw new IllegalStateException("learner snapshot needs " + length + " bytes at offset "
                + offset + ", buffer capacity is " + capacity);
        }
    }

    @Override
    public void visit(StateCodec c) {
        c.i(SNAPSHOT_VERSION);
        c.i(N);
        c.i(horizons.length);
        for (int h : horizons) {
            c.i(h);
        }
        features.visit(c);
        standardizer.visit(c);
        for (Ewrls m : models) {
            m.visit(c);
        }
        c.doubles(z);
        c.doubles(stored);
        c.doubles(storedClose);
        c.doubles(prediction);
        storedHead = c.i(storedHead);
        storedCount = c.i(storedCount);
        probability = c.d(probability);
        confidence = c.d(confidence);
        signal = c.i(signal);
        ready = c.b(ready);
        skippedLabels = c.l(skippedLabels);
    }
}
