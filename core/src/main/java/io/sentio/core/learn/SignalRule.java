package io.sentio.core.learn;

import io.sentio.core.config.OesParams;

/**
 * A desk's signal (DESIGN §5.4): ensemble of the horizons' standardized forecasts, each clipped to
 * [-forecast_clip, forecast_clip], weighted by
 * their confidence, probability, Bollinger amplification and the LONG/SHORT/NEUTRAL call. A pure
 * function of one symbol's {@link ModelOutputs} and the desk's parameters: no state, so any
 * number of desks can score the same model outputs, and scoring a recorded tape gives what the
 * live learner gave.
 */
public final class SignalRule {
    private final int horizons;
    private final double[] weights;
    private final double probabilityScale;
    private final double forecastClip;
    private final boolean bbAmplification;
    private final double buyThreshold;

    /** The result of the last {@link #score}: probability, confidence and signal. */
    private double probability = 0.5;
    private double confidence;
    private int signal = Learner.SIGNAL_NEUTRAL;

    public SignalRule(OesParams oes, double buyThreshold) {
        if (!(buyThreshold >= 0.0 && buyThreshold <= 1.0)) {
            throw new IllegalArgumentException("buy_threshold must be in [0, 1], got " + buyThreshold);
        }
        this.horizons = oes.horizonCount();
        this.weights = oes.horizonWeights();
        this.probabilityScale = oes.probabilityScale;
        this.forecastClip = oes.forecastClip;
        this.bbAmplification = oes.bbAmplification;
        this.buyThreshold = buyThreshold;
    }

    public int horizons() {
        return horizons;
    }

    /**
     * Scores the model outputs at {@code out[offset..]}; read the result with {@link #probability()},
     * {@link #confidence()} and {@link #signal()}. Until the model is ready: 0.5, 0, NEUTRAL.
     */
    public void score(double[] out, int offset) {
        if (out[offset + ModelOutputs.ready(horizons)] == 0.0) {
            probability = 0.5;
            confidence = 0.0;
            signal = Learner.SIGNAL_NEUTRAL;
            return;
        }
        double num = 0.0;
        double den = 0.0;
        double weightSum = 0.0;
        for (int j = 0; j < horizons; j++) {
            double w = weights[j];
            double ch = 1.0 / (1.0 + Math.sqrt(Math.max(0.0, out[offset + ModelOutputs.quadratic(horizons, j)])));
            double s = out[offset + ModelOutputs.scale(horizons, j)];
            // Clipped: the few extreme forecasts were contrarian, and one must not outvote the others.
            double zh = s == 0.0 ? 0.0 : Math.max(-forecastClip, Math.min(forecastClip, out[offset + ModelOutputs.yhat(j)] / s));
            num += w * ch * zh;
            den += w * ch;
            weightSum += w;
        }
        double ensemble = den == 0.0 ? 0.0 : num / den;
        confidence = den / weightSum;
        double p = clampProbability(0.5 + 0.4 * Math.tanh(probabilityScale * ensemble));
        if (bbAmplification) {
            p = clampProbability(amplify(p, out[offset + ModelOutputs.bollinger(horizons)]));
        }
        probability = p;
        signal = p >= buyThreshold ? Learner.SIGNAL_LONG : p <= 1.0 - buyThreshold ? Learner.SIGNAL_SHORT : Learner.SIGNAL_NEUTRAL;
    }

    public double probability() {
        return probability;
    }

    public double confidence() {
        return confidence;
    }

    public int signal() {
        return signal;
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
}
