package io.sentio.launcher.alpaca;

import io.sentio.launcher.SentioException;
import java.net.URI;
import java.util.Map;

/**
 * The three Alpaca hosts. Each one comes from its option, else its environment variable, else the
 * public default: trading (paper), historical data, market-data stream (IEX feed).
 */
public final class AlpacaEndpoints {
    public static final String TRADING_ENV = "APCA_API_BASE_URL";
    public static final String DATA_ENV = "APCA_API_DATA_URL";
    public static final String STREAM_ENV = "APCA_API_STREAM_URL";
    public static final String PAPER_TRADING = "https://paper-api.alpaca.markets";
    public static final String LIVE_TRADING = "https://api.alpaca.markets";
    public static final String DATA = "https://data.alpaca.markets";
    public static final String STREAM = "wss://stream.data.alpaca.markets/v2/iex";

    private final String trading;
    private final String data;
    private final String stream;

    public AlpacaEndpoints(String trading, String data, String stream) {
        this.trading = validate("--trading-url", trading, "http");
        this.data = validate("--data-url", data, "http");
        this.stream = validate("--stream-url", stream, "ws");
    }

    /** Options win over the environment, which wins over the defaults; {@code paper} picks the default trading host. */
    public static AlpacaEndpoints resolve(String tradingOption, String dataOption, String streamOption,
                                          Map<String, String> env, boolean paper) {
        return new AlpacaEndpoints(
            first(tradingOption, env.get(TRADING_ENV), paper ? PAPER_TRADING : LIVE_TRADING),
            first(dataOption, env.get(DATA_ENV), DATA),
            first(streamOption, env.get(STREAM_ENV), STREAM));
    }

    /**
     * Refuses a trading host that contradicts the mode. {@code --paper} against Alpaca's live host would
     * send real-money orders from a run journaled as paper; no {@code --paper} against the paper host
     * would journal a paper run as live. Other hosts (the stand-in, a proxy) are taken as the mode says.
     * {@code tradingOption} and {@code env} are what {@link #resolve} was given, to name the source.
     */
    public void requireMode(boolean paper, String tradingOption, Map<String, String> env) {
        String host = URI.create(trading).getHost();
        String source = tradingOption != null && !tradingOption.isBlank() ? "--trading-url"
            : env.get(TRADING_ENV) != null && !env.get(TRADING_ENV).isBlank() ? TRADING_ENV : "the default";
        if (paper && host.equals(URI.create(LIVE_TRADING).getHost())) {
            throw SentioException.badUsage("--paper, but " + source + " is Alpaca's live (real-money) host " + trading
                + ": use " + PAPER_TRADING + ", or drop --paper to trade live");
        }
        if (!paper && host.equals(URI.create(PAPER_TRADING).getHost())) {
            throw SentioException.badUsage(source + " is Alpaca's paper host " + trading
                + ": pass --paper (the journal records the mode)");
        }
    }

    /** True when orders go to Alpaca's live host: real money. */
    public boolean realMoney() {
        return URI.create(trading).getHost().equals(URI.create(LIVE_TRADING).getHost());
    }

    private static String first(String option, String env, String fallback) {
        if (option != null && !option.isBlank()) {
            return option;
        }
        return env != null && !env.isBlank() ? env : fallback;
    }

    private static String validate(String option, String url, String scheme) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw SentioException.badUsage(option + ": not a URL: " + url);
        }
        String s = uri.getScheme();
        if (s == null || !(s.equals(scheme) || s.equals(scheme + "s")) || uri.getHost() == null) {
            throw SentioException.badUsage(option + ": expected a " + scheme + "(s):// URL, got " + url);
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Trading REST base, e.g. https://paper-api.alpaca.markets (no trailing slash). */
    public String trading() {
        return trading;
    }

    /** Trading updates stream: the trading host's {@code /stream} over WebSocket. */
    public String tradingStream() {
        return trading.replaceFirst("^http", "ws") + "/stream";
    }

    public String data() {
        return data;
    }

    /** Full market-data stream URL including the feed path, e.g. wss://.../v2/iex. */
    public String stream() {
        return stream;
    }

    @Override
    public String toString() {
        return "AlpacaEndpoints{trading=" + trading + ", data=" + data + ", stream=" + stream + "}";
    }
}
