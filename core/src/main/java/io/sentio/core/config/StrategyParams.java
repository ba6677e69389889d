package io.sentio.core.config;

import static io.sentio.core.config.StrategyParamTable.*;

/**
 * Every parameter of the strategy (DESIGN §5), read from the rows of {@link StrategyParamTable} into
 * final fields the hot path reads directly. Immutable; the launcher fills a {@link ParamValues}
 * from {@code rotation_params.json} and calls {@link #from}, which names the first bad key.
 */
public final class StrategyParams {
    public enum Sizing { EQUAL_WEIGHT }

    /** The desk's decision rule ({@code decision}); see docs/decisions.md. */
    public enum Decision {
        PROBABILITY("probability"), EXPECTED_RETURN("expected_return");

        private final String key;

        Decision(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        static Decision of(String key) {
            for (Decision d : values()) {
                if (d.key.equals(key)) {
                    return d;
                }
            }
            throw new ConfigException(DECISION.key(), "unknown decision " + key);
        }
    }

    // rotation
    public final int maxPositions;
    public final int minHoldBars;
    public final double buyThreshold;
    public final double exitThreshold;
    public final double rotationThreshold;
    public final double strengthSmoothing;
    public final int cooldownBars;
    // sizing
    public final Sizing sizing;
    public final double cashBuffer;
    public final double initialCapital;
    // risk
    public final int entryCutoffMinutes;
    public final int eodFlattenMinute;
    public final double circuitBreakerDrawdown;
    // decision rule
    public final Decision decision;
    public final double entryCostMultiple;
    public final double exitCostMultiple;
    public final int maxHoldBars;
    public final double calibrationHalfLife;
    public final int calibrationMinLabels;
    // costs (never optimized)
    public final double slippageBps;
    public final double commissionPerShare;
    public final double halfSpreadTicks;
    public final double tickSize;
    // sync (DESIGN §5.1)
    public final int maxForwardFill;
    public final int maxMissingSymbols;
    public final long syncTimeoutMillis;
    // learner
    public final OesParams oes;

    private final ParamValues values;

    private StrategyParams(ParamValues v) {
        this.values = v;
        this.maxPositions = v.intValue(MAX_POSITIONS);
        this.minHoldBars = v.intValue(MIN_HOLD_BARS);
        this.buyThreshold = v.doubleValue(BUY_THRESHOLD);
        this.exitThreshold = v.doubleValue(EXIT_THRESHOLD);
        this.rotationThreshold = v.doubleValue(ROTATION_THRESHOLD);
        this.strengthSmoothing = v.doubleValue(STRENGTH_SMOOTHING);
        this.cooldownBars = v.intValue(COOLDOWN_BARS);
        this.sizing = Sizing.valueOf(v.text(SIZING));
        this.cashBuffer = v.doubleValue(CASH_BUFFER);
        this.initialCapital = v.doubleValue(INITIAL_CAPITAL);
        this.entryCutoffMinutes = v.intValue(ENTRY_CUTOFF_MINUTES);
        this.eodFlattenMinute = v.intValue(EOD_FLATTEN_MINUTE);
        this.circuitBreakerDrawdown = v.doubleValue(CIRCUIT_BREAKER_DRAWDOWN);
        this.decision = Decision.of(v.text(DECISION));
        this.entryCostMultiple = v.doubleValue(ENTRY_COST_MULTIPLE);
        this.exitCostMultiple = v.doubleValue(EXIT_COST_MULTIPLE);
        this.maxHoldBars = v.intValue(MAX_HOLD_BARS);
        this.calibrationHalfLife = v.doubleValue(CALIBRATION_HALF_LIFE);
        this.calibrationMinLabels = v.intValue(CALIBRATION_MIN_LABELS);
        this.slippageBps = v.doubleValue(SLIPPAGE_BPS);
        this.commissionPerShare = v.doubleValue(COMMISSION_PER_SHARE);
        this.halfSpreadTicks = v.doubleValue(HALF_SPREAD_TICKS);
        this.tickSize = v.doubleValue(TICK_SIZE);
        this.maxForwardFill = v.intValue(MAX_FORWARD_FILL);
        this.maxMissingSymbols = v.intValue(MAX_MISSING_SYMBOLS);
        this.syncTimeoutMillis = v.longValue(SYNC_TIMEOUT_MS);
        this.oes = OesParams.from(v);
    }

    /** Validated params from values of {@link StrategyParamTable#TABLE}; names the first bad key. */
    public static StrategyParams from(ParamValues values) {
        return new StrategyParams(values.copy().validate());
    }

    public static StrategyParams defaults() {
        return from(TABLE.defaults());
    }

    public ParamBuilder<StrategyParams> toBuilder() {
        return new ParamBuilder<>(values.copy(), StrategyParams::from);
    }

    /** A copy of every value, by table row (for reports and printing). */
    public ParamValues values() {
        return values.copy();
    }

    /**
     * The MODEL rows as {@code key=value} text in table order: equal exactly when two params train
     * identical learners (a cache key that cannot collide).
     */
    public String modelKey() {
        return values.toString(ParamScope.MODEL);
    }

    /** The first MODEL row whose value differs in {@code other}, or null when both train identical learners. */
    public String modelDifference(StrategyParams other) {
        return values.firstDifference(other.values, ParamScope.MODEL);
    }

    /** Hash of the MODEL rows: equal for two params that train identical learners. */
    public long modelFingerprint() {
        return values.fingerprint(ParamScope.MODEL);
    }

    @Override
    public String toString() {
        return "StrategyParams{" + values + "}";
    }
}
