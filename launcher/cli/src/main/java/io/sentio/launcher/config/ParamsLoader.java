package io.sentio.launcher.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sentio.core.config.ConfigException;
import io.sentio.core.config.Param;
import io.sentio.core.config.ParamTable;
import io.sentio.core.config.ParamValues;
import io.sentio.core.config.StrategyParamTable;
import io.sentio.core.config.StrategyParams;
import io.sentio.launcher.SentioException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Loads {@code rotation_params.json} into a validated {@link StrategyParams}, walking the rows of a
 * {@link ParamTable}: each dotted section is a nested object. Keys not present keep their
 * defaults; unknown keys, wrong types and out-of-range values are bad-usage errors (exit 2)
 * naming the key and the file.
 */
public final class ParamsLoader {
    private ParamsLoader() {
    }

    public static StrategyParams load(Path file) {
        JsonConfig cfg = new JsonConfig(file);
        return strategy(cfg, cfg.readObject(), file.toString());
    }

    /**
     * Params from an already parsed JSON object under exactly the rules of a file; {@code source}
     * names it in error messages (e.g. "request 7 params").
     */
    public static StrategyParams fromJson(JsonNode root, String source) {
        if (root == null || !root.isObject()) {
            throw SentioException.badUsage(source + ": must be a JSON object");
        }
        return strategy(new JsonConfig(source), root, source);
    }

    /** The validated values of any {@code table} from a params file. */
    public static ParamValues read(ParamTable table, Path file) {
        JsonConfig cfg = new JsonConfig(file);
        return read(table, cfg, cfg.readObject(), file.toString());
    }

    /** The {@code provenance} section of a params file the optimizer wrote, or null. */
    public static Provenance provenance(Path file) {
        JsonConfig cfg = new JsonConfig(file);
        return Provenance.of(cfg.readObject(), file.toString());
    }

    private static StrategyParams strategy(JsonConfig cfg, JsonNode root, String source) {
        // Provenance describes the values; it is not one of them.
        Provenance.of(root, source);
        if (root.has(Provenance.KEY)) {
            root = ((ObjectNode) root).deepCopy().without(Provenance.KEY);
        }
        ParamValues values = read(StrategyParamTable.TABLE, cfg, root, source);
        return concluded(source, () -> StrategyParams.from(values));
    }

    private static ParamValues read(ParamTable table, JsonConfig cfg, JsonNode root, String source) {
        ParamValues values = table.defaults();
        section(table, cfg, values, root, "");
        return concluded(source, values::validate);
    }

    private static void section(ParamTable table, JsonConfig cfg, ParamValues values, JsonNode node, String path) {
        String prefix = path.isEmpty() ? "" : path + ".";
        cfg.rejectUnknown(node, prefix, table.childNames(path));
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix + e.getKey();
            if (table.isSection(key)) {
                section(table, cfg, values, cfg.object(e.getValue(), key), key);
            } else {
                Param p = table.find(key);
                values.set(p, value(cfg, p, e.getValue()));
            }
        }
    }

    private static Object value(JsonConfig cfg, Param p, JsonNode v) {
        String key = p.key();
        return switch (p.type()) {
            case INT -> (long) cfg.integer(v, key);
            case LONG -> cfg.longValue(v, key);
            case DOUBLE -> cfg.number(v, key);
            case BOOLEAN -> cfg.bool(v, key);
            case CHOICE -> cfg.text(v, key);
            case INT_LIST -> cfg.intArray(v, key);
            case DOUBLE_LIST -> cfg.numberArray(v, key);
        };
    }

    /** Runs a step that validates, turning its {@link ConfigException} into a bad-usage error naming the source. */
    private static <T> T concluded(String source, Supplier<T> step) {
        try {
            return step.get();
        } catch (ConfigException e) {
            throw SentioException.badUsage(source + ": key '" + e.key() + "': " + e.getMessage()
                .substring(e.key().length() + 2));
        }
    }
}
