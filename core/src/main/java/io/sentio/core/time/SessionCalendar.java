package io.sentio.core.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * NYSE regular sessions in New York time, 2000-2035.
 *
 * <p>The regular session is 09:30-16:00 inclusive of both ends' minute bars: 391 one-minute bars,
 * minute index 0 (09:30) to 390 (16:00). Early-close days end at 13:00 (minute 210).
 *
 * <p>Every lookup by epoch second is a table read: no allocation, no use of the machine's zone.
 * The zone is always {@code America/New_York}.
 *
 * <p>The tables are generated at class initialisation from the NYSE's holiday and early-close
 * rules and its list of unscheduled closures ({@link NyseSessionRules}, docs/calendar.md); the
 * test checks them against the calendars the NYSE published for 2020-2027. A date outside
 * {@value #COVERAGE} is an {@link IllegalArgumentException}, never a closed day: the rules are
 * not known to hold there.
 */
public final class SessionCalendar {
    public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2035;
    /** The covered years as text for messages: {@code "2000-2035"}. */
    public static final String COVERAGE = FIRST_YEAR + "-" + LAST_YEAR;
    /** Minute index of the last bar of a full session (16:00). */
    public static final int FULL_CLOSE_MINUTE = 390;
    /** Minute index of the last bar of an early-close session (13:00). */
    public static final int EARLY_CLOSE_MINUTE = 210;
    /** Bars in a full session, 09:30 ... 16:00 inclusive. */
    public static final int BARS_PER_FULL_SESSION = FULL_CLOSE_MINUTE + 1;

    private static final byte CLOSED = 0;
    private static final byte FULL = 1;
    private static final byte EARLY = 2;

    private static final long FIRST_EPOCH_DAY = LocalDate.of(FIRST_YEAR, 1, 1).toEpochDay();
    private static final long LAST_EPOCH_DAY = LocalDate.of(LAST_YEAR, 12, 31).toEpochDay();
    private static final int DAYS = (int) (LAST_EPOCH_DAY - FIRST_EPOCH_DAY + 1);
    private static final byte[] DAY_TYPE = new byte[DAYS];
    /** Epoch second of 09:30 New York on each day (also filled for closed days). */
    private static final long[] OPEN_EPOCH = new long[DAYS];
    /** Epoch second of 00:00 New York on each day, plus one entry for the day after the last. */
    private static final long[] MIDNIGHT_EPOCH = new long[DAYS + 1];

    static {
        for (int i = 0; i < DAYS; i++) {
            LocalDate d = LocalDate.ofEpochDay(FIRST_EPOCH_DAY + i);
            DayOfWeek dow = d.getDayOfWeek();
            boolean closed = dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY || NyseSessionRules.isHoliday(d);
            DAY_TYPE[i] = closed ? CLOSED : NyseSessionRules.isEarlyClose(d) ? EARLY : FULL;
            OPEN_EPOCH[i] = ZonedDateTime.of(d, LocalTime.of(9, 30), NEW_YORK).toEpochSecond();
            MIDNIGHT_EPOCH[i] = ZonedDateTime.of(d, LocalTime.MIDNIGHT, NEW_YORK).toEpochSecond();
        }
        MIDNIGHT_EPOCH[DAYS] = ZonedDateTime.of(LocalDate.ofEpochDay(LAST_EPOCH_DAY + 1), LocalTime.MIDNIGHT, NEW_YORK)
            .toEpochSecond();
    }

    private SessionCalendar() {
    }

    private static int index(long epochDay) {
        if (epochDay < FIRST_EPOCH_DAY || epochDay > LAST_EPOCH_DAY) {
            throw new IllegalArgumentException(LocalDate.ofEpochDay(epochDay)
                + " is outside the session calendar " + COVERAGE);
        }
        return (int) (epochDay - FIRST_EPOCH_DAY);
    }

    public static boolean covers(LocalDate date) {
        long d = date.toEpochDay();
        return d >= FIRST_EPOCH_DAY && d <= LAST_EPOCH_DAY;
    }

    /** Whether the New York day of the instant is in the covered years; a table-free range check. */
    public static boolean coversInstant(long epochSecond) {
        long d = nyEpochDay(epochSecond);
        return d >= FIRST_EPOCH_DAY && d <= LAST_EPOCH_DAY;
    }

    public static boolean isTradingDay(LocalDate date) {
        return DAY_TYPE[index(date.toEpochDay())] != CLOSED;
    }

    public static boolean isTradingDay(long nyEpochDay) {
        return DAY_TYPE[index(nyEpochDay)] != CLOSED;
    }

    public static boolean isEarlyClose(long nyEpochDay) {
        return DAY_TYPE[index(nyEpochDay)] == EARLY;
    }

    /** Minute index of the session's last bar: 390, or 210 on early-close days; -1 when closed. */
    public static int closeMinute(long nyEpochDay) {
        byte t = DAY_TYPE[index(nyEpochDay)];
        return t == FULL ? FULL_CLOSE_MINUTE : t == EARLY ? EARLY_CLOSE_MINUTE : -1;
    }

    public static int closeMinute(LocalDate date) {
        return closeMinute(date.toEpochDay());
    }

    /** Epoch second of 09:30 New York on that day. */
    public static long openEpochSecond(long nyEpochDay) {
        return OPEN_EPOCH[index(nyEpochDay)];
    }

    /**
     * The New York calendar day (epoch day) that contains the instant. New York is behind UTC, so
     * the day is the UTC day or the one before: whichever New York midnight the instant has passed.
     * (Using one offset per day misplaced the hour around midnight next to a DST change.) Instants
     * outside the covered years fall back to the standard-time offset.
     */
    public static long nyEpochDay(long epochSecond) {
        long utcDay = Math.floorDiv(epochSecond, 86_400L);
        long i = utcDay - FIRST_EPOCH_DAY;
        if (i < 0 || i > DAYS) {
            return Math.floorDiv(epochSecond - 5 * 3600L, 86_400L);
        }
        return epochSecond >= MIDNIGHT_EPOCH[(int) i] ? utcDay : utcDay - 1;
    }

    /** Minutes since 09:30 New York of the instant's day (may be negative or past the close). */
    public static int minuteOfDay(long epochSecond) {
        long day = nyEpochDay(epochSecond);
        return (int) Math.floorDiv(epochSecond - OPEN_EPOCH[index(day)], 60L);
    }

    /**
     * Minute index within the regular session of a bar starting at {@code epochSecond},
     * or -1 if the instant is not a regular-session bar start (closed day, outside hours,
     * not on a minute boundary).
     */
    public static int sessionMinute(long epochSecond) {
        long day = nyEpochDay(epochSecond);
        int i = index(day);
        byte t = DAY_TYPE[i];
        if (t == CLOSED) {
            return -1;
        }
        long delta = epochSecond - OPEN_EPOCH[i];
        if (delta < 0 || delta % 60 != 0) {
            return -1;
        }
        long m = delta / 60;
        return m <= (t == FULL ? FULL_CLOSE_MINUTE : EARLY_CLOSE_MINUTE) ? (int) m : -1;
    }

    /** Day of week with Monday = 0 ... Sunday = 6. */
    public static int dayOfWeekMonday0(long nyEpochDay) {
        return (int) Math.floorMod(nyEpochDay + 3, 7L);
    }

    /** The trading day at or after {@code date}. */
    public static LocalDate nextTradingDay(LocalDate date) {
        LocalDate d = date;
        while (!isTradingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** The last trading day strictly before {@code date}. */
    public static LocalDate previousTradingDay(LocalDate date) {
        LocalDate d = date.minusDays(1);
        while (!isTradingDay(d)) {
            d = d.minusDays(1);
        }
        return d;
    }
}
