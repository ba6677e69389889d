package io.sentio.core.config;

import java.util.Arrays;

/**
 * Parameters of one symbol's online learner (DESIGN §5.3-5.4), the {@code oes} section of
 * {@code rotation_params.json}. Immutable; build through {@link Builder#conclude()}.
 */
public final class OesParams {
    public final double ewrlsLambda;
    public final double initialVariance;
    public final double regularization;
    public final double ridge;
    public final double maxTrace;
    private final int[] horizons;
    private final double[] horizonWeights;
    public final double probabilityScale;
    public final boolean bbAmplification;

    private OesParams(Builder b) {
        this.ewrlsLambda = b.ewrlsLambda;
        this.initialVariance = b.initialVariance;
        this.regularization = b.regularization;
        this.ridge = b.ridge;
        this.maxTrace = b.maxTrace;
        this.horizons = b.horizons.clone();
        this.horizonWeights = b.horizonWeights.clone();
        this.probabilityScale = b.probabilityScale;
        this.bbAmplification = b.bbAmplification;
    }

    public static OesParams defaults() {
        return new Builder().conclude();
    }

    public int horizonCount() {
        return horizons.length;
    }

    public int horizon(int i) {
        return horizons[i];
    }

    public double horizonWeight(int i) {
        return horizonWeights[i];
    }

    public int[] horizons() {
        return horizons.clone();
    }

    public double[] horizonWeights() {
        return horizonWeights.clone();
    }

    public int maxHorizon() {
        int m = 0;
        for (int h : horizons) {
            m = Math.max(m, h);
        }
        return m;
    }

    public Builder toBuilder() {
        return new Builder()
            .ewrlsLambda(ewrlsLambda).initialVariance(initialVariance).regularization(regularization)
            .ridge(ridge).maxTrace(maxTrace).horizons(horizons).horizonWeights(horizonWeights)
            .probabilityScale(probabilityScale).bbAmplification(bbAmplification);
    }

    @Override
    public String toString() {
        return "OesParams{ewrls_lambda=" + ewrlsLambda + ", initial_variance=" + initialVariance
            + ", regularization=" + regularization + ", ridge=" + ridge + ", max_trace=" + maxTrace
            + ", horizons=" + Arrays.toString(horizons) + ", horizon_weights=" + Arrays.toString(horizonWeights)
            + ", probability_scale=" + probabilityScale + ", bb_amplification=" + bbAmplification + "}";
    }

    /** Mutable collector of values; {@link #conclude()} validates every key once. */
    public static final class Builder {
        private double ewrlsLambda = 0.995;
        private double initialVariance = 10.0;
        private double regularization = 0.01;
        private double ridge = 2e4;
        private double maxTrace = 1e6;
        private int[] horizons = {1, 5, 10};
        private double[] horizonWeights = {0.3, 0.5, 0.2};
        private double probabilityScale = 15.0;
        private boolean bbAmplification = true;

        public Builder ewrlsLambda(double v) {
            ewrlsLambda = v;
            return this;
        }

        public Builder initialVariance(double v) {
            initialVariance = v;
            return this;
        }

        public Builder regularization(double v) {
            regularization = v;
            return this;
        }

        public Builder ridge(double v) {
            ridge = v;
            return this;
        }

        public Builder maxTrace(double v) {
            maxTrace = v;
            return this;
        }

        public Builder horizons(int[] v) {
            horizons = v.clone();
            return this;
        }

        public Builder horizonWeights(double[] v) {
            horizonWeights = v.clone();
            return this;
        }

        public Builder probabilityScale(double v) {
            probabilityScale = v;
            return this;
        }

        public Builder bbAmplification(boolean v) {
            bbAmplification = v;
            return this;
        }

        public OesParams conclude() {
            ConfigException.checkRange("oes.ewrls_lambda", ewrlsLambda, 0.9, 1.0);
            ConfigException.checkOpenLow("oes.initial_variance", initialVariance, 0.0, 1e9);
            ConfigException.checkRange("oes.regularization", regularization, 0.0, 1e6);
            ConfigException.checkRange("oes.ridge", ridge, 0.0, 1e9);
            ConfigException.checkOpenLow("oes.max_trace", maxTrace, 0.0, 1e15);
            ConfigException.checkOpenLow("oes.probability_scale", probabilityScale, 0.0, 1e4);
            if (horizons.length < 1 || horizons.length > 8) {
                throw new ConfigException("oes.horizons", "needs 1 to 8 horizons, got " + horizons.length);
            }
            for (int i = 0; i < horizons.length; i++) {
                ConfigException.checkRange("oes.horizons", horizons[i], 1, 120);
                if (i > 0 && horizons[i] <= horizons[i - 1]) {
                    throw new ConfigException("oes.horizons", "must be strictly increasing: " + Arrays.toString(horizons));
                }
            }
            if (horizonWeights.length != horizons.length) {
                throw new ConfigException("oes.horizon_weights", "needs one weight per horizon ("
                    + horizons.length + "), got " + horizonWeights.length);
            }
            double sum = 0;
            for (double w : horizonWeights) {
                ConfigException.checkRange("oes.horizon_weights", w, 0.0, 1e3);
                sum += w;
            }
            if (!(sum > 0)) {
                throw new ConfigException("oes.horizon_weights", "weights must not all be zero");
            }
            return new OesParams(this);
        }
    }
}
