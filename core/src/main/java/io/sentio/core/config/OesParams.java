package io.sentio.core.config;

import static io.sentio.core.config.StrategyParamTable.*;

import java.util.Arrays;

/**
 * Parameters of one symbol's online learner (DESIGN §5.3-5.4), the {@code oes} rows of
 * {@link StrategyParamTable}, in final fields the learners read per bar. Immutable; adds the
 * rules that span rows (horizon order, one weight per horizon).
 */
public final class OesParams {
    public final double ewrlsLambda;
    public final double initialVariance;
    public final double regularization;
    public final double ridge;
    public final double maxTrace;
    /** {@code oes.label}: true for next_open (the return a fill at the next open gets), false for close. */
    public final boolean nextOpenLabel;
    private final int[] horizons;
    private final double[] horizonWeights;
    public final double probabilityScale;
    public final double forecastClip;
    public final boolean bbAmplification;

    private final ParamValues values;

    private OesParams(ParamValues v) {
        this.values = v;
        this.ewrlsLambda = v.doubleValue(EWRLS_LAMBDA);
        this.initialVariance = v.doubleValue(INITIAL_VARIANCE);
        this.regularization = v.doubleValue(REGULARIZATION);
        this.ridge = v.doubleValue(RIDGE);
        this.maxTrace = v.doubleValue(MAX_TRACE);
        this.nextOpenLabel = "next_open".equals(v.text(LABEL));
        this.horizons = v.ints(HORIZONS);
        this.horizonWeights = v.reals(HORIZON_WEIGHTS);
        this.probabilityScale = v.doubleValue(PROBABILITY_SCALE);
        this.forecastClip = v.doubleValue(FORECAST_CLIP);
        this.bbAmplification = v.flag(BB_AMPLIFICATION);
        checkHorizons();
    }

    /** Validated learner params from values of {@link StrategyParamTable#TABLE}; names the first bad key. */
    public static OesParams from(ParamValues values) {
        return new OesParams(values.copy().validate());
    }

    public static OesParams defaults() {
        return from(TABLE.defaults());
    }

    private void checkHorizons() {
        for (int i = 1; i < horizons.length; i++) {
            if (horizons[i] <= horizons[i - 1]) {
                throw new ConfigException(HORIZONS.key(), "must be strictly increasing: " + Arrays.toString(horizons));
            }
        }
        if (horizonWeights.length != horizons.length) {
            throw new ConfigException(HORIZON_WEIGHTS.key(), "needs one weight per horizon ("
                + horizons.length + "), got " + horizonWeights.length);
        }
        double sum = 0;
        for (double w : horizonWeights) {
            sum += w;
        }
        if (!(sum > 0)) {
            throw new ConfigException(HORIZON_WEIGHTS.key(), "weights must not all be zero");
        }
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

    public ParamBuilder<OesParams> toBuilder() {
        return new ParamBuilder<>(values.copy(), OesParams::from);
    }

    @Override
    public String toString() {
        return "OesParams{" + values.toString("oes.") + "}";
    }
}
