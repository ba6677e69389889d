package io.sentio.launcher.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentio.launcher.alpaca.AlpacaCredentials;
import io.sentio.launcher.alpaca.AlpacaJson;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trading host's {@code /stream}: authenticate, listen to {@code trade_updates}, then receive the
 * broker's order events. Also its outage ({@link FaultPlan#tradeUpdatesDownAtMinute}): every connection
 * closed ("going away"), new ones refused with HTTP 503 for the outage's minutes, and the order events
 * of those minutes sent to no one, as Alpaca does not replay them on reconnect.
 */
final class TradeStream {
    private static final Logger LOG = LoggerFactory.getLogger(TradeStream.class);
    private final AlpacaCredentials credentials;
    private final StandInBroker broker;
    private final FaultPlan faults;
    private final Runnable startReplay;
    private final List<WebSocket> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger refused = new AtomicInteger();
    /** Minute index from which connections are accepted again; -1 while the stream is up. */
    private volatile int downUntilMinute = -1;

    TradeStream(AlpacaCredentials credentials, StandInBroker broker, FaultPlan faults, Runnable startReplay) {
        this.credentials = credentials;
        this.broker = broker;
        this.faults = faults;
        this.startReplay = startReplay;
    }

    WebSocketListener newSession() {
        return new Session();
    }

    /** Minute {@code m} of the replay is due (before its bars go out): the outage may start or end. */
    void onMinuteDue(int m) {
        if (m == faults.tradeUpdatesDownAtMinute) {
            downUntilMinute = faults.tradeUpdatesDownMinutes > 0 ? m + faults.tradeUpdatesDownMinutes : Integer.MAX_VALUE;
            LOG.info("fault: trade_updates down from minute {} ({} connection(s) closed)", m, open.size());
            for (WebSocket ws : open) {
                open.remove(ws);
                broker.removeListener(ws);
                ws.close(1001, "going away");
            }
        } else if (downUntilMinute >= 0 && m >= downUntilMinute) {
            downUntilMinute = -1;
            LOG.info("fault: trade_updates accepts connections again from minute {}", m);
        }
    }

    /** Whether a connection attempt is refused now (counted). */
    boolean refusing() {
        if (downUntilMinute < 0) {
            return false;
        }
        refused.incrementAndGet();
        return true;
    }

    /** Connection attempts refused during an outage. */
    int refusedConnections() {
        return refused.get();
    }

    /** One trade_updates connection: authenticate, listen, then receive order events. */
    private final class Session extends WebSocketListener {
        private boolean authorized;

        @Override
        public void onOpen(WebSocket ws, Response response) {
            open.add(ws);
        }

        @Override
        public void onMessage(WebSocket ws, String text) {
            handle(ws, text);
        }

        @Override
        public void onMessage(WebSocket ws, ByteString bytes) {
            handle(ws, bytes.utf8());
        }

        @Override
        public void onClosing(WebSocket ws, int code, String reason) {
            open.remove(ws);
            broker.removeListener(ws);
            ws.close(1000, null);
        }

        @Override
        public void onFailure(WebSocket ws, Throwable t, Response response) {
            open.remove(ws);
            broker.removeListener(ws);
        }

        private synchronized void handle(WebSocket ws, String text) {
            JsonNode msg;
            try {
                msg = AlpacaJson.object(text);
            } catch (IOException e) {
                send(ws, "{\"stream\":\"error\",\"data\":{\"error_message\":\"invalid syntax\"}}");
                return;
            }
            String action = AlpacaJson.text(msg, "action");
            JsonNode data = AlpacaJson.object(msg, "data");
            if ("authenticate".equals(action) || "auth".equals(action)) {
                authorized = data != null && credentials.matches(AlpacaJson.text(data, "key_id"), AlpacaJson.text(data, "secret_key"));
                send(ws, "{\"stream\":\"authorization\",\"data\":{\"action\":\"authenticate\",\"status\":\""
                    + (authorized ? "authorized" : "unauthorized") + "\"}}");
                if (!authorized) {
                    ws.close(1008, "unauthorized");
                }
            } else if ("listen".equals(action) && authorized) {
                boolean tradeUpdates = data != null && AlpacaJson.texts(data, "streams").contains("trade_updates");
                if (tradeUpdates && open.contains(ws)) {
                    broker.addListener(ws);
                    startReplay.run();
                } else {
                    broker.removeListener(ws);
                }
                send(ws, "{\"stream\":\"listening\",\"data\":{\"streams\":[" + (tradeUpdates ? "\"trade_updates\"" : "")
                    + "]}}");
            } else {
                send(ws, "{\"stream\":\"error\",\"data\":{\"error_message\":\""
                    + (authorized ? "invalid syntax" : "access key verification failed") + "\"}}");
            }
        }

        /** Alpaca's trading stream answers in binary frames holding JSON. */
        private void send(WebSocket ws, String json) {
            ws.send(ByteString.encodeUtf8(json));
        }
    }
}
