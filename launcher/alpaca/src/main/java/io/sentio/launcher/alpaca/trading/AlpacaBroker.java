package io.sentio.launcher.alpaca.trading;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentio.launcher.alpaca.AlpacaApiException;
import io.sentio.launcher.alpaca.AlpacaJson;
import io.sentio.launcher.alpaca.AlpacaRest;
import io.sentio.launcher.alpaca.Rfc3339;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link Broker} over Alpaca's trading REST API (paper or live, or the local stand-in). */
public final class AlpacaBroker implements Broker {
    private static final Logger LOG = LoggerFactory.getLogger(AlpacaBroker.class);
    private final AlpacaRest rest;
    private final int submitAttempts;

    public AlpacaBroker(AlpacaRest rest, int submitAttempts) {
        if (submitAttempts < 1) {
            throw new IllegalArgumentException("submitAttempts >= 1");
        }
        this.rest = rest;
        this.submitAttempts = submitAttempts;
    }

    @Override
    public OrderReport submitMarketOrder(String symbol, long qty, OrderSide side, String clientOrderId)
        throws IOException, InterruptedException {
        if (qty <= 0) {
            throw new IllegalArgumentException("order quantity must be positive: " + qty);
        }
        String body = AlpacaJson.newObject().put("symbol", symbol).put("qty", Long.toString(qty)).put("side", side.wire())
            .put("type", "market").put("time_in_force", "day").put("client_order_id", clientOrderId).toString();
        IOException lastFailure = null;
        for (int attempt = 1; attempt <= submitAttempts; attempt++) {
            if (attempt > 1) {
                // The previous attempt may have reached the broker: never send a second order blind.
                OrderReport existing = orderByClientOrderId(clientOrderId);
                if (existing != null) {
                    LOG.info("order {} already at the broker after a lost answer; not resent", clientOrderId);
                    return existing;
                }
            }
            try {
                return OrderJson.order(AlpacaJson.object(rest.post(rest.url("/v2/orders").build(), body).body));
            } catch (AlpacaApiException e) {
                if (e.httpStatus() == 422 && String.valueOf(e.getMessage()).contains("client_order_id")) {
                    OrderReport existing = orderByClientOrderId(clientOrderId);
                    if (existing != null) {
                        return existing;
                    }
                }
                throw e;
            } catch (IOException e) {
                LOG.warn("order {} attempt {} failed: {}", clientOrderId, attempt, e.toString());
                lastFailure = e;
            }
        }
        throw lastFailure;
    }

    @Override
    public OrderReport orderByClientOrderId(String clientOrderId) throws IOException, InterruptedException {
        try {
            return OrderJson.order(AlpacaJson.object(rest.get(rest.url("/v2/orders:by_client_order_id")
                .addQueryParameter("client_order_id", clientOrderId).build()).body));
        } catch (AlpacaApiException e) {
            if (e.httpStatus() == 404) {
                return null;
            }
            throw e;
        }
    }

    @Override
    public Account account() throws IOException, InterruptedException {
        JsonNode a = AlpacaJson.object(rest.get(rest.url("/v2/account").build()).body);
        return new Account(AlpacaJson.text(a, "account_number"), AlpacaJson.text(a, "status"), AlpacaJson.number(a, "cash"), AlpacaJson.number(a, "equity"),
            AlpacaJson.number(a, "buying_power"));
    }

    @Override
    public List<Position> positions() throws IOException, InterruptedException {
        List<Position> out = new ArrayList<>();
        for (JsonNode p : AlpacaJson.array(rest.get(rest.url("/v2/positions").build()).body)) {
            out.add(new Position(AlpacaJson.text(p, "symbol"), AlpacaJson.number(p, "qty"),
                AlpacaJson.number(p, "avg_entry_price"), AlpacaJson.number(p, "market_value")));
        }
        return out;
    }

    @Override
    public MarketClock clock() throws IOException, InterruptedException {
        JsonNode c = AlpacaJson.object(rest.get(rest.url("/v2/clock").build()).body);
        return new MarketClock(Rfc3339.parseEpochSecond(AlpacaJson.text(c, "timestamp")),
            "true".equals(AlpacaJson.text(c, "is_open")),
            Rfc3339.parseEpochSecond(AlpacaJson.text(c, "next_open")),
            Rfc3339.parseEpochSecond(AlpacaJson.text(c, "next_close")));
    }

    @Override
    public CloseResult closePosition(String symbol) throws IOException, InterruptedException {
        try {
            AlpacaRest.Reply reply = rest.delete(rest.url("/v2/positions").addPathSegment(symbol).build());
            return new CloseResult(symbol, 200, OrderJson.order(AlpacaJson.object(reply.body)));
        } catch (AlpacaApiException e) {
            if (e.httpStatus() >= 400 && e.httpStatus() < 500) {
                return new CloseResult(symbol, e.httpStatus(), null);
            }
            throw e;
        }
    }

    @Override
    public List<CloseResult> closeAll() throws IOException, InterruptedException {
        List<CloseResult> out = new ArrayList<>();
        AlpacaRest.Reply reply = rest.delete(rest.url("/v2/positions").addQueryParameter("cancel_orders", "true").build());
        for (JsonNode r : AlpacaJson.array(reply.body)) {
            JsonNode body = AlpacaJson.object(r, "body");
            String status = AlpacaJson.text(r, "status");
            out.add(new CloseResult(AlpacaJson.text(r, "symbol"), status == null ? 0 : Integer.parseInt(status),
                body != null && body.has("client_order_id") ? OrderJson.order(body) : null));
        }
        return out;
    }
}
