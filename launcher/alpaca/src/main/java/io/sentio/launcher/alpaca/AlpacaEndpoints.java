package io.sentio.launcher.alpaca;

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
        this.trading = validate("trading URL", trading, "http");
        this.data = validate("data URL", data, "http");
        this.stream = validate("stream URL", stream, "ws");
    }

    /** Options win over the environment, which wins over the defaults; {@code paper} picks the default trading host. */
    public static AlpacaEndpoints resolve(String tradingOption, String dataOption, String streamOption,
                                          Map<String, String> env, boolean paper) {
        return new AlpacaEndpoints(
            first(tradingOption, env.get(TRADING_ENV), paper ? PAPER_TRADING : LIVE_TRADING),
            first(dataOption, env.get(DATA_ENV), DATA),
            first(streamOption, env.get(STREAM_ENV), STREAM));
    }

    /** True when the trading host is Alpaca's paper host: simulated money. */
    public boolean paperHost() {
        return URI.create(trading).getHost().equals(URI.create(PAPER_TRADING).getHost());
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

    private static String validate(String endpoint, String url, String scheme) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw AlpacaException.setup(endpoint + ": not a URL: " + url);
        }
        String s = uri.getScheme();
        if (s == null || !(s.equals(scheme) || s.equals(scheme + "s")) || uri.getHost() == null) {
            throw AlpacaException.setup(endpoint + ": expected a " + scheme + "(s):// URL, got " + url);
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
