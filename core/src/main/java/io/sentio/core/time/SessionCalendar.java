package io.sentio.core.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * NYSE regular sessions in New York time, 2020-2027.
 *
 * <p>The regular session is 09:30-16:00 inclusive of both ends' minute bars: 391 one-minute bars,
 * minute index 0 (09:30) to 390 (16:00). Early-close days end at 13:00 (minute 210).
 *
 * <p>Every lookup by epoch second is a table read: no allocation, no use of the machine's zone.
 * The zone is always {@code America/New_York}.
 *
 * <p>Holidays and early closes are transcribed from the NYSE's published holiday calendars
 * ("Holidays and Trading Hours", nyse.com/markets/hours-calendars, as published for each year
 * 2020-2027), including the 2025-01-09 national day of mourning closure.
 */
public final class SessionCalendar {
    public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    public static final int FIRST_YEAR = 2020;
    public static final int LAST_YEAR = 2027;
    /** Minute index of the last bar of a full session (16:00). */
    public static final int FULL_CLOSE_MINUTE = 390;
    /** Minute index of the last bar of an early-close session (13:00). */
    public static final int EARLY_CLOSE_MINUTE = 210;
    /** Bars in a full session, 09:30 ... 16:00 inclusive. */
    public static final int BARS_PER_FULL_SESSION = FULL_CLOSE_MINUTE + 1;

    private static final String[] HOLIDAYS = {
        "2020-01-01", "2020-01-20", "2020-02-17", "2020-04-10", "2020-05-25", "2020-07-03",
        "2020-09-07", "2020-11-26", "2020-12-25",
        "2021-01-01", "2021-01-18", "2021-02-15", "2021-04-02", "2021-05-31", "2021-07-05",
        "2021-09-06", "2021-11-25", "2021-12-24",
        "2022-01-17", "2022-02-21", "2022-04-15", "2022-05-30", "2022-06-20", "2022-07-04",
        "2022-09-05", "2022-11-24", "2022-12-26",
        "2023-01-02", "2023-01-16", "2023-02-20", "2023-04-07", "2023-05-29", "2023-06-19",
        "2023-07-04", "2023-09-04", "2023-11-23", "2023-12-25",
        "2024-01-01", "2024-01-15", "2024-02-19", "2024-03-29", "2024-05-27", "2024-06-19",
        "2024-07-04", "2024-09-02", "2024-11-28", "2024-12-25",
        "2025-01-01", "2025-01-09", "2025-01-20", "2025-02-17", "2025-04-18", "2025-05-26",
        "2025-06-19", "2025-07-04", "2025-09-01", "2025-11-27", "2025-12-25",
        "2026-01-01", "2026-01-19", "2026-02-16", "2026-04-03", "2026-05-25", "2026-06-19",
        "2026-07-03", "2026-09-07", "2026-11-26", "2026-12-25",
        "2027-01-01", "2027-01-18", "2027-02-15", "2027-03-26", "2027-05-31", "2027-06-18",
        "2027-07-05", "2027-09-06", "2027-11-25", "2027-12-24",
    };

    private static final String[] EARLY_CLOSES = {
        "2020-11-27", "2020-12-24",
        "2021-11-26",
        "2022-11-25",
        "2023-07-03", "2023-11-24",
        "2024-07-03", "2024-11-29", "2024-12-24",
        "2025-07-03", "2025-11-28", "2025-12-24",
        "2026-11-27", "2026-12-24",
        "2027-11-26",
    };

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
            DAY_TYPE[i] = (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) ? CLOSED : FULL;
            OPEN_EPOCH[i] = ZonedDateTime.of(d, LocalTime.of(9, 30), NEW_YORK).toEpochSecond();
            MIDNIGHT_EPOCH[i] = ZonedDateTime.of(d, LocalTime.MIDNIGHT, NEW_YORK).toEpochSecond();
        }
        MIDNIGHT_EPOCH[DAYS] = ZonedDateTime.of(LocalDate.ofEpochDay(LAST_EPOCH_DAY + 1), LocalTime.MIDNIGHT, NEW_YORK)
            .toEpochSecond();
        for (String h : HOLIDAYS) {
            DAY_TYPE[index(LocalDate.parse(h).toEpochDay())] = CLOSED;
        }
        for (String e : EARLY_CLOSES) {
            DAY_TYPE[index(LocalDate.parse(e).toEpochDay())] = EARLY;
        }
    }

    private SessionCalendar() {
    }

    private static int index(long epochDay) {
        if (epochDay < FIRST_EPOCH_DAY || epochDay > LAST_EPOCH_DAY) {
            throw new IllegalArgumentException("no NYSE calendar for " + LocalDate.ofEpochDay(epochDay)
                + " (covered: " + FIRST_YEAR + "-" + LAST_YEAR + ")");
        }
        return (int) (epochDay - FIRST_EPOCH_DAY);
    }

    public static boolean covers(LocalDate date) {
        long d = date.toEpochDay();
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
