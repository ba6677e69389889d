package io.sentio.launcher.alpaca.stream;

/** Connection life-cycle of the market-data stream; called from the stream's threads. */
public interface StreamStatusListener {
    /** Authenticated and subscribed; {@code connection} counts from 1. */
    default void onSubscribed(int connection) {
    }

    /** The connection was lost; a new attempt follows in {@code retryInMillis}. */
    default void onDisconnected(String reason, int attempt, long retryInMillis) {
    }

    /** Missed minutes [from, to] were fetched through the history API and delivered. */
    default void onBackfill(long fromEpochSecond, long toEpochSecond, int bars) {
    }

    /** The gap [from, to] could not be backfilled: the consumer must treat those minutes as missing. */
    default void onBackfillFailed(long fromEpochSecond, long toEpochSecond, String reason) {
    }

    /**
     * The stream has stopped for good: a final server error (402 auth failed, 406 connection limit, ...;
     * {@code code} is the Alpaca code) or too many failed reconnects ({@code code} 0).
     */
    void onFinalFailure(int code, String reason);
}
