package io.sentio.core.learn;

import java.util.Arrays;

import io.sentio.core.config.OesParams;
import io.sentio.core.feature.FeatureNames;
import io.sentio.core.state.StateCodec;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * One symbol's online expert system (DESIGN §5.2-5.4): its {@link SymbolModel} (features,
 * standardization, one EWRLS per horizon) scored after each real bar by a {@link SignalRule}
 * (ensemble, probability, Bollinger amplification, signal). All state is per instance.
 */
public final class OnlineLearner implements Learner {
    /** Layout version of {@link #snapshot}; bump it whenever a visited field changes. */
    public static final int SNAPSHOT_VERSION = 3;
    /** Data updates after which a horizon is ready (pseudo-observations do not count). */
    public static final int READY_UPDATES = SymbolModel.READY_UPDATES;

    private static final int N = FeatureNames.COUNT;

    private final SymbolModel model;
    private final SignalRule rule;
    private final int[] horizons;
    private final StateCodec codec = new StateCodec();
    private double probability = 0.5;
    private double confidence;
    private int signal = SIGNAL_NEUTRAL;

    public OnlineLearner(OesParams oes, double buyThreshold) {
        this.rule = new SignalRule(oes, buyThreshold);
        this.model = new SymbolModel(oes);
        this.horizons = model.horizons();
    }

    @Override
    public void onBar(long epochSecond, double open, double high, double low, double close, double volume) {
        predictBar(epochSecond, open, high, low, close, volume);
        learn();
    }

    @Override
    public void predictBar(long epochSecond, double open, double high, double low, double close, double volume) {
        model.predictBar(epochSecond, open, high, low, close, volume);
        if (model.isReady() && model.hasFeatures()) {
            rule.score(model.outputs(), 0);
            probability = rule.probability();
            confidence = rule.confidence();
            signal = rule.signal();
        }
    }

    @Override
    public void learn() {
        model.learn();
    }

    /** DESIGN §5.4 amplification (see {@link SignalRule}). */
    static double amplify(double p, double pos) {
        return SignalRule.amplify(p, pos);
    }

    @Override
    public double[] modelOutputs() {
        return model.outputs();
    }

    /** This learner's model: what a model tape records. */
    public SymbolModel model() {
        return model;
    }

    @Override
    public double probability() {
        return model.isReady() ? probability : 0.5;
    }

    @Override
    public double confidence() {
        return model.isReady() ? confidence : 0.0;
    }

    @Override
    public int signal() {
        return model.isReady() ? signal : SIGNAL_NEUTRAL;
    }

    @Override
    public boolean isReady() {
        return model.isReady();
    }

    /** Whether the last bar had a feature vector (from the symbol's 61st bar). */
    public boolean hasFeatures() {
        return model.hasFeatures();
    }

    /** Raw value of feature {@code i} (see {@link FeatureNames}) for the last bar; NaN before x exists. */
    public double feature(int i) {
        return model.feature(i);
    }

    /** Standardized value of feature {@code i} for the last bar (bias: 1); NaN before x exists. */
    public double zscore(int i) {
        return model.zscore(i);
    }

    public int horizonCount() {
        return horizons.length;
    }

    public int horizon(int j) {
        return horizons[j];
    }

    /** yhat of horizon index {@code j} (a log return) for the last bar; NaN before x exists. */
    public double prediction(int j) {
        return model.prediction(j);
    }

    /** Label scale s of horizon index {@code j}; 0 before its first label. */
    public double labelScale(int j) {
        return model.labelScale(j);
    }

    public long dataUpdates(int j) {
        return model.dataUpdates(j);
    }

    /** Raw feature values that were NaN or infinite (their z was set to 0). */
    public long nonFiniteFeatures() {
        return model.nonFiniteFeatures();
    }

    /** Labels skipped because their log return was not finite. */
    public long skippedLabels() {
        return model.skippedLabels();
    }

    /** Updates, over all horizons, after which trace(P) exceeded max_trace and P was scaled down. */
    public long traceCapHits() {
        return model.traceCapHits();
    }

    Ewrls model(int j) {
        return model.model(j);
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
        model.refreshOutputs();
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
        model.visitWindows(c);
        probability = c.d(probability);
        confidence = c.d(confidence);
        signal = c.i(signal);
        model.visitFlags(c);
    }
}
