package io.sentio.launcher.data;

import io.sentio.core.time.SessionCalendar;

/** Why a row of a bar file was rejected (DESIGN §6). */
public enum BadRowReason {
    UNPARSEABLE("unparseable field"),
    TIMESTAMP_MISMATCH("ts_utc and ts_nyt_epoch disagree"),
    BAD_PRICE("non-finite or non-positive price"),
    HIGH_BELOW_LOW("high below low"),
    OPEN_CLOSE_OUTSIDE_RANGE("open or close outside [low, high]"),
    NEGATIVE_VOLUME("negative or non-finite volume"),
    OUTSIDE_CALENDAR("date outside the session calendar " + SessionCalendar.COVERAGE),
    OUTSIDE_SESSION("outside the regular session"),
    DUPLICATE_TIMESTAMP("duplicate timestamp"),
    OUT_OF_ORDER("timestamp out of order");

    private final String description;

    BadRowReason(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** Short column label for tables. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
