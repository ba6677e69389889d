package io.sentio.launcher.alpaca;

import com.fasterxml.jackson.core.JsonProcessingException;
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

    /** The REST answer {@code json}, which must be an object; {@code what} names it in the error. */
    public static JsonNode answer(String json, String what) {
        try {
            return object(json);
        } catch (IOException e) {
            throw AlpacaException.wire(what + " is not a JSON object: " + reason(e));
        }
    }

    /** The REST answer {@code json}, which must be an array; {@code what} names it in the error. */
    public static JsonNode answerArray(String json, String what) {
        try {
            return array(json);
        } catch (IOException e) {
            throw AlpacaException.wire(what + " is not a JSON array: " + reason(e));
        }
    }

    private static String reason(IOException e) {
        return e instanceof JsonProcessingException ? ((JsonProcessingException) e).getOriginalMessage() : e.getMessage();
    }

    /** A scalar field that must be there; {@code what} names the object in the error. */
    public static String required(JsonNode n, String key, String what) {
        String s = text(n, key);
        if (s == null) {
            throw AlpacaException.wire(what + " without '" + key + "' (or not a scalar)");
        }
        return s;
    }

    /** A scalar field as text (a number or boolean too); null when absent, null or not a scalar. */
    public static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() || !v.isValueNode() ? null : v.asText();
    }

    /** A number that Alpaca sends as a string (or as a number); NaN when absent, null or empty. */
    public static double number(JsonNode n, String key) {
        String s = text(n, key);
        if (s == null || s.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw AlpacaException.wire("'" + key + "' is not a number: '" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "'");
        }
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
