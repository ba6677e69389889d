package io.sentio.launcher.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentio.core.config.ConfigException;
import io.sentio.core.config.OesParams;
import io.sentio.core.config.StrategyParams;
import io.sentio.launcher.SentioException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Loads {@code rotation_params.json} into a validated {@link StrategyParams}. Keys not present keep
 * their defaults; unknown keys, wrong types and out-of-range values are bad-usage errors (exit 2)
 * naming the key and the file.
 */
public final class ParamsLoader {
    static final Set<String> TOP_KEYS = Set.of("max_positions", "min_hold_bars", "buy_threshold",
        "exit_threshold", "rotation_threshold", "strength_smoothing", "cooldown_bars", "sizing", "cash_buffer",
        "initial_capital", "entry_cutoff_minutes", "eod_flatten_minute", "circuit_breaker_drawdown",
        "costs", "sync", "oes");
    static final Set<String> COSTS_KEYS = Set.of("slippage_bps", "commission_per_share");
    static final Set<String> SYNC_KEYS = Set.of("max_forward_fill", "max_missing_symbols", "timeout_ms");
    static final Set<String> OES_KEYS = Set.of("ewrls_lambda", "initial_variance", "regularization", "ridge",
        "max_trace", "horizons", "horizon_weights", "probability_scale", "bb_amplification");

    private ParamsLoader() {
    }

    public static StrategyParams load(Path file) {
        JsonConfig cfg = new JsonConfig(file);
        return load(cfg, cfg.readObject(), file.toString());
    }

    /**
     * Params from an already parsed JSON object under exactly the rules of a file; {@code source}
     * names it in error messages (e.g. "request 7 params").
     */
    public static StrategyParams fromJson(JsonNode root, String source) {
        JsonConfig cfg = new JsonConfig(source);
        if (root == null || !root.isObject()) {
            throw SentioException.badUsage(source + ": must be a JSON object");
        }
        return load(cfg, root, source);
    }

    private static StrategyParams load(JsonConfig cfg, JsonNode root, String source) {
        cfg.rejectUnknown(root, "", TOP_KEYS);
        StrategyParams.Builder b = new StrategyParams.Builder();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            applyTop(cfg, b, e.getKey(), e.getValue());
        }
        try {
            return b.conclude();
        } catch (ConfigException e) {
            throw SentioException.badUsage(source + ": key '" + e.key() + "': " + e.getMessage()
                .substring(e.key().length() + 2));
        }
    }

    private static void applyTop(JsonConfig cfg, StrategyParams.Builder b, String key, JsonNode v) {
        switch (key) {
            case "max_positions": b.maxPositions(cfg.integer(v, key)); break;
            case "min_hold_bars": b.minHoldBars(cfg.integer(v, key)); break;
            case "buy_threshold": b.buyThreshold(cfg.number(v, key)); break;
            case "exit_threshold": b.exitThreshold(cfg.number(v, key)); break;
            case "rotation_threshold": b.rotationThreshold(cfg.number(v, key)); break;
            case "strength_smoothing": b.strengthSmoothing(cfg.number(v, key)); break;
            case "cooldown_bars": b.cooldownBars(cfg.integer(v, key)); break;
            case "sizing": b.sizing(sizing(cfg, cfg.text(v, key))); break;
            case "cash_buffer": b.cashBuffer(cfg.number(v, key)); break;
            case "initial_capital": b.initialCapital(cfg.number(v, key)); break;
            case "entry_cutoff_minutes": b.entryCutoffMinutes(cfg.integer(v, key)); break;
            case "eod_flatten_minute": b.eodFlattenMinute(cfg.integer(v, key)); break;
            case "circuit_breaker_drawdown": b.circuitBreakerDrawdown(cfg.number(v, key)); break;
            case "costs": section(cfg, v, key, COSTS_KEYS, (k, x) -> applyCosts(cfg, b, k, x)); break;
            case "sync": section(cfg, v, key, SYNC_KEYS, (k, x) -> applySync(cfg, b, k, x)); break;
            case "oes": section(cfg, v, key, OES_KEYS, (k, x) -> applyOes(cfg, b.oes(), k, x)); break;
            default: throw new AssertionError("unchecked key " + key);
        }
    }

    private static void applyCosts(JsonConfig cfg, StrategyParams.Builder b, String key, JsonNode v) {
        switch (key) {
            case "costs.slippage_bps": b.slippageBps(cfg.number(v, key)); break;
            case "costs.commission_per_share": b.commissionPerShare(cfg.number(v, key)); break;
            default: throw new AssertionError("unchecked key " + key);
        }
    }

    private static void applySync(JsonConfig cfg, StrategyParams.Builder b, String key, JsonNode v) {
        switch (key) {
            case "sync.max_forward_fill": b.maxForwardFill(cfg.integer(v, key)); break;
            case "sync.max_missing_symbols": b.maxMissingSymbols(cfg.integer(v, key)); break;
            case "sync.timeout_ms": b.syncTimeoutMillis(cfg.longValue(v, key)); break;
            default: throw new AssertionError("unchecked key " + key);
        }
    }

    private static void applyOes(JsonConfig cfg, OesParams.Builder b, String key, JsonNode v) {
        switch (key) {
            case "oes.ewrls_lambda": b.ewrlsLambda(cfg.number(v, key)); break;
            case "oes.initial_variance": b.initialVariance(cfg.number(v, key)); break;
            case "oes.regularization": b.regularization(cfg.number(v, key)); break;
            case "oes.ridge": b.ridge(cfg.number(v, key)); break;
            case "oes.max_trace": b.maxTrace(cfg.number(v, key)); break;
            case "oes.horizons": b.horizons(cfg.intArray(v, key)); break;
            case "oes.horizon_weights": b.horizonWeights(cfg.numberArray(v, key)); break;
            case "oes.probability_scale": b.probabilityScale(cfg.number(v, key)); break;
            case "oes.bb_amplification": b.bbAmplification(cfg.bool(v, key)); break;
            default: throw new AssertionError("unchecked key " + key);
        }
    }

    private interface FieldSink {
        void apply(String dottedKey, JsonNode value);
    }

    private static void section(JsonConfig cfg, JsonNode node, String name, Set<String> known, FieldSink sink) {
        cfg.object(node, name);
        cfg.rejectUnknown(node, name + ".", known);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            sink.apply(name + "." + e.getKey(), e.getValue());
        }
    }

    private static StrategyParams.Sizing sizing(JsonConfig cfg, String s) {
        for (StrategyParams.Sizing z : StrategyParams.Sizing.values()) {
            if (z.name().equals(s)) {
                return z;
            }
        }
        throw cfg.error("sizing", "must be one of " + java.util.Arrays.toString(StrategyParams.Sizing.values())
            + ", got \"" + s + "\"");
    }
}
