package io.sentio.launcher.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentio.core.time.SessionCalendar;
import io.sentio.launcher.alpaca.AlpacaCredentials;
import io.sentio.launcher.alpaca.AlpacaJson;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntConsumer;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The market-data side of the stand-in: the stream protocol per connection (JSON or MessagePack) and
 * the replay thread that publishes each minute's bars shortly after the minute closes.
 */
final class MarketFeed {
    private static final Logger LOG = LoggerFactory.getLogger(MarketFeed.class);
    /** Alpaca sends a minute's bars 20-100 ms after it closes. */
    private static final long PUBLISH_DELAY_MILLIS = 50;

    private final SessionTape tape;
    /** The sessions served, New York epoch days in order. */
    private final long[] days;
    /** Market minutes per real minute between sessions. */
    private final double nightSpeed;
    private final ReplayClock clock;
    private final FaultPlan faults;
    private final AlpacaCredentials credentials;
    private final StandInBroker broker;
    /** Told of each minute as it becomes due, before its bars go out (the trade_updates outage fault). */
    private final IntConsumer minuteDue;
    private final List<Session> sessions = new CopyOnWriteArrayList<>();
    private final FeedFrames frames;
    /** Bars of the replay day starting before this second are public (history API). */
    private volatile long horizonEpochSecond;
    private volatile int minutesPublished;
    private Thread replay;

    MarketFeed(SessionTape tape, long[] nyEpochDays, double nightSpeed, ReplayClock clock, FaultPlan faults,
               AlpacaCredentials credentials, StandInBroker broker, IntConsumer minuteDue) {
        this.tape = tape;
        this.days = nyEpochDays.clone();
        this.nightSpeed = nightSpeed;
        this.clock = clock;
        this.faults = faults;
        this.credentials = credentials;
        this.broker = broker;
        this.minuteDue = minuteDue;
        this.horizonEpochSecond = SessionCalendar.openEpochSecond(days[0]);
        this.frames = new FeedFrames(tape);
    }

    long horizonEpochSecond() {
        return horizonEpochSecond;
    }

    int minutesPublished() {
        return minutesPublished;
    }

    WebSocketListener newSession(boolean msgpack) {
        return new Session(msgpack);
    }

    void close() {
        Thread t;
        synchronized (this) {
            t = replay;
        }
        if (t != null) {
            t.interrupt();
        }
        for (Session s : sessions) {
            s.ws.close(1001, "server shutting down");
        }
    }

    /**
     * Starts the replay of a session held at its open: the first on the first bar subscription or
     * trade_updates listener, each later one on the first such after the night.
     */
    synchronized void startReplay() {
        lastSubscriptionMillis = clock.nowMillis();
        if (clock.start() && replay == null) {
            replay = new Thread(this::replayLoop, "exchange-replay");
            replay.setDaemon(true);
            replay.start();
        }
    }

    private void replayLoop() {
        try {
            for (int k = 0; k < days.length; k++) {
                if (k > 0) {
                    night(days[k]);
                }
                replaySession(days[k]);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * From the close to the next session's open at the night's speed; there market time holds until
     * a client subscribes to bars or listens to trade_updates, as for the first session. Only a
     * subscription made during the hold, or in the 30 market minutes before it, counts: a client still
     * finishing the previous session (late after a stall) must not have the next one start under it,
     * its first minutes published to no one, and a daemon that subscribed at 09:25 while the night ran
     * must not wait at a held open for ever.
     */
    private void night(long nextDay) throws InterruptedException {
        long openMillis = SessionCalendar.openEpochSecond(nextDay) * 1000L;
        clock.runAt(nightSpeed);
        clock.awaitMillis(openMillis);
        synchronized (this) {
            clock.holdAt(openMillis);
            if (lastSubscriptionMillis >= openMillis - PRE_OPEN_MILLIS) {
                // A client that subscribed for this session in the last minutes of the night (a daemon
                // wakes before the open) would otherwise wait at a held open for bars that never come.
                clock.start();
            }
        }
        LOG.info("session {} opens; waiting for a subscription", java.time.LocalDate.ofEpochDay(nextDay));
        clock.awaitStarted();
    }

    /**
     * How long before an open a subscription counts for that session: long after the previous
     * close, so a client finishing the previous session late never starts the next one.
     */
    private static final long PRE_OPEN_MILLIS = 30 * 60_000L;
    /** Market time of the last subscription or trade_updates listen; guarded by this. */
    private long lastSubscriptionMillis = Long.MIN_VALUE;

    private void replaySession(long day) throws InterruptedException {
        long openEpochSecond = SessionCalendar.openEpochSecond(day);
        int closeMinute = SessionCalendar.closeMinute(day);
        for (int m = 0; m <= closeMinute; m++) {
            long start = openEpochSecond + 60L * m;
            clock.awaitMillis((start + 60) * 1000 + PUBLISH_DELAY_MILLIS);
            minuteDue.accept(m);
            if (m == faults.dropAtMinute) {
                LOG.info("fault: dropping {} market-data connection(s) at minute {}", sessions.size(), m);
                // okhttp's server-side sockets cannot be cut abruptly: a close frame
                // ("going away") ends the connection without an error message.
                for (Session s : sessions) {
                    sessions.remove(s);
                    s.ws.close(1001, "going away");
                }
            }
            if (m == faults.silentFromMinute) {
                LOG.info("fault: {} market-data connection(s) go silent from minute {}", sessions.size(), m);
                for (Session s : sessions) {
                    s.silent = true;
                }
            }
            broker.onMinute(start);
            horizonEpochSecond = start + 60;
            for (Session s : sessions) {
                s.publish(start);
            }
            minutesPublished++;
            if (m < closeMinute) {
                broker.onMinuteOpen(start + 60);
            }
        }
        broker.onSessionClose(openEpochSecond + 60L * (closeMinute + 1));
        LOG.info("session replay of {} finished: {} minutes", java.time.LocalDate.ofEpochDay(day), closeMinute + 1);
    }

    /** One market-data WebSocket connection. */
    private final class Session extends WebSocketListener {
        final boolean msgpack;
        final Set<String> bars = new LinkedHashSet<>();
        final Set<String> updatedBars = new LinkedHashSet<>();
        volatile WebSocket ws;
        volatile boolean silent;
        boolean authenticated;

        final GarbageFrames garbage;

        Session(boolean msgpack) {
            this.msgpack = msgpack;
            this.garbage = new GarbageFrames(faults.garbageEvery, msgpack);
        }

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            ws = webSocket;
            sessions.add(this);
            control("success", "connected");
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            try {
                action(AlpacaJson.object(text));
            } catch (Exception e) {
                error(400, "invalid syntax");
            }
        }

        /** A MessagePack action has the JSON action's keys and no timestamps: read it as that JSON. */
        @Override
        public void onMessage(WebSocket webSocket, ByteString bytes) {
            try (MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(bytes.toByteArray())) {
                action(AlpacaJson.object(unpacker.unpackValue().toJson()));
            } catch (Exception e) {
                error(400, "invalid syntax");
            }
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            sessions.remove(this);
            webSocket.close(1000, null);
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            sessions.remove(this);
        }

        private synchronized void action(JsonNode msg) {
            String action = AlpacaJson.text(msg, "action");
            if ("auth".equals(action)) {
                if (faults.connectionLimit) {
                    error(406, "connection limit exceeded");
                    ws.close(1008, "connection limit exceeded");
                } else if (authenticated) {
                    error(403, "already authenticated");
                } else if (credentials.matches(AlpacaJson.text(msg, "key"), AlpacaJson.text(msg, "secret"))) {
                    authenticated = true;
                    control("success", "authenticated");
                } else {
                    error(402, "auth failed");
                }
            } else if ("subscribe".equals(action) || "unsubscribe".equals(action)) {
                if (!authenticated) {
                    error(401, "not authenticated");
                    return;
                }
                boolean add = "subscribe".equals(action);
                apply(bars, AlpacaJson.texts(msg, "bars"), add);
                apply(updatedBars, AlpacaJson.texts(msg, "updatedBars"), add);
                subscription();
                if (add && !bars.isEmpty()) {
                    startReplay();
                }
            } else {
                error(400, "invalid syntax");
            }
        }

        private void apply(Set<String> set, List<String> symbols, boolean add) {
            if (add) {
                set.addAll(symbols);
            } else {
                set.removeAll(symbols);
            }
        }

        private boolean wants(Set<String> set, String symbol) {
            return set.contains(symbol) || set.contains("*");
        }

        /** Sends the bars of the minute starting at {@code start}, one batched array; locked against a concurrent (un)subscribe. */
        synchronized void publish(long start) {
            if (silent) {
                return;
            }
            List<int[]> due = new ArrayList<>();
            for (int s = 0; s < tape.universe().size(); s++) {
                int i = tape.at(s, start);
                if (i >= 0 && wants(bars, tape.universe().symbol(s))) {
                    due.add(new int[] {s, i});
                }
            }
            if (due.isEmpty()) {
                return;
            }
            send(due, "b", faults.corrections ? 1 : 0);
            if (faults.corrections) {
                due.removeIf(d -> !wants(updatedBars, tape.universe().symbol(d[0])));
                if (!due.isEmpty()) {
                    send(due, "u", 0);
                }
            }
        }

        private void send(List<int[]> due, String type, double volumeShortfall) {
            frames.bars(ws, due, type, volumeShortfall, msgpack);
            garbage.afterRealFrame(ws);
        }

        private void control(String type, String msg) {
            frames.control(ws, type, msg, msgpack);
            garbage.afterRealFrame(ws);
        }

        private void error(int code, String msg) {
            frames.error(ws, code, msg, msgpack);
            garbage.afterRealFrame(ws);
        }

        private void subscription() {
            frames.subscription(ws, bars, updatedBars, msgpack);
            garbage.afterRealFrame(ws);
        }
    }
}
