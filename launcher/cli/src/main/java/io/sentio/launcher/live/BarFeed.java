package io.sentio.launcher.live;

import io.sentio.launcher.alpaca.stream.BarListener;
import io.sentio.launcher.alpaca.stream.StreamStatusListener;

/**
 * The market data of one live session: bars of the session's symbols, on the feed's own threads,
 * and the connection's ups and downs. Alpaca's websocket ({@link AlpacaConnections}) or, in tests,
 * bars from memory.
 */
public interface BarFeed extends AutoCloseable {
    /**
     * Starts delivering; once per feed. {@code resumeAfter}: bars up to this minute start (epoch
     * second) reached an earlier process (a restart resuming its journal), the feed backfills from
     * the minute after it; {@code Long.MIN_VALUE}: a fresh start.
     */
    void start(long resumeAfter, BarListener bars, StreamStatusListener status);

    /** Frames and messages dropped as garbage so far (counted by kind, logged once per kind). */
    default long garbageDropped() {
        return 0;
    }

    /** Stops delivering; nothing reaches the listeners afterwards. */
    @Override
    void close();
}
