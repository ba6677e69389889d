package io.sentio.core.live;

import io.sentio.core.market.BarSet;
import io.sentio.core.time.SessionCalendar;

/**
 * Turns the live feed's per-symbol bars into one {@link BarSet} per session minute of one session
 * (DESIGN §5.1): minute m is published when every symbol's bar for m has arrived, or when a CLOCK
 * says {@code timeoutMillis} have passed since m closed, or when a bar of a later minute arrives
 * (the feed sends minutes in order, so m can receive nothing more but late corrections), whichever
 * comes first. Every minute from the first one seen to the close minute is published once, in
 * order, empty ones included, exactly as the backtest's merger produces them.
 *
 * <p>Time enters only through {@link #onClock}: every decision is a pure function of the bars,
 * clocks and feed-state changes seen, in order, so a recorded input stream replays to the same
 * bar sets. While the feed is down ({@link #feedDown}) timeouts are suspended: the minutes missed
 * come back through the stream's backfill, in order, and are published flagged backfilled rather
 * than lost. A bar (or 'u' correction) for a minute already published is late: reported, never
 * re-published. No allocation.
 *
 * <p>A minute without a single bar is held longer ({@code emptyMinuteHoldMillis}): twelve liquid
 * ETFs with no trade in a whole minute is far more likely a socket gone silent than a quiet market,
 * and the stream's watchdog needs up to its silence timeout to say so. Published at 2 s, the minute
 * would be forward-filled and its real bars, backfilled after the reconnect, dropped as late. Held,
 * it is published by the first bar of a later minute (a quiet market: about a minute later), by the
 * backfill (a dead socket), or when the hold runs out.
 */
public final class MinuteAssembler {
    public static final int COMPLETE = 1;
    public static final int TIMEOUT = 2;
    public static final int SUPERSEDED = 3;

    /** Receives the assembler's decisions, on the caller's thread. */
    public interface Output {
        /** Minute {@code set} is final ({@code set} is reused after the call); {@code trigger} says why. */
        void publish(BarSet set, boolean backfilled, int trigger);

        /** A bar for a minute already published, or outside the session; not published. */
        void late(int symbol, long epochSecond, boolean correction);
    }

    private final int symbols;
    private final long timeoutMillis;
    private final long emptyMinuteHoldMillis;
    private final long openEpochSecond;
    private final long nyEpochDay;
    private final int closeMinute;
    private final BarSet pending;
    private boolean started;
    private boolean done;
    private boolean feedLive = true;
    private int minute;
    private int arrived;
    private boolean backfilled;

    /** Without an empty-minute hold: every minute times out {@code timeoutMillis} after its close. */
    public MinuteAssembler(int symbols, long nyEpochDay, long timeoutMillis) {
        this(symbols, nyEpochDay, timeoutMillis, timeoutMillis);
    }

    /** {@code emptyMinuteHoldMillis}: how long after its close a minute with no bar at all waits (>= the timeout). */
    public MinuteAssembler(int symbols, long nyEpochDay, long timeoutMillis, long emptyMinuteHoldMillis) {
        if (symbols < 1 || timeoutMillis < 0 || emptyMinuteHoldMillis < timeoutMillis) {
            throw new IllegalArgumentException("need >= 1 symbol, a timeout >= 0 ms and an empty-minute hold >= the timeout");
        }
        if (!SessionCalendar.isTradingDay(nyEpochDay)) {
            throw new IllegalArgumentException("epoch day " + nyEpochDay + " is not a trading day");
        }
        this.symbols = symbols;
        this.timeoutMillis = timeoutMillis;
        this.emptyMinuteHoldMillis = emptyMinuteHoldMillis;
        this.nyEpochDay = nyEpochDay;
        this.openEpochSecond = SessionCalendar.openEpochSecond(nyEpochDay);
        this.closeMinute = SessionCalendar.closeMinute(nyEpochDay);
        this.pending = new BarSet(symbols);
    }

    /** One bar from the feed: {@code correction} for an 'u' update, {@code backfill} if fetched after a reconnect. */
    public void onBar(int symbol, long epochSecond, double o, double h, double l, double c, double v,
                      boolean correction, boolean backfill, Output out) {
        long offset = epochSecond - openEpochSecond;
        if (done || offset < 0 || offset % 60 != 0 || offset / 60 > closeMinute) {
            out.late(symbol, epochSecond, correction);
            return;
        }
        int m = (int) (offset / 60);
        if (!started) {
            begin(m);
        }
        if (m < minute) {
            out.late(symbol, epochSecond, correction);
            return;
        }
        while (m > minute) {
            emit(SUPERSEDED, out);
        }
        if (pending.present[symbol]) {
            if (correction) {
                pending.put(symbol, o, h, l, c, v);
            }
            return;
        }
        pending.put(symbol, o, h, l, c, v);
        backfilled |= backfill;
        if (++arrived == symbols) {
            emit(COMPLETE, out);
        }
    }

    /**
     * A restart of a session already partly journaled: minutes up to and including
     * {@code lastPublishedEpochSecond} were published before; assembly continues with the next one
     * (its bars come from the stream's backfill), and no earlier minute is published again.
     */
    public void resumeAfter(long lastPublishedEpochSecond) {
        long offset = lastPublishedEpochSecond - openEpochSecond;
        if (started || offset < 0 || offset % 60 != 0 || offset / 60 > closeMinute) {
            throw new IllegalStateException("cannot resume after " + lastPublishedEpochSecond
                + (started ? ": assembly already started" : ": not a minute of this session"));
        }
        if (offset / 60 == closeMinute) {
            started = true;
            done = true;
            return;
        }
        begin((int) (offset / 60) + 1);
    }

    /** A CLOCK event: publishes every pending minute whose deadline has passed, unless the feed is down. */
    public void onClock(long epochMillis, Output out) {
        if (done) {
            return;
        }
        if (!started) {
            long m = Math.floorDiv(Math.floorDiv(epochMillis, 1000L) - openEpochSecond, 60L);
            if (m > closeMinute) {
                done = true;
                return;
            }
            begin((int) Math.max(0, m));
        }
        while (feedLive && !done && epochMillis >= deadlineMillis()) {
            emit(TIMEOUT, out);
        }
    }

    /** The feed is disconnected: hold the pending minute until the feed is back and has backfilled. */
    public void feedDown() {
        feedLive = false;
    }

    /** The feed is back and has delivered its backfill: timeouts apply again. */
    public void feedUp() {
        feedLive = true;
    }

    /** The close minute has been published: the session is over. */
    public boolean done() {
        return done;
    }

    /** Start second of the minute being assembled (the next to be published). */
    public long pendingEpochSecond() {
        return openEpochSecond + 60L * minute;
    }

    /** When the pending minute times out: {@code timeoutMillis} after it closed, the empty-minute hold if no bar came. */
    public long deadlineMillis() {
        return (openEpochSecond + 60L * (minute + 1)) * 1000L + (arrived == 0 ? emptyMinuteHoldMillis : timeoutMillis);
    }

    private void begin(int m) {
        started = true;
        minute = m;
        reset();
    }

    private void emit(int trigger, Output out) {
        out.publish(pending, backfilled, trigger);
        if (minute == closeMinute) {
            done = true;
            return;
        }
        minute++;
        reset();
    }

    private void reset() {
        pending.reset(openEpochSecond + 60L * minute, nyEpochDay, minute, closeMinute);
        arrived = 0;
        backfilled = false;
    }
}
