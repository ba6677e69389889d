package io.sentio.launcher.alpaca.trading;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentio.launcher.alpaca.AlpacaException;
import io.sentio.launcher.alpaca.AlpacaJson;
import io.sentio.launcher.alpaca.Rfc3339;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the trading REST answers {@link AlpacaBroker} receives. Whatever the body holds, the result is
 * a value or an {@link AlpacaException} of kind WIRE that names the answer and the field at fault.
 */
final class BrokerJson {
    private BrokerJson() {
    }

    static OrderReport order(String body, String what) {
        return OrderJson.order(AlpacaJson.answer(body, what));
    }

    static Broker.Account account(String body) {
        JsonNode a = AlpacaJson.answer(body, "GET /v2/account answer");
        return new Broker.Account(AlpacaJson.text(a, "account_number"), AlpacaJson.text(a, "status"),
            AlpacaJson.number(a, "cash"), AlpacaJson.number(a, "equity"), AlpacaJson.number(a, "buying_power"));
    }

    static List<Broker.Position> positions(String body) {
        List<Broker.Position> out = new ArrayList<>();
        for (JsonNode p : AlpacaJson.answerArray(body, "GET /v2/positions answer")) {
            if (!p.isObject()) {
                throw AlpacaException.wire("GET /v2/positions answer with an element that is not an object");
            }
            out.add(new Broker.Position(AlpacaJson.required(p, "symbol", "position"), AlpacaJson.number(p, "qty"),
                AlpacaJson.number(p, "avg_entry_price"), AlpacaJson.number(p, "market_value")));
        }
        return out;
    }

    static Broker.MarketClock clock(String body) {
        JsonNode c = AlpacaJson.answer(body, "GET /v2/clock answer");
        return new Broker.MarketClock(time(c, "timestamp"), "true".equals(AlpacaJson.required(c, "is_open", "clock")),
            time(c, "next_open"), time(c, "next_close"));
    }

    private static long time(JsonNode c, String key) {
        String s = AlpacaJson.required(c, key, "clock");
        try {
            return Rfc3339.parseEpochSecond(s);
        } catch (IllegalArgumentException e) {
            throw AlpacaException.wire("clock with '" + key + "' " + e.getMessage());
        }
    }

    /** DELETE /v2/positions: one {@code {symbol, status, body}} per position. */
    static List<Broker.CloseResult> closeResults(String body) {
        List<Broker.CloseResult> out = new ArrayList<>();
        for (JsonNode r : AlpacaJson.answerArray(body, "DELETE /v2/positions answer")) {
            if (!r.isObject()) {
                throw AlpacaException.wire("DELETE /v2/positions answer with an element that is not an object");
            }
            JsonNode order = AlpacaJson.object(r, "body");
            String status = AlpacaJson.text(r, "status");
            int code;
            try {
                code = status == null ? 0 : Integer.parseInt(status);
            } catch (NumberFormatException e) {
                throw AlpacaException.wire("DELETE /v2/positions answer with status '" + status + "' (not an HTTP status)");
            }
            out.add(new Broker.CloseResult(AlpacaJson.required(r, "symbol", "closed position"), code,
                order != null && order.has("client_order_id") ? OrderJson.order(order) : null));
        }
        return out;
    }
}
