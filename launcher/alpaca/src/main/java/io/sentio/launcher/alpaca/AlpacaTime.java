package io.sentio.launcher.alpaca;

import io.sentio.core.time.SessionCalendar;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/** RFC-3339 timestamps of the Alpaca wire format. */
public final class AlpacaTime {
    private AlpacaTime() {
    }

    /** Epoch second of an RFC-3339 timestamp with any offset and optional fraction (truncated). */
    public static long parseEpochSecond(String rfc3339) {
        return OffsetDateTime.parse(rfc3339, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toEpochSecond();
    }

    /** {@code 2021-02-22T19:15:00Z}: how the data API writes bar times. */
    public static String utc(long epochSecond) {
        return Instant.ofEpochSecond(epochSecond).toString();
    }

    /** New York local time with offset, e.g. {@code 2025-04-01T09:30:00-04:00} (DESIGN §6, trading API). */
    public static String newYork(long epochSecond) {
        return OffsetDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), SessionCalendar.NEW_YORK)
            .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** Trading API style with milliseconds, New York offset. */
    public static String newYorkMillis(long epochMillis) {
        return OffsetDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), SessionCalendar.NEW_YORK)
            .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX"));
    }
}
