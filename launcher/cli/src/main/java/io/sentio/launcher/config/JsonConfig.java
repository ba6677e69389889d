package io.sentio.launcher.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sentio.launcher.SentioException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Reads a JSON config file and hands out typed values; every error is a bad-usage
 * {@link SentioException} that names the file and the dotted key.
 */
final class JsonConfig {
    private static final ObjectMapper MAPPER = new ObjectMapper()
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final Path file;
    private final String source;

    JsonConfig(Path file) {
        this.file = file;
        this.source = file.toString();
    }

    /** A config that did not come from a file (e.g. a request's params); {@code source} names it in errors. */
    JsonConfig(String source) {
        this.file = null;
        this.source = source;
    }

    Path file() {
        return file;
    }

    JsonNode readObject() {
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw SentioException.badUsage("config file not found: " + file);
        } catch (JsonProcessingException e) {
            throw SentioException.badUsage(file + ": invalid JSON: " + e.getOriginalMessage() + " at line "
                + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        } catch (IOException e) {
            throw SentioException.badUsage(file + ": cannot read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw SentioException.badUsage(file + ": top level must be a JSON object");
        }
        return root;
    }

    SentioException error(String key, String message) {
        return SentioException.badUsage(source + ": key '" + key + "': " + message);
    }

    /** Fails on the first field of {@code node} whose name is not in {@code known}. */
    void rejectUnknown(JsonNode node, String prefix, Set<String> known) {
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            String name = it.next().getKey();
            if (!known.contains(name)) {
                throw SentioException.badUsage(source + ": unknown key '" + prefix + name + "' (known: "
                    + String.join(", ", new java.util.TreeSet<>(known)) + ")");
            }
        }
    }

    JsonNode object(JsonNode node, String key) {
        if (!node.isObject()) {
            throw error(key, "must be a JSON object, got " + node.getNodeType());
        }
        return node;
    }

    double number(JsonNode node, String key) {
        if (!node.isNumber()) {
            throw error(key, "must be a number, got " + describe(node));
        }
        return node.doubleValue();
    }

    int integer(JsonNode node, String key) {
        long v = longValue(node, key);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw error(key, "integer " + v + " out of range");
        }
        return (int) v;
    }

    long longValue(JsonNode node, String key) {
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw error(key, "must be an integer, got " + describe(node));
        }
        return node.longValue();
    }

    boolean bool(JsonNode node, String key) {
        if (!node.isBoolean()) {
            throw error(key, "must be true or false, got " + describe(node));
        }
        return node.booleanValue();
    }

    String text(JsonNode node, String key) {
        if (!node.isTextual()) {
            throw error(key, "must be a string, got " + describe(node));
        }
        return node.textValue();
    }

    int[] intArray(JsonNode node, String key) {
        if (!node.isArray()) {
            throw error(key, "must be an array of integers, got " + describe(node));
        }
        int[] out = new int[node.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = integer(node.get(i), key + "[" + i + "]");
        }
        return out;
    }

    double[] numberArray(JsonNode node, String key) {
        if (!node.isArray()) {
            throw error(key, "must be an array of numbers, got " + describe(node));
        }
        double[] out = new double[node.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(node.get(i), key + "[" + i + "]");
        }
        return out;
    }

    private static String describe(JsonNode node) {
        String s = node.toString();
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " "
            + (s.length() > 60 ? s.substring(0, 60) + "..." : s);
    }
}
