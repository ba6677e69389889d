package io.sentio.launcher.live;

import io.sentio.launcher.alpaca.trading.TradeUpdateListener;
import java.util.concurrent.TimeUnit;

/**
 * The order events of the session's account (Alpaca's trade_updates stream, or a test's broker in
 * memory), told to one listener that falls back to polling while the feed is down.
 */
public interface TradeUpdateFeed extends AutoCloseable {
    /** Starts delivering to {@code listener}; once per feed. */
    void start(TradeUpdateListener listener);

    /** Waits until the first subscription is confirmed. */
    boolean awaitListening(long timeout, TimeUnit unit) throws InterruptedException;

    /**
     * The caller gave up waiting for the first subscription and polls: the subscription, when it
     * comes (or if it just came), is told to the listener as a restoration.
     */
    void late();

    /** Messages dropped as garbage so far (counted by kind, logged once per kind). */
    default long garbageDropped() {
        return 0;
    }

    @Override
    void close();
}
