package io.sentio.launcher.alpaca.stream;

import io.sentio.launcher.alpaca.AlpacaClock;
import io.sentio.launcher.alpaca.AlpacaCredentials;
import io.sentio.launcher.alpaca.SymbolTable;
import io.sentio.launcher.alpaca.history.HistoryClient;
import java.util.Objects;
import okhttp3.OkHttpClient;

/** Settings of a {@link MarketDataStream}; {@link #conclude()} validates and fills defaults. */
public final class MarketDataStreamContext {
    private String url;
    private AlpacaCredentials credentials;
    private SymbolTable symbols;
    private boolean msgpack;
    private OkHttpClient http;
    private AlpacaClock clock = AlpacaClock.SYSTEM;
    private long randomSeed = 1;
    private int maxRetries = 5;
    private long backoffBaseMillis = 1_000;
    private long backoffMaxMillis = 30_000;
    private long silenceTimeoutMillis = 90_000;
    private long watchdogPeriodMillis = 1_000;
    private HistoryClient history;
    private BarListener listener;
    private StreamStatusListener status;
    private long resumeAfter = Long.MIN_VALUE;
    private boolean concluded;

    /** Validates once (Aeron's rule): afterwards setters and a second conclude refuse. */
    public MarketDataStreamContext conclude() {
        mutable();
        Objects.requireNonNull(url, "stream url");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(symbols, "symbols");
        Objects.requireNonNull(listener, "bar listener");
        Objects.requireNonNull(status, "status listener");
        if (http == null) {
            http = new OkHttpClient();
        }
        if (maxRetries < 0 || silenceTimeoutMillis < 1 || watchdogPeriodMillis < 1) {
            throw new IllegalArgumentException("maxRetries >= 0, silence timeout and watchdog period >= 1 ms");
        }
        concluded = true;
        return this;
    }

    public MarketDataStreamContext url(String v) { mutable(); url = v; return this; }
    public MarketDataStreamContext credentials(AlpacaCredentials v) { mutable(); credentials = v; return this; }
    public MarketDataStreamContext symbols(SymbolTable v) { mutable(); symbols = v; return this; }
    /** Ask for binary MessagePack frames ({@code Content-Type: application/msgpack}). */
    public MarketDataStreamContext msgpack(boolean v) { mutable(); msgpack = v; return this; }
    public MarketDataStreamContext http(OkHttpClient v) { mutable(); http = v; return this; }
    public MarketDataStreamContext clock(AlpacaClock v) { mutable(); clock = v; return this; }
    public MarketDataStreamContext randomSeed(long v) { mutable(); randomSeed = v; return this; }
    public MarketDataStreamContext maxRetries(int v) { mutable(); maxRetries = v; return this; }
    public MarketDataStreamContext backoffBaseMillis(long v) { mutable(); backoffBaseMillis = v; return this; }
    public MarketDataStreamContext backoffMaxMillis(long v) { mutable(); backoffMaxMillis = v; return this; }
    public MarketDataStreamContext silenceTimeoutMillis(long v) { mutable(); silenceTimeoutMillis = v; return this; }
    public MarketDataStreamContext watchdogPeriodMillis(long v) { mutable(); watchdogPeriodMillis = v; return this; }
    /** Where missed minutes are fetched after a reconnect; null disables backfill. */
    public MarketDataStreamContext history(HistoryClient v) { mutable(); history = v; return this; }
    public MarketDataStreamContext listener(BarListener v) { mutable(); listener = v; return this; }
    public MarketDataStreamContext status(StreamStatusListener v) { mutable(); status = v; return this; }
    /**
     * Bars up to this minute start (epoch second) were delivered by an earlier process (a restart
     * resuming its journal): the first subscription backfills from the minute after it, as a
     * reconnect does. Long.MIN_VALUE (the default): a fresh start, no backfill.
     */
    public MarketDataStreamContext resumeAfter(long v) { mutable(); resumeAfter = v; return this; }

    String url() { return url; }
    long resumeAfter() { return resumeAfter; }
    AlpacaCredentials credentials() { return credentials; }
    SymbolTable symbols() { return symbols; }
    boolean msgpack() { return msgpack; }
    OkHttpClient http() { return http; }
    AlpacaClock clock() { return clock; }
    long randomSeed() { return randomSeed; }
    int maxRetries() { return maxRetries; }
    long backoffBaseMillis() { return backoffBaseMillis; }
    long backoffMaxMillis() { return backoffMaxMillis; }
    long silenceTimeoutMillis() { return silenceTimeoutMillis; }
    long watchdogPeriodMillis() { return watchdogPeriodMillis; }
    HistoryClient history() { return history; }
    BarListener listener() { return listener; }
    StreamStatusListener status() { return status; }

    @Override
    public String toString() {
        return "MarketDataStreamContext{url=" + url + ", symbols=" + (symbols == null ? null : symbols.universe())
            + ", msgpack=" + msgpack + ", credentials=" + credentials + "}";
    }

    private void mutable() {
        if (concluded) {
            throw new IllegalStateException("market-data stream context already concluded");
        }
    }
}
