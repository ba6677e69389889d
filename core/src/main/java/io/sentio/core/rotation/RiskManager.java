package io.sentio.core.rotation;

import io.sentio.core.config.StrategyParams;
import io.sentio.core.state.StateCodec;
import io.sentio.core.state.Stateful;
import io.sentio.core.time.SessionCalendar;

/**
 * Session risk rules (DESIGN §5.5): no entries in the last {@code entry_cutoff_minutes} before the
 * session's close minute; flatten from the flatten minute on; a circuit breaker that flattens
 * and blocks entries for the rest of the session once equity is {@code circuit_breaker_drawdown}
 * below the session's peak (the peak of its bar-close marks).
 *
 * <p>Early closes: {@code eod_flatten_minute} is given for a 390-minute session (388 = 15:58, two
 * minutes before the last bar). On a half day the flatten minute keeps the same distance to the
 * close: {@code closeMinute - (390 - eod_flatten_minute)}, 208 = 12:58.
 */
public final class RiskManager implements Stateful {
    private final int entryCutoffMinutes;
    private final int flattenMinutesBeforeClose;
    private final double drawdownLimit;
    private long sessionDay = Long.MIN_VALUE;
    private double sessionPeak;
    private boolean tripped;
    private long trips;

    public RiskManager(StrategyParams params) {
        this.entryCutoffMinutes = params.entryCutoffMinutes;
        this.flattenMinutesBeforeClose = SessionCalendar.FULL_CLOSE_MINUTE - params.eodFlattenMinute;
        this.drawdownLimit = params.circuitBreakerDrawdown;
    }

    /** Records this bar's equity mark; returns true on the bar the breaker trips. */
    public boolean onMark(long nyEpochDay, double equity) {
        if (nyEpochDay != sessionDay) {
            sessionDay = nyEpochDay;
            sessionPeak = equity;
            tripped = false;
        }
        if (equity > sessionPeak) {
            sessionPeak = equity;
        }
        if (!tripped && sessionPeak - equity >= drawdownLimit * sessionPeak) {
            tripped = true;
            trips++;
            return true;
        }
        return false;
    }

    public boolean circuitBreakerTripped() {
        return tripped;
    }

    public int flattenMinute(int closeMinute) {
        return closeMinute - flattenMinutesBeforeClose;
    }

    public boolean mustFlatten(int sessionMinute, int closeMinute) {
        return tripped || sessionMinute >= flattenMinute(closeMinute);
    }

    public boolean entriesAllowed(int sessionMinute, int closeMinute) {
        return !tripped && sessionMinute < closeMinute - entryCutoffMinutes && sessionMinute < flattenMinute(closeMinute);
    }

    /** Sessions in which the breaker tripped. */
    public long circuitBreakerTrips() {
        return trips;
    }

    @Override
    public void visit(StateCodec c) {
        sessionDay = c.l(sessionDay);
        sessionPeak = c.d(sessionPeak);
        tripped = c.b(tripped);
        trips = c.l(trips);
    }
}
