package io.sentio.launcher.live;

import io.sentio.core.market.Universe;
import io.sentio.launcher.alpaca.AlpacaClock;
import io.sentio.launcher.alpaca.AlpacaCredentials;
import io.sentio.launcher.alpaca.AlpacaEndpoints;
import io.sentio.launcher.alpaca.AlpacaRest;
import io.sentio.launcher.alpaca.SymbolTable;
import io.sentio.launcher.alpaca.TokenBucket;
import io.sentio.launcher.alpaca.history.HistoryClient;
import io.sentio.launcher.alpaca.stream.Backoff;
import io.sentio.launcher.alpaca.stream.BarListener;
import io.sentio.launcher.alpaca.stream.MarketDataStream;
import io.sentio.launcher.alpaca.stream.MarketDataStreamContext;
import io.sentio.launcher.alpaca.stream.StreamStatusListener;
import io.sentio.launcher.alpaca.trading.AlpacaBroker;
import io.sentio.launcher.alpaca.trading.TradeUpdateListener;
import io.sentio.launcher.alpaca.trading.TradeUpdatesStream;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;

/**
 * A live session's connections to Alpaca or to the stand-in exchange that speaks its protocol: one
 * rate-limited REST client for orders and the clock, the market-data websocket with history backfill,
 * and the trade_updates websocket.
 */
public final class AlpacaConnections {
    private final AlpacaEndpoints endpoints;
    private final AlpacaCredentials credentials;
    private OkHttpClient http = new OkHttpClient();
    private double marketSpeed;
    private int maxReconnects = 5;
    private long reconnectBaseMillis = 1_000;
    private long reconnectMaxMillis = 30_000;

    public AlpacaConnections(AlpacaEndpoints endpoints, AlpacaCredentials credentials) {
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    public AlpacaConnections http(OkHttpClient v) { http = v; return this; }
    /** Market minutes per real minute of the exchange replaying a session; 0 = the wall clock (Alpaca). */
    public AlpacaConnections marketSpeed(double v) { marketSpeed = v; return this; }
    /** Failed reconnects in a row after which market data is given up and trade_updates is polled instead. */
    public AlpacaConnections maxReconnects(int v) { maxReconnects = v; return this; }
    public AlpacaConnections reconnectBaseMillis(long v) { reconnectBaseMillis = v; return this; }
    public AlpacaConnections reconnectMaxMillis(long v) { reconnectMaxMillis = v; return this; }

    /** The connections of a session trading {@code universe}; nothing is opened before the daemon starts them. */
    public LiveConnections connect(Universe universe) {
        if (!(marketSpeed >= 0) || Double.isInfinite(marketSpeed)) {
            throw new IllegalArgumentException("--market-speed must be >= 0 (0 = wall clock), got " + marketSpeed);
        }
        if (maxReconnects < 0 || reconnectBaseMillis < 1 || reconnectMaxMillis < reconnectBaseMillis) {
            throw new IllegalArgumentException("reconnects >= 0, 1 <= reconnect base <= max");
        }
        AlpacaRest trading = rest(endpoints.trading());
        MarketTime clock = new MarketTime(trading, marketSpeed);
        return new LiveConnections(new AlpacaBroker(trading, 3), clock, new Bars(new SymbolTable(universe), clock),
            new TradeUpdates(), endpoints.trading());
    }

    private AlpacaRest rest(String base) {
        return new AlpacaRest(http, base, credentials, new TokenBucket(AlpacaClock.SYSTEM, 200, 200), AlpacaClock.SYSTEM, 3);
    }

    private static String feedName(String streamUrl) {
        return streamUrl.substring(streamUrl.lastIndexOf('/') + 1);
    }

    private final class Bars implements BarFeed {
        private final SymbolTable symbols;
        private final LiveClock clock;
        private MarketDataStream stream;

        Bars(SymbolTable symbols, LiveClock clock) {
            this.symbols = symbols;
            this.clock = clock;
        }

        @Override
        public synchronized void start(long resumeAfter, BarListener bars, StreamStatusListener status) {
            if (stream != null) {
                throw new IllegalStateException("market-data feed already started");
            }
            stream = new MarketDataStream(new MarketDataStreamContext().url(endpoints.stream())
                .credentials(credentials).symbols(symbols).http(http).clock(clock)
                .silenceTimeoutMillis(LiveDaemon.silenceTimeoutMillis(clock.speed()))
                .maxRetries(maxReconnects).backoffBaseMillis(reconnectBaseMillis).backoffMaxMillis(reconnectMaxMillis)
                .history(new HistoryClient(rest(endpoints.data()), feedName(endpoints.stream()), 10_000))
                .resumeAfter(resumeAfter).listener(bars).status(status));
            stream.start();
        }

        @Override
        public synchronized long garbageDropped() {
            return stream == null ? 0 : stream.rejects().total();
        }

        @Override
        public synchronized void close() {
            if (stream != null) {
                stream.close();
            }
        }
    }

    private final class TradeUpdates implements TradeUpdateFeed {
        private TradeUpdatesStream stream;

        @Override
        public synchronized void start(TradeUpdateListener listener) {
            if (stream != null) {
                throw new IllegalStateException("trade_updates feed already started");
            }
            stream = new TradeUpdatesStream(http, endpoints.tradingStream(), credentials, listener,
                new Backoff(reconnectBaseMillis, reconnectMaxMillis, 7), maxReconnects);
            stream.start();
        }

        @Override
        public boolean awaitListening(long timeout, TimeUnit unit) throws InterruptedException {
            return started().awaitListening(timeout, unit);
        }

        @Override
        public void late() {
            started().late();
        }

        @Override
        public synchronized void close() {
            if (stream != null) {
                stream.close();
            }
        }

        @Override
        public synchronized long garbageDropped() {
            return stream == null ? 0 : stream.rejects().total();
        }

        private synchronized TradeUpdatesStream started() {
            if (stream == null) {
                throw new IllegalStateException("trade_updates feed not started");
            }
            return stream;
        }
    }
}
