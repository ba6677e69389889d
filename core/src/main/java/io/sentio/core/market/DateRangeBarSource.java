package io.sentio.core.market;

import io.sentio.core.time.SessionCalendar;

/**
 * Passes through the bars of the New York sessions from {@code firstDay} to {@code lastDay}
 * inclusive (epoch days; {@code Long.MIN_VALUE}/{@code Long.MAX_VALUE} for unbounded) and stops
 * reading at the first bar after the range.
 */
public final class DateRangeBarSource implements BarSource {
    private final BarSource source;
    private final long firstDay;
    private final long lastDay;
    private boolean done;

    public DateRangeBarSource(BarSource source, long firstDay, long lastDay) {
        this.source = source;
        this.firstDay = firstDay;
        this.lastDay = lastDay;
    }

    @Override
    public boolean next(MutableBar into) {
        while (!done && source.next(into)) {
            long day = SessionCalendar.nyEpochDay(into.epochSecond);
            if (day > lastDay) {
                done = true;
                return false;
            }
            if (day >= firstDay) {
                return true;
            }
        }
        done = true;
        return false;
    }

    @Override
    public void close() {
        source.close();
    }
}
