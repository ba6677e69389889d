package io.sentio.core.learn;

/**
 * Layout of one symbol's model outputs after a bar (DESIGN §3, the model tape): per horizon j
 * yhat_j, the label scale s_j and the quadratic form x'P_j x, then the Bollinger position and
 * the ready flag (1 when every horizon has had its 20 data updates). Everything a desk's signal
 * needs, nothing it does not: a desk scores the same record whatever its own parameters are.
 */
public final class ModelOutputs {
    private ModelOutputs() {
    }

    /** Doubles per symbol for {@code horizons} horizons. */
    public static int width(int horizons) {
        return 3 * horizons + 2;
    }

    public static int yhat(int j) {
        return j;
    }

    public static int scale(int horizons, int j) {
        return horizons + j;
    }

    public static int quadratic(int horizons, int j) {
        return 2 * horizons + j;
    }

    public static int bollinger(int horizons) {
        return 3 * horizons;
    }

    public static int ready(int horizons) {
        return 3 * horizons + 1;
    }
}
