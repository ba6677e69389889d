package io.sentio.launcher.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/** Jackson nodes for the stand-in's answers, with numbers written the way Alpaca writes them. */
final class WireJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private WireJson() {
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** A market-data number: whole values (volumes, round prices) without a fraction, as Alpaca sends them. */
    static JsonNode number(double v) {
        return whole(v) ? LongNode.valueOf((long) v) : DoubleNode.valueOf(v);
    }

    /** A trading-API number: a decimal string, as Alpaca's trading API writes them; null for NaN. */
    static String decimal(double v) {
        if (Double.isNaN(v)) {
            return null;
        }
        return whole(v) ? Long.toString((long) v) : BigDecimal.valueOf(v).toPlainString();
    }

    /** Whole and small enough to be exact as a long: Alpaca writes such numbers without a fraction. */
    static boolean whole(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15;
    }
}
