package io.sentio.launcher.exchange;

import okio.ByteString;

/**
 * The {@code --garbage-every N} fault on the trading stream: after every Nth real trade update it
 * sends one garbage message, in turn invalid syntax (a truncated message), a trade update with a
 * wrong-typed quantity and a message of an unknown stream, as binary frames holding JSON like
 * Alpaca's own. None may cost the client a real order event or its connection.
 */
final class TradeUpdateGarbage {
    private static final ByteString TRUNCATED = ByteString.encodeUtf8("{\"stream\":\"trade_updates\",\"data\":{\"event\":");
    private static final ByteString WRONG_TYPE = ByteString.encodeUtf8("{\"stream\":\"trade_updates\",\"data\":"
        + "{\"event\":\"fill\",\"qty\":{\"garbage\":true},\"order\":\"--garbage-every\"}}");
    private static final ByteString UNKNOWN_STREAM = ByteString.encodeUtf8(
        "{\"stream\":\"garbage\",\"data\":{\"msg\":\"--garbage-every\"}}");

    private final int every;
    private long real;
    private int sent;

    /** {@code every} 0: off. */
    TradeUpdateGarbage(int every) {
        this.every = every;
    }

    /** The garbage frame due after one more real update, or null. Callers hold the broker's lock. */
    ByteString afterRealUpdate() {
        if (every <= 0 || ++real % every != 0) {
            return null;
        }
        int kind = sent++ % 3;
        return kind == 0 ? TRUNCATED : kind == 1 ? WRONG_TYPE : UNKNOWN_STREAM;
    }

    /** Garbage messages sent so far. */
    int sent() {
        return sent;
    }
}
