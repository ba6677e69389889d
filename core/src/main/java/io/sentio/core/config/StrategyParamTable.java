package io.sentio.core.config;

import java.util.Arrays;
import java.util.List;

/**
 * The strategy's parameters (DESIGN §5), one row each: the single definition of every key, default,
 * range, unit and meaning of {@code rotation_params.json}. MODEL rows (DESIGN §3) change what the
 * learners learn; the rest only change the desk. To add a parameter: add a row here and to
 * {@link #TABLE}, then read it where it is used (a final field of {@link StrategyParams} or
 * {@link OesParams} when the hot path needs it).
 */
public final class StrategyParamTable {
    /** Largest {@code oes.forecast_clip}: no forecast of a sane model reaches it, so it clips nothing. */
    public static final double NO_CLIP = 1e6;

    // rotation
    public static final Param MAX_POSITIONS = Param.integer("max_positions", 3, 1, 64)
        .desk("positions", "most symbols held at once");
    public static final Param MIN_HOLD_BARS = Param.integer("min_hold_bars", 2, 0, 390)
        .desk("bars", "bars a position is held before it may exit or be rotated out");
    public static final Param BUY_THRESHOLD = Param.real("buy_threshold", 0.557, 0.5, 0.95)
        .desk("probability", "p at or above which a symbol is LONG (at or below 1 - it, SHORT)");
    public static final Param EXIT_THRESHOLD = Param.real("exit_threshold", 0.5, 0.05, 0.95)
        .desk("probability", "a held symbol exits when its p falls below this");
    public static final Param ROTATION_THRESHOLD = Param.real("rotation_threshold", 1.23, 1.0, 100.0)
        .desk("ratio", "a candidate replaces a held symbol when its strength is this many times larger");
    public static final Param STRENGTH_SMOOTHING = Param.real("strength_smoothing", 1.0, 0.0, 1.0).openLow()
        .desk("alpha", "EMA weight of the newest strength (1 = no smoothing)");
    public static final Param COOLDOWN_BARS = Param.integer("cooldown_bars", 0, 0, 390)
        .desk("bars", "bars after an exit before the same symbol may be entered again");
    // sizing
    public static final Param SIZING = Param.choice("sizing", "EQUAL_WEIGHT",
            Arrays.stream(StrategyParams.Sizing.values()).map(Enum::name).toList())
        .desk("", "how target positions are sized");
    public static final Param CASH_BUFFER = Param.real("cash_buffer", 0.02, 0.0, 0.9)
        .desk("fraction", "share of equity kept in cash");
    public static final Param INITIAL_CAPITAL = Param.real("initial_capital", 100_000.0, 1.0, 1e12)
        .desk("USD", "starting cash of a backtest");
    // risk
    public static final Param ENTRY_CUTOFF_MINUTES = Param.integer("entry_cutoff_minutes", 30, 0, 390)
        .desk("minutes", "no new entries in this many minutes before the close");
    public static final Param EOD_FLATTEN_MINUTE = Param.integer("eod_flatten_minute", 388, 1, 390)
        .desk("session minute", "minute of the session at which everything is flattened (388 = 15:58)");
    public static final Param CIRCUIT_BREAKER_DRAWDOWN = Param.real("circuit_breaker_drawdown", 0.05, 0.0, 1.0)
        .openLow().desk("fraction", "drop of equity below the session peak that flattens and stops the day");
    // costs (never optimized)
    public static final Param SLIPPAGE_BPS = Param.real("costs.slippage_bps", 1.0, 0.0, 1000.0)
        .desk("bps", "simulated slippage per share, against the order");
    public static final Param COMMISSION_PER_SHARE = Param.real("costs.commission_per_share", 0.0, 0.0, 10.0)
        .desk("USD/share", "simulated commission");
    public static final Param HALF_SPREAD_TICKS = Param.real("costs.half_spread_ticks", 0.5, 0.0, 100.0)
        .desk("ticks", "floor of the per-share fill cost: max(slippage, this many ticks), against the order");
    public static final Param TICK_SIZE = Param.real("costs.tick_size", 0.01, 0.0, 10.0).openLow()
        .desk("USD", "price tick of the half-spread floor");
    // sync (DESIGN §5.1)
    public static final Param MAX_FORWARD_FILL = Param.integer("sync.max_forward_fill", 5, 0, 60)
        .desk("bars", "consecutive missing bars of a symbol filled from its last close");
    public static final Param MAX_MISSING_SYMBOLS = Param.integer("sync.max_missing_symbols", 5, 0, 64)
        .model("symbols", "symbols a bar set may lack before it is skipped (a skipped set trains no learner)");
    public static final Param SYNC_TIMEOUT_MS = Param.longInteger("sync.timeout_ms", 2000, 1, 60_000)
        .desk("ms", "live: wait this long for a minute's bars before closing the bar set");
    // learner (DESIGN §5.3-5.4)
    public static final Param EWRLS_LAMBDA = Param.real("oes.ewrls_lambda", 0.995, 0.9, 1.0)
        .model("", "forgetting factor of the EWRLS learners");
    public static final Param INITIAL_VARIANCE = Param.real("oes.initial_variance", 10.0, 0.0, 1e9).openLow()
        .model("", "initial covariance diagonal P = v I");
    public static final Param REGULARIZATION = Param.real("oes.regularization", 0.01, 0.0, 1e6)
        .model("", "added to the gain denominator of each update");
    public static final Param RIDGE = Param.real("oes.ridge", 2e4, 0.0, 1e9)
        .model("", "ridge pseudo-observation strength; P stays below about I/ridge");
    public static final Param MAX_TRACE = Param.real("oes.max_trace", 1e6, 0.0, 1e15).openLow()
        .model("", "trace of P is scaled down to this when it grows past it");
    public static final Param LABEL = Param.choice("oes.label", "next_open", List.of("next_open", "close"))
        .model("", "what each horizon learns: ln(o[t+1+h]/o[t+1]), the return of a fill at the next open,"
            + " or the seed's ln(c[t+h]/c[t])");
    public static final Param HORIZONS = Param.integers("oes.horizons", new int[] {1, 5, 10}, 1, 8, 1, 120)
        .model("bars", "prediction horizons, strictly increasing, one learner each");
    public static final Param HORIZON_WEIGHTS = Param.reals("oes.horizon_weights", new double[] {0.3, 0.5, 0.2},
            1, 8, 0.0, 1e3)
        .desk("", "weight of each horizon's z-score in p, one per horizon, not all zero");
    public static final Param PROBABILITY_SCALE = Param.real("oes.probability_scale", 15.0, 0.0, 1e4).openLow()
        .desk("", "p = 0.5 + 0.4 tanh(scale * Z)");
    public static final Param FORECAST_CLIP = Param.real("oes.forecast_clip", 4.0, 0.0, NO_CLIP).openLow()
        .desk("label scales", "each horizon's z = yhat/s is clipped to [-this, this] before the ensemble");
    public static final Param BB_AMPLIFICATION = Param.flag("oes.bb_amplification", true)
        .desk("", "push p further from 0.5 near the Bollinger bands");

    // decision rule (docs/decisions.md)
    public static final Param DECISION = Param.choice("decision", "probability", List.of("probability", "expected_return"))
        .desk("", "probability: LONG at p >= buy_threshold, exit below exit_threshold, rank by p x C;"
            + " expected_return: enter when the calibrated expected return beats entry_cost_multiple round trips,"
            + " rank by it net of one round trip");
    public static final Param ENTRY_COST_MULTIPLE = Param.real("entry_cost_multiple", 1.0, 0.0, 100.0)
        .desk("round trips", "expected_return: enter when the expected return exceeds this many round-trip costs");
    public static final Param EXIT_COST_MULTIPLE = Param.real("exit_cost_multiple", 0.0, -100.0, 100.0)
        .desk("round trips", "expected_return: a held symbol past min_hold_bars exits when its expected return"
            + " falls below this many round-trip costs");
    public static final Param MAX_HOLD_BARS = Param.integer("max_hold_bars", 0, 0, 390)
        .desk("bars", "a position held this many bars exits (0 = no limit; either rule)");
    public static final Param CALIBRATION_HALF_LIFE = Param.real("calibration.half_life", 3900.0, 1.0, 1e7)
        .desk("labels", "expected_return: half-life of the exponentially weighted regression of each horizon's"
            + " realized next-open return on its forecast z, per symbol");
    public static final Param CALIBRATION_MIN_LABELS = Param.integer("calibration.min_labels", 390, 2, 10_000_000)
        .desk("labels", "expected_return: realized labels a symbol's horizon needs before its expected return counts");

    public static final ParamTable TABLE = ParamTable.of(MAX_POSITIONS, MIN_HOLD_BARS, BUY_THRESHOLD, EXIT_THRESHOLD,
        ROTATION_THRESHOLD, STRENGTH_SMOOTHING, COOLDOWN_BARS, SIZING, CASH_BUFFER, INITIAL_CAPITAL,
        ENTRY_CUTOFF_MINUTES, EOD_FLATTEN_MINUTE, CIRCUIT_BREAKER_DRAWDOWN, SLIPPAGE_BPS, COMMISSION_PER_SHARE,
        HALF_SPREAD_TICKS, TICK_SIZE, MAX_FORWARD_FILL, MAX_MISSING_SYMBOLS, SYNC_TIMEOUT_MS, EWRLS_LAMBDA,
        INITIAL_VARIANCE, REGULARIZATION, RIDGE, MAX_TRACE, LABEL, HORIZONS, HORIZON_WEIGHTS, PROBABILITY_SCALE,
        FORECAST_CLIP, BB_AMPLIFICATION, DECISION, ENTRY_COST_MULTIPLE, EXIT_COST_MULTIPLE, MAX_HOLD_BARS,
        CALIBRATION_HALF_LIFE, CALIBRATION_MIN_LABELS);

    private StrategyParamTable() {
    }

    /**
     * The seed preset ({@code config/presets/seed.json}): the defaults with the seed strategy's
     * rules where this round changed them (close labels, no forecast clip, no half-spread floor),
     * so the seed's behaviour and its reference figures stay reproducible.
     */
    public static ParamValues seed() {
        return TABLE.defaults().set(LABEL, "close").set(FORECAST_CLIP, NO_CLIP).set(HALF_SPREAD_TICKS, 0.0);
    }
}
