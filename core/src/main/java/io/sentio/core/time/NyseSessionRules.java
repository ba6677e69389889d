package io.sentio.core.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;

/**
 * The NYSE's rules for which weekdays have no session and which close at 13:00, 2000 onwards.
 * Only {@link SessionCalendar}'s table builder calls these; they allocate and are not for the hot path.
 *
 * <p>Holidays: New Year's Day, Martin Luther King Jr. Day (3rd Monday of January), Washington's
 * Birthday (3rd Monday of February), Good Friday, Memorial Day (last Monday of May), Juneteenth
 * (from 2022), Independence Day, Labor Day (1st Monday of September), Thanksgiving (4th Thursday
 * of November), Christmas. A fixed-date holiday on a Saturday is observed on the Friday before and
 * on a Sunday on the Monday after, except New Year's Day: the NYSE does not close on Friday
 * December 31 when January 1 is a Saturday (its Rule 7.2 keeps the exchange open on a day that
 * ends a yearly accounting period). Plus the unscheduled closures in
 * {@link #SPECIAL_CLOSURES}.
 *
 * <p>Early closes (13:00): the day after Thanksgiving; Christmas Eve when it is Monday-Thursday;
 * around Independence Day, before 2013 July 3 when it is a Monday, Tuesday or Thursday and
 * July 5 when it is a Friday, from 2013 July 3 when it is Monday-Thursday; plus
 * {@link #SPECIAL_EARLY_CLOSES}.
 */
final class NyseSessionRules {
    /** Closures announced for events: September 11, days of mourning, Hurricane Sandy. */
    static final String[] SPECIAL_CLOSURES = {
        "2001-09-11", "2001-09-12", "2001-09-13", "2001-09-14",
        "2004-06-11", // national day of mourning, Ronald Reagan
        "2007-01-02", // national day of mourning, Gerald Ford
        "2012-10-29", "2012-10-30", // Hurricane Sandy
        "2018-12-05", // national day of mourning, George H. W. Bush
        "2025-01-09", // national day of mourning, Jimmy Carter
    };

    /** 13:00 closes announced one by one: the Friday after Christmas 2003 (not 2008, not 2014). */
    static final String[] SPECIAL_EARLY_CLOSES = {"2003-12-26"};

    private static final int JUNETEENTH_FROM = 2022;
    private static final int WEDNESDAY_JULY_THIRD_FROM = 2013;

    private NyseSessionRules() {
    }

    /** Whether the exchange is closed on this weekday (holiday or special closure). */
    static boolean isHoliday(LocalDate d) {
        int y = d.getYear();
        return d.equals(newYearsDay(y))
            || d.equals(nth(y, Month.JANUARY, 3, DayOfWeek.MONDAY))
            || d.equals(nth(y, Month.FEBRUARY, 3, DayOfWeek.MONDAY))
            || d.equals(easterSunday(y).minusDays(2))
            || d.equals(LocalDate.of(y, Month.MAY, 31).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)))
            || y >= JUNETEENTH_FROM && d.equals(observed(LocalDate.of(y, Month.JUNE, 19)))
            || d.equals(observed(LocalDate.of(y, Month.JULY, 4)))
            || d.equals(nth(y, Month.SEPTEMBER, 1, DayOfWeek.MONDAY))
            || d.equals(nth(y, Month.NOVEMBER, 4, DayOfWeek.THURSDAY))
            || d.equals(observed(LocalDate.of(y, Month.DECEMBER, 25)))
            || listed(SPECIAL_CLOSURES, d);
    }

    /**
     * Whether the session of this trading day ends at 13:00. Asked of trading days only, so a
     * Friday December 24 or July 3 (the observed Christmas or Independence Day) never gets here.
     */
    static boolean isEarlyClose(LocalDate d) {
        int y = d.getYear();
        DayOfWeek dow = d.getDayOfWeek();
        if (d.equals(nth(y, Month.NOVEMBER, 4, DayOfWeek.THURSDAY).plusDays(1))
            || d.getMonth() == Month.DECEMBER && d.getDayOfMonth() == 24) {
            return true;
        }
        if (d.getMonth() == Month.JULY && d.getDayOfMonth() == 3) {
            return dow != DayOfWeek.WEDNESDAY || y >= WEDNESDAY_JULY_THIRD_FROM;
        }
        if (d.getMonth() == Month.JULY && d.getDayOfMonth() == 5) {
            return dow == DayOfWeek.FRIDAY && y < WEDNESDAY_JULY_THIRD_FROM;
        }
        return listed(SPECIAL_EARLY_CLOSES, d);
    }

    /** January 1, or Monday January 2; none (null) when January 1 is a Saturday. */
    private static LocalDate newYearsDay(int year) {
        LocalDate d = LocalDate.of(year, Month.JANUARY, 1);
        DayOfWeek dow = d.getDayOfWeek();
        return dow == DayOfWeek.SATURDAY ? null : dow == DayOfWeek.SUNDAY ? d.plusDays(1) : d;
    }

    private static LocalDate observed(LocalDate d) {
        DayOfWeek dow = d.getDayOfWeek();
        return dow == DayOfWeek.SATURDAY ? d.minusDays(1) : dow == DayOfWeek.SUNDAY ? d.plusDays(1) : d;
    }

    private static LocalDate nth(int year, Month month, int n, DayOfWeek dow) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, dow));
    }

    /** Easter Sunday by the anonymous Gregorian computus (Meeus/Jones/Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    private static boolean listed(String[] dates, LocalDate d) {
        String s = d.toString();
        for (String x : dates) {
            if (x.equals(s)) {
                return true;
            }
        }
        return false;
    }
}
