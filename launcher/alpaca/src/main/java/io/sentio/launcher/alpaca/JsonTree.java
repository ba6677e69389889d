package io.sentio.launcher.alpaca;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal JSON reader for the low-rate control-plane messages (orders, account, trade updates):
 * objects become insertion-ordered maps, arrays lists, scalars their text (null for JSON null).
 * The market-data hot path never uses it.
 */
public final class JsonTree {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonTree() {
    }

    public static Object parse(String json) throws IOException {
        try (JsonParser p = FACTORY.createParser(json)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new IOException("empty JSON document");
            }
            return value(p, t);
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(String json) throws IOException {
        Object o = parse(json);
        if (!(o instanceof Map)) {
            throw new IOException("expected a JSON object");
        }
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    public static List<Object> array(String json) throws IOException {
        Object o = parse(json);
        if (!(o instanceof List)) {
            throw new IOException("expected a JSON array");
        }
        return (List<Object>) o;
    }

    private static Object value(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT: {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    m.put(name, value(p, p.nextToken()));
                }
                return m;
            }
            case START_ARRAY: {
                List<Object> l = new ArrayList<>();
                JsonToken n;
                while ((n = p.nextToken()) != JsonToken.END_ARRAY) {
                    l.add(value(p, n));
                }
                return l;
            }
            case VALUE_NULL:
                return null;
            default:
                return p.getText();
        }
    }

    public static String str(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v instanceof String ? (String) v : null;
    }

    /** A number that Alpaca sends as a string (or as a number); NaN when absent or null. */
    public static double num(Map<String, Object> m, String key) {
        String s = str(m, key);
        return s == null || s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> obj(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v instanceof Map ? (Map<String, Object>) v : null;
    }
}
