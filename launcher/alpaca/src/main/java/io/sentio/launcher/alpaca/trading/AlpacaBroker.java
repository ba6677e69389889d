package io.sentio.launcher.alpaca.trading;

import io.sentio.launcher.alpaca.AlpacaApiException;
import io.sentio.launcher.alpaca.AlpacaException;
import io.sentio.launcher.alpaca.AlpacaJson;
import io.sentio.launcher.alpaca.AlpacaRest;
import java.io.IOException;
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
                return BrokerJson.order(rest.post(rest.url("/v2/orders").build(), body).body, "POST /v2/orders answer");
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
            } catch (AlpacaException e) {
                if (e.kind() != AlpacaException.Kind.WIRE) {
                    throw e;
                }
                // The order may stand at the broker behind an unreadable answer: the next attempt looks it up first.
                LOG.warn("order {} attempt {}: unreadable answer: {}", clientOrderId, attempt, e.getMessage());
                lastFailure = new IOException(e.getMessage(), e);
            }
        }
        throw lastFailure;
    }

    @Override
    public OrderReport orderByClientOrderId(String clientOrderId) throws IOException, InterruptedException {
        try {
            return BrokerJson.order(rest.get(rest.url("/v2/orders:by_client_order_id")
                .addQueryParameter("client_order_id", clientOrderId).build()).body, "GET /v2/orders:by_client_order_id answer");
        } catch (AlpacaApiException e) {
            if (e.httpStatus() == 404) {
                return null;
            }
            throw e;
        }
    }

    @Override
    public Account account() throws IOException, InterruptedException {
        return BrokerJson.account(rest.get(rest.url("/v2/account").build()).body);
    }

    @Override
    public List<Position> positions() throws IOException, InterruptedException {
        return BrokerJson.positions(rest.get(rest.url("/v2/positions").build()).body);
    }

    @Override
    public MarketClock clock() throws IOException, InterruptedException {
        return BrokerJson.clock(rest.get(rest.url("/v2/clock").build()).body);
    }

    @Override
    public CloseResult closePosition(String symbol) throws IOException, InterruptedException {
        try {
            AlpacaRest.Reply reply = rest.delete(rest.url("/v2/positions").addPathSegment(symbol).build());
            return new CloseResult(symbol, 200, BrokerJson.order(reply.body, "DELETE /v2/positions/" + symbol + " answer"));
        } catch (AlpacaApiException e) {
            if (e.httpStatus() >= 400 && e.httpStatus() < 500) {
                return new CloseResult(symbol, e.httpStatus(), null);
            }
            throw e;
        }
    }

    @Override
    public List<CloseResult> closeAll() throws IOException, InterruptedException {
        return BrokerJson.closeResults(rest.delete(rest.url("/v2/positions").addQueryParameter("cancel_orders", "true").build()).body);
    }
}
