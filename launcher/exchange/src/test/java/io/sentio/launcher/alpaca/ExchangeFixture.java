package io.sentio.launcher.alpaca;

import io.sentio.core.market.Universe;
import io.sentio.launcher.alpaca.history.HistoryClient;
import io.sentio.launcher.alpaca.stream.BarListener;
import io.sentio.launcher.alpaca.stream.MarketDataStreamContext;
import io.sentio.launcher.alpaca.stream.StreamStatusListener;
import io.sentio.launcher.exchange.ExchangeContext;
import io.sentio.launcher.exchange.ExchangeServer;
import io.sentio.launcher.exchange.FaultPlan;
import io.sentio.launcher.exchange.SessionTape;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import okhttp3.OkHttpClient;

/** A stand-in on 127.0.0.1 plus the client-side pieces tests need. */
public final class ExchangeFixture implements AutoCloseable {
    public static final String KEY = "PKTEST0000KEY";
    public static final String SECRET = "sEcReT-do-not-log-0123456789abcdef";
    public static final AlpacaCredentials CREDENTIALS = new AlpacaCredentials(KEY, SECRET);

    public final Universe universe;
    public final SessionTape tape;
    public final ExchangeServer server;
    public final OkHttpClient http = new OkHttpClient.Builder().readTimeout(5, TimeUnit.SECONDS).build();

    public ExchangeFixture(Universe universe, SessionTape tape, double speed, FaultPlan faults) throws IOException {
        this(universe, tape, speed, faults, false);
    }

    public ExchangeFixture(Universe universe, SessionTape tape, double speed, FaultPlan faults, boolean fillAtArrival)
        throws IOException {
        this.universe = universe;
        this.tape = tape;
        this.server = ExchangeServer.start(new ExchangeContext().tape(tape).date(TestTapes.DAY).speed(speed)
            .credentials(CREDENTIALS).faults(faults).fillAtArrival(fillAtArrival));
    }

    /** The client's clock is the market's: the stand-in's replay time. */
    public AlpacaClock marketClock() {
        return new AlpacaClock() {
            @Override
            public long epochMillis() {
                return server.marketTimeMillis();
            }

            @Override
            public void sleepUntil(long target) throws InterruptedException {
                while (server.marketTimeMillis() < target) {
                    Thread.sleep(1);
                }
            }
        };
    }

    public AlpacaRest rest(AlpacaClock clock) {
        return new AlpacaRest(http, server.httpUrl(), CREDENTIALS, new TokenBucket(clock, 200, 200), clock, 3);
    }

    public HistoryClient history(AlpacaClock clock, int pageLimit) {
        return new HistoryClient(rest(clock), "iex", pageLimit);
    }

    public MarketDataStreamContext streamContext(Recorder recorder, boolean msgpack) {
        AlpacaClock clock = marketClock();
        return new MarketDataStreamContext().url(server.streamUrl("iex")).credentials(CREDENTIALS)
            .symbols(new SymbolTable(universe)).msgpack(msgpack).http(http).clock(clock)
            .randomSeed(42).backoffBaseMillis(20).backoffMaxMillis(200)
            .silenceTimeoutMillis(240_000).watchdogPeriodMillis(20)
            .history(history(clock, 10_000)).listener(recorder).status(recorder);
    }

    @Override
    public void close() throws IOException {
        server.close();
        http.connectionPool().evictAll();
    }

    private static final long WAIT_SLACK = 4;

    public static void await(String what, long timeoutMillis, BooleanSupplier condition) throws InterruptedException {
        // Waits end as soon as the condition holds; the slack only lengthens a failing wait, and keeps a
        // 2-core machine under a parallel build from failing tests that are merely slow.
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis * WAIT_SLACK);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    /** Records every bar and status event of a stream. */
    public static final class Recorder implements BarListener, StreamStatusListener {
        public final List<String> bars = new CopyOnWriteArrayList<>();
        public final List<String> events = new CopyOnWriteArrayList<>();
        public volatile int finalCode = -1;
        public volatile String finalReason;
        private final Universe universe;

        public Recorder(Universe universe) {
            this.universe = universe;
        }

        @Override
        public void onBar(int symbol, long t, double o, double h, double l, double c, double v, boolean correction,
                          boolean backfilled) {
            bars.add(universe.symbol(symbol) + " " + t + " " + o + " " + h + " " + l + " " + c + " " + v
                + (correction ? " u" : "") + (backfilled ? " backfilled" : ""));
        }

        @Override
        public void onSubscribed(int connection) {
            events.add("subscribed " + connection);
        }

        @Override
        public void onDisconnected(String reason, int attempt, long retryInMillis) {
            events.add("disconnected " + attempt + " " + retryInMillis);
        }

        @Override
        public void onBackfill(long from, long to, int count) {
            events.add("backfill " + count);
        }

        @Override
        public void onBackfillFailed(long from, long to, String reason) {
            events.add("backfill failed " + reason);
        }

        @Override
        public void onFinalFailure(int code, String reason) {
            finalReason = reason;
            finalCode = code;
        }

        /** Bars without the backfilled flag, for comparing what arrived with what the tape holds. */
        public List<String> plainBars() {
            List<String> out = new ArrayList<>();
            for (String b : bars) {
                out.add(b.replace(" backfilled", ""));
            }
            return Collections.unmodifiableList(out);
        }
    }
}
