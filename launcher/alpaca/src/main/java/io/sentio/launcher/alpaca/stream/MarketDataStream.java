package io.sentio.launcher.alpaca.stream;

import io.sentio.core.time.SessionCalendar;
import io.sentio.launcher.alpaca.AlpacaClock;
import io.sentio.launcher.alpaca.SymbolTable;
import io.sentio.launcher.alpaca.history.HistoryClient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * Alpaca market-data stream client ({@code /v2/iex} or {@code /v2/sip}): connect, authenticate,
 * subscribe to bars and updatedBars, deliver parsed bars to a {@link BarListener}.
 *
 * <p>A lost connection is retried with jittered exponential backoff; after {@code maxRetries}
 * consecutive failures, or on a final server error (400, 402, 405, 406, 409), the status listener's
 * {@code onFinalFailure} is called and the stream stops. During market hours a watchdog treats a
 * socket that has been silent for {@code silenceTimeoutMillis} as dead. After a reconnect the minutes
 * missed since the last delivered bar are backfilled through the history API, in time order, flagged
 * {@code backfilled}; bars already delivered are never delivered twice (corrections excepted).
 */
public final class MarketDataStream implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MarketDataStream.class);

    private final MarketDataStreamContext ctx;
    private final SymbolTable symbols;
    private final Backoff backoff;
    private final JsonFrameDecoder jsonDecoder;
    private final MsgPackFrameDecoder msgpackDecoder;
    /** Frames and messages dropped as garbage; the connection stays up (WebSocket framing keeps the next frame whole). */
    private final FrameRejects rejects;
    private final ScheduledExecutorService control;
    /** Last delivered bar start per symbol; guards against duplicates across backfill and live. */
    private final long[] lastDelivered;
    private long lastMinuteDelivered;
    private volatile Connection current;
    private int failedAttempts;
    private int connections;
    private volatile boolean stopped;

    public MarketDataStream(MarketDataStreamContext context) {
        this.ctx = context.conclude();
        this.symbols = ctx.symbols();
        this.backoff = new Backoff(ctx.backoffBaseMillis(), ctx.backoffMaxMillis(), ctx.randomSeed());
        this.rejects = new FrameRejects("market-data stream");
        this.jsonDecoder = new JsonFrameDecoder(symbols, rejects);
        this.msgpackDecoder = new MsgPackFrameDecoder(symbols, rejects);
        this.lastDelivered = new long[symbols.universe().size()];
        Arrays.fill(lastDelivered, ctx.resumeAfter());
        this.lastMinuteDelivered = ctx.resumeAfter();
        this.control = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "alpaca-stream-control");
            t.setDaemon(true);
            return t;
        });
    }

    /** Garbage met so far, per kind (each kind is logged once, at its first occurrence). */
    public FrameRejects rejects() {
        return rejects;
    }

    public synchronized void start() {
        if (current != null || stopped) {
            throw new IllegalStateException("stream already started");
        }
        connect();
        long period = ctx.watchdogPeriodMillis();
        control.scheduleWithFixedDelay(this::watchdog, period, period, TimeUnit.MILLISECONDS);
    }

    /** Stops without waiting for the monitor: a backfill in progress may hold it while it waits on the network. */
    @Override
    public void close() {
        stopped = true;
        control.shutdownNow();
        Connection c = current;
        if (c != null && c.socket != null) {
            c.socket.close(1000, "client closing");
        }
    }

    private synchronized void connect() {
        if (stopped) {
            return;
        }
        Connection c = new Connection(++connections);
        current = c;
        Request.Builder request = new Request.Builder().url(ctx.url());
        if (ctx.msgpack()) {
            request.header("Content-Type", "application/msgpack");
        }
        c.socket = ctx.http().newWebSocket(request.build(), c);
    }

    private synchronized void connectionLost(Connection c, String reason) {
        if (c != current || stopped || c.dead) {
            return;
        }
        c.dead = true;
        c.socket.cancel();
        failedAttempts++;
        if (failedAttempts > ctx.maxRetries()) {
            fail(0, "market-data stream lost after " + ctx.maxRetries() + " reconnect attempts: " + reason);
            return;
        }
        long delay = backoff.delayMillis(failedAttempts);
        LOG.warn("market-data stream lost ({}); reconnect attempt {} in {} ms", reason, failedAttempts, delay);
        ctx.status().onDisconnected(reason, failedAttempts, delay);
        control.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    private synchronized void fail(int code, String reason) {
        if (stopped) {
            return;
        }
        stopped = true;
        if (current != null) {
            current.socket.cancel();
        }
        LOG.error("market-data stream stopped: {}", reason);
        control.shutdown();
        ctx.status().onFinalFailure(code, reason);
    }

    private void watchdog() {
        Connection c = current;
        if (stopped || c == null) {
            return;
        }
        long now = ctx.clock().epochMillis();
        long silent = now - c.lastMessageMillis;
        if (silent <= ctx.silenceTimeoutMillis()) {
            return;
        }
        if (!c.subscribed) {
            // Stuck in the handshake (no "connected", no answer to auth or subscribe), at any hour.
            connectionLost(c, "no answer for " + silent + " ms before subscribing");
        } else if (marketOpen(now)) {
            connectionLost(c, "no message for " + silent + " ms during market hours");
        }
    }

    /** Bars are expected from the close of 09:30 to the close of the last minute. */
    private static boolean marketOpen(long epochMillis) {
        long second = Math.floorDiv(epochMillis, 1000L);
        long day = SessionCalendar.nyEpochDay(second);
        if (!SessionCalendar.isTradingDay(day)) {
            return false;
        }
        long sinceOpen = second - SessionCalendar.openEpochSecond(day);
        return sinceOpen >= 60 && sinceOpen < (SessionCalendar.closeMinute(day) + 2) * 60L;
    }

    private boolean isFinal(int code) {
        return code == 400 || code == 402 || code == 405 || code == 406 || code == 409;
    }

    /** Delivers one bar unless it repeats one already delivered; caller holds the monitor. */
    private void deliver(int symbol, long t, double o, double h, double l, double c, double v,
                         boolean correction, boolean backfilled) {
        if (!correction) {
            if (t <= lastDelivered[symbol]) {
                return;
            }
            lastDelivered[symbol] = t;
            if (t > lastMinuteDelivered) {
                lastMinuteDelivered = t;
            }
        }
        ctx.listener().onBar(symbol, t, o, h, l, c, v, correction, backfilled);
    }

    /** After a reconnect: fetches [lastMinuteDelivered + 60, last closed minute by our clock]. */
    private void backfill() {
        if (lastMinuteDelivered == Long.MIN_VALUE) {
            return;
        }
        backfill(lastMinuteDelivered + 60, Math.floorDiv(ctx.clock().epochMillis(), 60_000L) * 60 - 60);
    }

    /** Fetches [from, to] through the history API and delivers it in (time, symbol) order. */
    private void backfill(long from, long to) {
        HistoryClient history = ctx.history();
        if (history == null || to < from) {
            return;
        }
        List<double[]> rows = new ArrayList<>();
        try {
            history.fetch(symbols, from, to, (s, t, o, h, l, c, v) -> rows.add(new double[] {t, s, o, h, l, c, v}));
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.warn("backfill of {}..{} failed: {}", from, to, e.toString());
            ctx.status().onBackfillFailed(from, to, e.toString());
            return;
        }
        rows.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
        for (double[] r : rows) {
            if (stopped) {
                return;
            }
            deliver((int) r[1], (long) r[0], r[2], r[3], r[4], r[5], r[6], false, true);
        }
        LOG.info("backfilled {} bars for {}..{}", rows.size(), from, to);
        ctx.status().onBackfill(from, to, rows.size());
    }

    /** One WebSocket connection and its protocol state. */
    private final class Connection extends WebSocketListener implements StreamFrameHandler {
        final int id;
        WebSocket socket;
        boolean dead;
        /**
         * Set after a reconnect until the first live bar: if that bar starts later than the minute after
         * the last delivered one, the minutes between are backfilled too. This closes the gap even when
         * our clock lags the server's and the subscription-time backfill stopped a minute short.
         */
        boolean gapCheck;
        volatile boolean subscribed;
        volatile long lastMessageMillis;

        Connection(int id) {
            this.id = id;
            this.lastMessageMillis = ctx.clock().epochMillis();
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            synchronized (MarketDataStream.this) {
                if (this != current || stopped || dead) {
                    return;
                }
                long rejected = rejects.total();
                jsonDecoder.decode(text, this);
                alive(rejected);
            }
        }

        @Override
        public void onMessage(WebSocket webSocket, ByteString bytes) {
            synchronized (MarketDataStream.this) {
                if (this != current || stopped || dead) {
                    return;
                }
                long rejected = rejects.total();
                msgpackDecoder.decode(bytes.toByteArray(), this);
                alive(rejected);
            }
        }

        /** Only a frame without garbage is a sign of life: a server sending nothing else is as good as silent. */
        private void alive(long rejectedBefore) {
            if (rejects.total() == rejectedBefore) {
                lastMessageMillis = ctx.clock().epochMillis();
            }
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            webSocket.close(1000, null);
            connectionLost(this, "server closed the connection (" + code + " " + reason + ")");
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            connectionLost(this, response != null ? "HTTP " + response.code() : String.valueOf(t));
        }

        @Override
        public void onBar(int symbol, long t, double o, double h, double l, double c, double v, boolean correction) {
            if (!subscribed) {
                return;
            }
            if (gapCheck && !correction) {
                gapCheck = false;
                if (lastMinuteDelivered != Long.MIN_VALUE && t > lastMinuteDelivered + 60) {
                    backfill(lastMinuteDelivered + 60, t - 60);
                }
            }
            deliver(symbol, t, o, h, l, c, v, correction, false);
        }

        @Override
        public void onSuccess(String msg) {
            if ("connected".equals(msg)) {
                ClientActions.auth(socket, ctx.credentials(), ctx.msgpack());
            } else if ("authenticated".equals(msg)) {
                String[] all = symbols.universe().symbols().toArray(new String[0]);
                ClientActions.subscribe(socket, all, all, ctx.msgpack());
            }
        }

        @Override
        public void onSubscription(String[] bars, String[] updatedBars) {
            if (subscribed) {
                return;
            }
            subscribed = true;
            failedAttempts = 0;
            LOG.info("market-data stream subscribed (connection {}, {} symbols)", id, bars.length);
            ctx.status().onSubscribed(id);
            if (id > 1 || ctx.resumeAfter() != Long.MIN_VALUE) {
                backfill();
                gapCheck = true;
            }
        }

        @Override
        public void onError(int code, String msg) {
            if (isFinal(code)) {
                fail(code, "market-data stream error " + code + ": " + msg);
            } else {
                connectionLost(this, "server error " + code + ": " + msg);
            }
        }
    }
}
