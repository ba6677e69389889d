package io.sentio.launcher.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Jackson for the low-rate control-plane messages (orders, account, trade updates, stream actions),
 * plus Alpaca's one convention Jackson cannot know: numbers often arrive as strings. The market-data
 * hot path streams tokens instead ({@code JsonFrameDecoder}).
 */
public final class AlpacaJson {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private AlpacaJson() {
    }

    public static ObjectNode newObject() {
        return MAPPER.createObjectNode();
    }

    /** The document {@code json}, which must be an object. */
    public static JsonNode object(String json) throws IOException {
        JsonNode n = MAPPER.readTree(json);
        if (n == null || !n.isObject()) {
            throw new IOException("expected a JSON object");
        }
        return n;
    }

    /** The document {@code json}, which must be an array. */
    public static JsonNode array(String json) throws IOException {
        JsonNode n = MAPPER.readTree(json);
        if (n == null || !n.isArray()) {
            throw new IOException("expected a JSON array");
        }
        return n;
    }

    /** A scalar field as text (a number or boolean too); null when absent, null or not a scalar. */
    public static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() || !v.isValueNode() ? null : v.asText();
    }

    /** A number that Alpaca sends as a string (or as a number); NaN when absent, null or empty. */
    public static double number(JsonNode n, String key) {
        String s = text(n, key);
        return s == null || s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }

    /** The strings of an array field; empty when absent or not an array. */
    public static List<String> texts(JsonNode n, String key) {
        JsonNode v = n.get(key);
        List<String> out = new ArrayList<>();
        if (v != null && v.isArray()) {
            v.forEach(e -> out.add(e.asText()));
        }
        return out;
    }

    /** A nested object; null when absent or not an object. */
    public static JsonNode object(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v != null && v.isObject() ? v : null;
    }
}
