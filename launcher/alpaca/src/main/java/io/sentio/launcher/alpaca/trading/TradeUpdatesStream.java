package io.sentio.launcher.alpaca.trading;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sentio.launcher.alpaca.AlpacaCredentials;
import io.sentio.launcher.alpaca.AlpacaException;
import io.sentio.launcher.alpaca.AlpacaJson;
import io.sentio.launcher.alpaca.stream.Backoff;
import io.sentio.launcher.alpaca.stream.FrameReject;
import io.sentio.launcher.alpaca.stream.FrameRejects;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trading host's {@code /stream}: authenticate, listen to {@code trade_updates}, hand every event
 * to the listener. Alpaca sends these as JSON in text or binary frames; both are accepted. A lost
 * connection is retried with backoff; after {@code maxRetries} failures in a row the listener is told
 * to fall back to polling, and the stream goes on retrying at the longest backoff until it is
 * subscribed again ({@link TradeUpdateListener#onStreamRestored}), or until refused keys end it.
 */
public final class TradeUpdatesStream implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TradeUpdatesStream.class);
    private final OkHttpClient http;
    private final String url;
    private final AlpacaCredentials credentials;
    private final TradeUpdateListener listener;
    private final Backoff backoff;
    private final int maxRetries;
    private final ScheduledExecutorService control;
    private final CountDownLatch listening = new CountDownLatch(1);
    private final FrameRejects rejects = new FrameRejects("trade_updates stream");
    private WebSocket socket;
    private int failures;
    /** A connection was lost (or the first took long) since the last subscription: the next one is a restoration. */
    private boolean restoring;
    private boolean closed;
    private boolean refusedKeys;

    public TradeUpdatesStream(OkHttpClient http, String url, AlpacaCredentials credentials, TradeUpdateListener listener,
                              Backoff backoff, int maxRetries) {
        this.http = http;
        this.url = url;
        this.credentials = credentials;
        this.listener = listener;
        this.backoff = backoff;
        this.maxRetries = maxRetries;
        this.control = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "alpaca-trade-updates");
            t.setDaemon(true);
            return t;
        });
    }

    /** Unreadable messages met so far, per kind (each kind is logged once). */
    public FrameRejects rejects() {
        return rejects;
    }

    public synchronized void start() {
        connect();
    }

    /** Waits until the first subscription is confirmed. */
    public boolean awaitListening(long timeout, TimeUnit unit) throws InterruptedException {
        return listening.await(timeout, unit);
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            if (socket != null) {
                socket.close(1000, "client closing");
            }
        }
        control.shutdownNow();
    }

    private synchronized void connect() {
        if (!closed) {
            socket = http.newWebSocket(new Request.Builder().url(url).build(), new Listener());
        }
    }

    private synchronized void lost(WebSocket ws, String reason) {
        if (ws != socket || closed) {
            return;
        }
        socket = null;
        ws.cancel();
        restoring = true;
        if (++failures == maxRetries + 1) {
            LOG.error("trade_updates stream down: {}", reason);
            listener.onStreamDown(reason);
        }
        if (refusedKeys) {
            closed = true;
            control.shutdown();
            return;
        }
        long delay = backoff.delayMillis(failures);
        if (failures <= maxRetries) {
            LOG.warn("trade_updates stream lost ({}); retry {} in {} ms", reason, failures, delay);
        }
        control.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    /**
     * The caller gave up waiting for the first subscription and polls: the subscription, when it
     * comes (or if it just came), restores the stream.
     */
    public void late() {
        boolean listeningAlready;
        synchronized (this) {
            listeningAlready = listening.getCount() == 0;
            restoring = !listeningAlready;
        }
        if (listeningAlready) {
            listener.onStreamRestored();
        }
    }

    private final class Listener extends WebSocketListener {
        @Override
        public void onOpen(WebSocket ws, Response response) {
            ObjectNode auth = AlpacaJson.newObject().put("action", "authenticate");
            auth.putObject("data").put("key_id", credentials.keyId()).put("secret_key", credentials.secret());
            ws.send(auth.toString());
        }

        @Override
        public void onMessage(WebSocket ws, String text) {
            handle(ws, text);
        }

        @Override
        public void onMessage(WebSocket ws, ByteString bytes) {
            handle(ws, bytes.string(StandardCharsets.UTF_8));
        }

        @Override
        public void onClosing(WebSocket ws, int code, String reason) {
            ws.close(1000, null);
            lost(ws, "server closed (" + code + " " + reason + ")");
        }

        @Override
        public void onFailure(WebSocket ws, Throwable t, Response response) {
            lost(ws, response != null ? "HTTP " + response.code() : String.valueOf(t));
        }

        /** An unreadable message is counted and dropped; the connection stays (its framing is intact). */
        private void handle(WebSocket ws, String text) {
            JsonNode msg;
            try {
                msg = AlpacaJson.object(text);
            } catch (IOException e) {
                unreadable(ws, FrameReject.MALFORMED, "not a JSON object");
                return;
            }
            String stream = AlpacaJson.text(msg, "stream");
            JsonNode data = AlpacaJson.object(msg, "data");
            if (data == null) {
                unreadable(ws, FrameReject.MISSING_FIELD, "a message without a 'data' object");
                return;
            }
            if ("authorization".equals(stream)) {
                if ("authorized".equals(AlpacaJson.text(data, "status"))) {
                    ws.send("{\"action\":\"listen\",\"data\":{\"streams\":[\"trade_updates\"]}}");
                } else {
                    synchronized (TradeUpdatesStream.this) {
                        failures = maxRetries;
                        refusedKeys = true;
                    }
                    lost(ws, "trade_updates authentication failed");
                }
            } else if ("listening".equals(stream)) {
                if (AlpacaJson.texts(data, "streams").contains("trade_updates")) {
                    boolean restored;
                    synchronized (TradeUpdatesStream.this) {
                        if (ws != socket || closed) {
                            return;
                        }
                        failures = 0;
                        restored = restoring;
                        restoring = false;
                        listening.countDown();
                    }
                    if (restored) {
                        LOG.info("trade_updates stream subscribed again");
                        listener.onStreamRestored();
                    }
                }
            } else if ("trade_updates".equals(stream)) {
                TradeUpdate update;
                try {
                    update = OrderJson.update(data);
                } catch (AlpacaException e) {
                    unreadable(ws, FrameReject.WRONG_TYPE, e.getMessage());
                    return;
                }
                listener.onTradeUpdate(update);
            } else {
                unreadable(ws, FrameReject.UNKNOWN_TYPE, "stream '" + stream + "'");
            }
        }

        /** Counts the message; once subscribed, tells the listener, which polls for an event it may have held. */
        private void unreadable(WebSocket ws, FrameReject kind, String detail) {
            rejects.reject(kind, detail);
            boolean subscribed;
            synchronized (TradeUpdatesStream.this) {
                subscribed = ws == socket && !closed && !restoring && listening.getCount() == 0;
            }
            if (subscribed) {
                listener.onUnreadableMessage(kind + ": " + detail);
            }
        }
    }
}
