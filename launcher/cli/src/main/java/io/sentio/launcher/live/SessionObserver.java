package io.sentio.launcher.live;

import io.sentio.core.config.StrategyParams;
import io.sentio.core.market.Universe;
import io.sentio.core.pipeline.Pipeline;
import io.sentio.core.pipeline.TradeListener;
import java.time.LocalDate;
import java.util.function.IntToLongFunction;

/**
 * Watches live sessions from outside the trading path (metrics, a status page): told what happens
 * on the thread that already handles it, never asked for a decision. Every method must return
 * quickly and must not throw. One observer may watch several sessions in turn (a daemon running
 * every day).
 */
public interface SessionObserver {
    SessionObserver NONE = new SessionObserver() { };

    /**
     * A session is about to trade (daemon thread, before its ring is built). The returned listener,
     * if any, runs on the execution stage beside the daemon's own.
     */
    default TradeListener sessionStarting(Session session) {
        return null;
    }

    /** The session's ring, built and not yet started (daemon thread): e.g. to tap its stage latencies. */
    default void pipelineBuilt(Pipeline pipeline) {
    }

    /**
     * A bar set entered the ring (sequencer thread): {@code trigger} is the
     * {@link io.sentio.core.live.MinuteAssembler} constant that closed the minute.
     */
    default void barSetPublished(int trigger, boolean backfilled) {
    }

    /** A bar or correction of an already published minute was dropped (sequencer thread). */
    default void lateBar() {
    }

    /** The market-data stream is subscribed ({@code up}, {@code connection} from 1) or lost (stream threads). */
    default void marketData(boolean up, int connection) {
    }

    /** The broker acknowledged an order, {@code ackNanos} after its bar set entered the ring; -1 unknown (sender thread). */
    default void orderSent(long ackNanos) {
    }

    /** trade_updates is subscribed again after a loss (stream thread). */
    default void tradeUpdatesRestored() {
    }

    /**
     * The session that {@link #sessionStarting} announced is over (daemon thread): {@code exitCode} is
     * its exit code, {@link io.sentio.launcher.ExitCodes#FAILURE} when it ended by an exception.
     */
    default void sessionEnded(int exitCode) {
    }

    /**
     * What an observer may know of a session. {@code position} reads the daemon's shares of a
     * symbol (universe index) from any thread.
     */
    record Session(LocalDate day, String runId, Universe universe, StrategyParams params, LiveClock clock,
                   IntToLongFunction position) {
    }
}
