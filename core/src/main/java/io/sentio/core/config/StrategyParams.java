package io.sentio.core.config;

/**
 * Every parameter of the strategy (DESIGN §5): rotation, sizing, risk, costs, sync and the
 * learner's {@link OesParams}. Immutable; the launcher fills a {@link Builder} from
 * {@code rotation_params.json} and calls {@link Builder#conclude()}, which names the first bad key.
 */
public final class StrategyParams {
    public enum Sizing { EQUAL_WEIGHT }

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
    // costs (never optimized)
    public final double slippageBps;
    public final double commissionPerShare;
    // sync (DESIGN §5.1)
    public final int maxForwardFill;
    public final int maxMissingSymbols;
    public final long syncTimeoutMillis;
    // learner
    public final OesParams oes;

    private StrategyParams(Builder b, OesParams oes) {
        this.maxPositions = b.maxPositions;
        this.minHoldBars = b.minHoldBars;
        this.buyThreshold = b.buyThreshold;
        this.exitThreshold = b.exitThreshold;
        this.rotationThreshold = b.rotationThreshold;
        this.strengthSmoothing = b.strengthSmoothing;
        this.cooldownBars = b.cooldownBars;
        this.sizing = b.sizing;
        this.cashBuffer = b.cashBuffer;
        this.initialCapital = b.initialCapital;
        this.entryCutoffMinutes = b.entryCutoffMinutes;
        this.eodFlattenMinute = b.eodFlattenMinute;
        this.circuitBreakerDrawdown = b.circuitBreakerDrawdown;
        this.slippageBps = b.slippageBps;
        this.commissionPerShare = b.commissionPerShare;
        this.maxForwardFill = b.maxForwardFill;
        this.maxMissingSymbols = b.maxMissingSymbols;
        this.syncTimeoutMillis = b.syncTimeoutMillis;
        this.oes = oes;
    }

    public static StrategyParams defaults() {
        return new Builder().conclude();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.maxPositions = maxPositions;
        b.minHoldBars = minHoldBars;
        b.buyThreshold = buyThreshold;
        b.exitThreshold = exitThreshold;
        b.rotationThreshold = rotationThreshold;
        b.strengthSmoothing = strengthSmoothing;
        b.cooldownBars = cooldownBars;
        b.sizing = sizing;
        b.cashBuffer = cashBuffer;
        b.initialCapital = initialCapital;
        b.entryCutoffMinutes = entryCutoffMinutes;
        b.eodFlattenMinute = eodFlattenMinute;
        b.circuitBreakerDrawdown = circuitBreakerDrawdown;
        b.slippageBps = slippageBps;
        b.commissionPerShare = commissionPerShare;
        b.maxForwardFill = maxForwardFill;
        b.maxMissingSymbols = maxMissingSymbols;
        b.syncTimeoutMillis = syncTimeoutMillis;
        b.oes = oes.toBuilder();
        return b;
    }

    @Override
    public String toString() {
        return "StrategyParams{max_positions=" + maxPositions + ", min_hold_bars=" + minHoldBars
            + ", buy_threshold=" + buyThreshold + ", exit_threshold=" + exitThreshold
            + ", rotation_threshold=" + rotationThreshold + ", strength_smoothing=" + strengthSmoothing
            + ", cooldown_bars=" + cooldownBars + ", sizing=" + sizing + ", cash_buffer=" + cashBuffer
            + ", initial_capital=" + initialCapital + ", entry_cutoff_minutes=" + entryCutoffMinutes
            + ", eod_flatten_minute=" + eodFlattenMinute + ", circuit_breaker_drawdown=" + circuitBreakerDrawdown
            + ", costs.slippage_bps=" + slippageBps + ", costs.commission_per_share=" + commissionPerShare
            + ", sync.max_forward_fill=" + maxForwardFill + ", sync.max_missing_symbols=" + maxMissingSymbols
            + ", sync.timeout_ms=" + syncTimeoutMillis + ", oes=" + oes + "}";
    }

    /** Mutable collector of values with the DESIGN defaults; {@link #conclude()} validates. */
    public static final class Builder {
        private int maxPositions = 3;
        private int minHoldBars = 2;
        private double buyThreshold = 0.557;
        private double exitThreshold = 0.5;
        private double rotationThreshold = 1.23;
        private double strengthSmoothing = 1.0;
        private int cooldownBars = 0;
        private Sizing sizing = Sizing.EQUAL_WEIGHT;
        private double cashBuffer = 0.02;
        private double initialCapital = 100_000.0;
        private int entryCutoffMinutes = 30;
        private int eodFlattenMinute = 388;
        private double circuitBreakerDrawdown = 0.05;
        private double slippageBps = 1.0;
        private double commissionPerShare = 0.0;
        private int maxForwardFill = 5;
        private int maxMissingSymbols = 5;
        private long syncTimeoutMillis = 2000;
        private OesParams.Builder oes = new OesParams.Builder();

        public Builder maxPositions(int v) {
            maxPositions = v;
            return this;
        }

        public Builder minHoldBars(int v) {
            minHoldBars = v;
            return this;
        }

        public Builder buyThreshold(double v) {
            buyThreshold = v;
            return this;
        }

        public Builder exitThreshold(double v) {
            exitThreshold = v;
            return this;
        }

        public Builder rotationThreshold(double v) {
            rotationThreshold = v;
            return this;
        }

        public Builder strengthSmoothing(double v) {
            strengthSmoothing = v;
            return this;
        }

        public Builder cooldownBars(int v) {
            cooldownBars = v;
            return this;
        }

        public Builder sizing(Sizing v) {
            sizing = v;
            return this;
        }

        public Builder cashBuffer(double v) {
            cashBuffer = v;
            return this;
        }

        public Builder initialCapital(double v) {
            initialCapital = v;
            return this;
        }

        public Builder entryCutoffMinutes(int v) {
            entryCutoffMinutes = v;
            return this;
        }

        public Builder eodFlattenMinute(int v) {
            eodFlattenMinute = v;
            return this;
        }

        public Builder circuitBreakerDrawdown(double v) {
            circuitBreakerDrawdown = v;
            return this;
        }

        public Builder slippageBps(double v) {
            slippageBps = v;
            return this;
        }

        public Builder commissionPerShare(double v) {
            commissionPerShare = v;
            return this;
        }

        public Builder maxForwardFill(int v) {
            maxForwardFill = v;
            return this;
        }

        public Builder maxMissingSymbols(int v) {
            maxMissingSymbols = v;
            return this;
        }

        public Builder syncTimeoutMillis(long v) {
            syncTimeoutMillis = v;
            return this;
        }

        /** The learner's section, to set its keys in place. */
        public OesParams.Builder oes() {
            return oes;
        }

        public Builder oes(OesParams.Builder v) {
            oes = v;
            return this;
        }

        public StrategyParams conclude() {
            ConfigException.checkRange("max_positions", maxPositions, 1, 64);
            ConfigException.checkRange("min_hold_bars", minHoldBars, 0, 390);
            ConfigException.checkRange("buy_threshold", buyThreshold, 0.5, 0.95);
            ConfigException.checkRange("exit_threshold", exitThreshold, 0.05, 0.95);
            ConfigException.checkRange("rotation_threshold", rotationThreshold, 1.0, 100.0);
            ConfigException.checkOpenLow("strength_smoothing", strengthSmoothing, 0.0, 1.0);
            ConfigException.checkRange("cooldown_bars", cooldownBars, 0, 390);
            if (sizing == null) {
                throw new ConfigException("sizing", "must be one of EQUAL_WEIGHT");
            }
            ConfigException.checkRange("cash_buffer", cashBuffer, 0.0, 0.9);
            ConfigException.checkRange("initial_capital", initialCapital, 1.0, 1e12);
            ConfigException.checkRange("entry_cutoff_minutes", entryCutoffMinutes, 0, 390);
            ConfigException.checkRange("eod_flatten_minute", eodFlattenMinute, 1, 390);
            ConfigException.checkOpenLow("circuit_breaker_drawdown", circuitBreakerDrawdown, 0.0, 1.0);
            ConfigException.checkRange("costs.slippage_bps", slippageBps, 0.0, 1000.0);
            ConfigException.checkRange("costs.commission_per_share", commissionPerShare, 0.0, 10.0);
            ConfigException.checkRange("sync.max_forward_fill", maxForwardFill, 0, 60);
            ConfigException.checkRange("sync.max_missing_symbols", maxMissingSymbols, 0, 64);
            ConfigException.checkRange("sync.timeout_ms", syncTimeoutMillis, 1, 60_000);
            return new StrategyParams(this, oes.conclude());
        }
    }
}
