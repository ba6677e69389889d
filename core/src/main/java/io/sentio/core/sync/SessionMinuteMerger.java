package io.sentio.core.sync;

import io.sentio.core.market.BarSet;
import io.sentio.core.market.BarSource;
import io.sentio.core.market.MutableBar;
import io.sentio.core.time.SessionCalendar;

/**
 * Merges one {@link BarSource} per symbol into one {@link BarSet} per regular-session minute.
 *
 * <p>Every minute 0..closeMinute of every session that holds at least one bar of any symbol is
 * produced, so a minute nobody traded still appears (with nothing present) and the synchronizer
 * can count and skip it. Sources must yield regular-session bars in increasing time order (the
 * CSV reader guarantees it); a bar off the session grid is an {@link IllegalStateException}.
 */
public final class SessionMinuteMerger implements AutoCloseable {
    private final BarSource[] sources;
    private final MutableBar[] pending;
    private final boolean[] hasPending;
    private long day = Long.MIN_VALUE;
    private long dayOpen;
    private int closeMinute;
    private int minute;

    public SessionMinuteMerger(BarSource[] sources) {
        this.sources = sources.clone();
        this.pending = new MutableBar[sources.length];
        this.hasPending = new boolean[sources.length];
        for (int s = 0; s < sources.length; s++) {
            pending[s] = new MutableBar();
            hasPending[s] = sources[s].next(pending[s]);
        }
    }

    /** Fills {@code out} with the next session minute; false when every source is exhausted. */
    public boolean next(BarSet out) {
        if (day == Long.MIN_VALUE || minute > closeMinute) {
            if (!startNextDay()) {
                return false;
            }
        }
        long t = dayOpen + 60L * minute;
        out.reset(t, day, minute, closeMinute);
        for (int s = 0; s < sources.length; s++) {
            if (hasPending[s] && pending[s].epochSecond == t) {
                MutableBar b = pending[s];
                out.put(s, b.open, b.high, b.low, b.close, b.volume);
                hasPending[s] = sources[s].next(b);
                if (hasPending[s] && b.epochSecond <= t) {
                    throw new IllegalStateException("source " + s + " not in increasing time order at " + b.epochSecond);
                }
            } else if (hasPending[s] && pending[s].epochSecond < t) {
                throw new IllegalStateException("source " + s + " has a bar off the session grid at "
                    + pending[s].epochSecond);
            }
        }
        minute++;
        return true;
    }

    private boolean startNextDay() {
        long earliest = Long.MAX_VALUE;
        for (int s = 0; s < sources.length; s++) {
            if (hasPending[s]) {
                earliest = Math.min(earliest, pending[s].epochSecond);
            }
        }
        if (earliest == Long.MAX_VALUE) {
            return false;
        }
        if (SessionCalendar.sessionMinute(earliest) < 0) {
            throw new IllegalStateException("bar at epoch second " + earliest + " is not a regular-session minute");
        }
        day = SessionCalendar.nyEpochDay(earliest);
        dayOpen = SessionCalendar.openEpochSecond(day);
        closeMinute = SessionCalendar.closeMinute(day);
        minute = 0;
        return true;
    }

    @Override
    public void close() {
        for (BarSource s : sources) {
            s.close();
        }
    }
}
