package io.sentio.core.learn;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.sentio.core.feature.FeatureNames;

/**
 * Writes one CSV row per bar of one symbol (DESIGN §7 {@code sentio features}): ts_nyt_epoch, the
 * 48 raw features by name, z_&lt;name&gt; for each, yhat_&lt;h&gt; and s_&lt;h&gt; per horizon, p, C,
 * signal. Doubles use {@link Double#toString} (shortest text that reads back to the same bits).
 * Before the symbol's 61st bar the feature, z and yhat cells are empty. signal is LONG, SHORT or
 * NEUTRAL. Not for the hot path: it formats text.
 */
public final class FeatureRowWriter {
    private final Appendable out;
    private final OnlineLearner learner;

    public FeatureRowWriter(Appendable out, OnlineLearner learner) {
        this.out = out;
        this.learner = learner;
    }

    public void writeHeader() {
        try {
            out.append("ts_nyt_epoch");
            for (String name : FeatureNames.NAMES) {
                out.append(',').append(name);
            }
            for (String name : FeatureNames.NAMES) {
                out.append(",z_").append(name);
            }
            for (int j = 0; j < learner.horizonCount(); j++) {
                int h = learner.horizon(j);
                out.append(",yhat_").append(Integer.toString(h)).append(",s_").append(Integer.toString(h));
            }
            out.append(",p,C,signal\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the row of the bar the learner has just consumed. */
    public void writeRow(long epochSecond) {
        try {
            out.append(Long.toString(epochSecond));
            boolean has = learner.hasFeatures();
            for (int i = 0; i < FeatureNames.COUNT; i++) {
                cell(has, learner.feature(i));
            }
            for (int i = 0; i < FeatureNames.COUNT; i++) {
                cell(has, learner.zscore(i));
            }
            for (int j = 0; j < learner.horizonCount(); j++) {
                cell(has, learner.prediction(j));
                cell(true, learner.labelScale(j));
            }
            cell(true, learner.probability());
            cell(true, learner.confidence());
            int s = learner.signal();
            out.append(',').append(s == Learner.SIGNAL_LONG ? "LONG" : s == Learner.SIGNAL_SHORT ? "SHORT" : "NEUTRAL");
            out.append('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void cell(boolean present, double v) throws IOException {
        out.append(',');
        if (present) {
            out.append(Double.toString(v));
        }
    }
}
