package io.sentio.launcher.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentio.launcher.SentioException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads a {@code symbols.json}: {@code {"active": [..], "symbols": {SYM: {leverage, direction,
 * underlying, derivation?: {source, factor}}}}}. Every active symbol needs metadata, a derivation's
 * source needs metadata too, and the sign of the leverage must match the direction.
 */
public final class SymbolsLoader {
    private static final Set<String> TOP_KEYS = Set.of("active", "symbols");
    private static final Set<String> SYMBOL_KEYS = Set.of("leverage", "direction", "underlying", "derivation");
    private static final Set<String> DERIVATION_KEYS = Set.of("source", "factor");

    private SymbolsLoader() {
    }

    public static SymbolsConfig load(Path file) {
        JsonConfig cfg = new JsonConfig(file);
        JsonNode root = cfg.readObject();
        cfg.rejectUnknown(root, "", TOP_KEYS);
        JsonNode symbols = root.get("symbols");
        JsonNode activeNode = root.get("active");
        if (symbols == null || activeNode == null) {
            throw SentioException.badUsage(file + ": needs keys 'active' and 'symbols'");
        }
        cfg.object(symbols, "symbols");
        Map<String, SymbolInfo> info = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = symbols.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            info.put(e.getKey(), symbol(cfg, e.getKey(), e.getValue()));
        }
        if (!activeNode.isArray() || activeNode.isEmpty()) {
            throw cfg.error("active", "must be a non-empty array of symbols");
        }
        List<String> active = new ArrayList<>();
        for (int i = 0; i < activeNode.size(); i++) {
            String s = cfg.text(activeNode.get(i), "active[" + i + "]");
            if (!info.containsKey(s)) {
                throw cfg.error("active[" + i + "]", "symbol " + s + " has no entry under 'symbols'");
            }
            if (active.contains(s)) {
                throw cfg.error("active[" + i + "]", "duplicate symbol " + s);
            }
            active.add(s);
        }
        for (SymbolInfo si : info.values()) {
            if (si.derivation() != null && !info.containsKey(si.derivation().source())) {
                throw cfg.error("symbols." + si.symbol() + ".derivation.source",
                    "source " + si.derivation().source() + " has no entry under 'symbols'");
            }
        }
        return new SymbolsConfig(active, info);
    }

    private static SymbolInfo symbol(JsonConfig cfg, String sym, JsonNode node) {
        String p = "symbols." + sym;
        if (!sym.matches("[A-Z][A-Z0-9.]{0,9}")) {
            throw cfg.error(p, "invalid symbol name");
        }
        cfg.object(node, p);
        cfg.rejectUnknown(node, p + ".", SYMBOL_KEYS);
        double leverage = cfg.number(required(cfg, node, p, "leverage"), p + ".leverage");
        if (!(Math.abs(leverage) > 0 && Math.abs(leverage) <= 5)) {
            throw cfg.error(p + ".leverage", "value " + leverage + " out of range [-5, 0) or (0, 5]");
        }
        String dirText = cfg.text(required(cfg, node, p, "direction"), p + ".direction");
        SymbolInfo.Direction dir;
        if (dirText.equals("long")) {
            dir = SymbolInfo.Direction.LONG;
        } else if (dirText.equals("inverse")) {
            dir = SymbolInfo.Direction.INVERSE;
        } else {
            throw cfg.error(p + ".direction", "must be \"long\" or \"inverse\", got \"" + dirText + "\"");
        }
        if ((leverage < 0) != (dir == SymbolInfo.Direction.INVERSE)) {
            throw cfg.error(p + ".direction", "\"" + dirText + "\" contradicts leverage " + leverage);
        }
        String underlying = cfg.text(required(cfg, node, p, "underlying"), p + ".underlying");
        SymbolInfo.Derivation derivation = null;
        JsonNode d = node.get("derivation");
        if (d != null) {
            String dp = p + ".derivation";
            cfg.object(d, dp);
            cfg.rejectUnknown(d, dp + ".", DERIVATION_KEYS);
            String source = cfg.text(required(cfg, d, dp, "source"), dp + ".source");
            double factor = cfg.number(required(cfg, d, dp, "factor"), dp + ".factor");
            if (!(Math.abs(factor) >= 0.05 && Math.abs(factor) <= 5)) {
                throw cfg.error(dp + ".factor", "value " + factor + " out of range [-5, -0.05] or [0.05, 5]");
            }
            if (source.equals(sym)) {
                throw cfg.error(dp + ".source", "a symbol cannot derive from itself");
            }
            derivation = new SymbolInfo.Derivation(source, factor);
        }
        return new SymbolInfo(sym, leverage, dir, underlying, derivation);
    }

    private static JsonNode required(JsonConfig cfg, JsonNode node, String prefix, String key) {
        JsonNode v = node.get(key);
        if (v == null) {
            throw cfg.error(prefix + "." + key, "missing");
        }
        return v;
    }
}
