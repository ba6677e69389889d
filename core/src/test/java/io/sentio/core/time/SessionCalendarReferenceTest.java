package io.sentio.core.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rule-generated calendar against dates the NYSE published or that are known from its history. */
class SessionCalendarReferenceTest {
    private static final String CLOSED = "closed";
    private static final String FULL = "full";
    private static final String EARLY = "early";

    /**
     * Holidays and early closes transcribed from the NYSE's published holiday calendars
     * ("Holidays and Trading Hours", nyse.com/markets/hours-calendars, as published for each year
     * 2020-2027), including the 2025-01-09 national day of mourning closure. Until the calendar
     * was generated from rules these tables were the calendar.
     */
    private static final Set<String> PUBLISHED_HOLIDAYS = Set.of(
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
        "2027-07-05", "2027-09-06", "2027-11-25", "2027-12-24");

    private static final Set<String> PUBLISHED_EARLY_CLOSES = Set.of(
        "2020-11-27", "2020-12-24",
        "2021-11-26",
        "2022-11-25",
        "2023-07-03", "2023-11-24",
        "2024-07-03", "2024-11-29", "2024-12-24",
        "2025-07-03", "2025-11-28", "2025-12-24",
        "2026-11-27", "2026-12-24",
        "2027-11-26");

    @Test
    void shouldEqualThePublishedCalendarsOf2020To2027DayByDay() {
        for (LocalDate d = LocalDate.of(2020, 1, 1); d.getYear() <= 2027; d = d.plusDays(1)) {
            boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
            String want = weekend || PUBLISHED_HOLIDAYS.contains(d.toString()) ? CLOSED
                : PUBLISHED_EARLY_CLOSES.contains(d.toString()) ? EARLY : FULL;
            assertEquals(want, kind(d), d.toString());
        }
    }

    @Test
    void shouldCloseForTheUnscheduledClosuresOf2000To2035() {
        for (String d : new String[] {"2001-09-11", "2001-09-12", "2001-09-13", "2001-09-14", "2004-06-11",
            "2007-01-02", "2012-10-29", "2012-10-30", "2018-12-05", "2025-01-09"}) {
            assertEquals(CLOSED, kind(LocalDate.parse(d)), d);
        }
        // The days around them traded: markets reopened Monday 2001-09-17, and on 2012-10-31.
        assertEquals(FULL, kind(LocalDate.parse("2001-09-10")));
        assertEquals(FULL, kind(LocalDate.parse("2001-09-17")));
        assertEquals(FULL, kind(LocalDate.parse("2012-10-31")));
    }

    @Test
    void shouldFollowTheRulesOnHandComputedDatesBeforeAndAfterThePublishedYears() {
        // 2000: MLK is the 3rd Monday (Jan 3, 10, 17); Easter Apr 23, so Good Friday Apr 21;
        // July 3 is a Monday: 13:00 close.
        assertEquals(CLOSED, kind(LocalDate.parse("2000-01-17")));
        assertEquals(CLOSED, kind(LocalDate.parse("2000-04-21")));
        assertEquals(EARLY, kind(LocalDate.parse("2000-07-03")));
        // 2002: July 4 a Thursday; before 2013 the early close was Friday July 5, Wednesday July 3 full.
        assertEquals(FULL, kind(LocalDate.parse("2002-07-03")));
        assertEquals(EARLY, kind(LocalDate.parse("2002-07-05")));
        // 2003-12-26 was announced as a 13:00 close; the Fridays after Christmas 2008 and 2014 were full.
        assertEquals(EARLY, kind(LocalDate.parse("2003-12-26")));
        assertEquals(FULL, kind(LocalDate.parse("2008-12-26")));
        assertEquals(FULL, kind(LocalDate.parse("2014-12-26")));
        // Christmas 2004 a Saturday: closed Friday Dec 24. New Year 2005 a Saturday: Dec 31 2004 traded.
        assertEquals(CLOSED, kind(LocalDate.parse("2004-12-24")));
        assertEquals(FULL, kind(LocalDate.parse("2004-12-31")));
        // New Year 2006 a Sunday: closed Monday Jan 2.
        assertEquals(CLOSED, kind(LocalDate.parse("2006-01-02")));
        // July 4 2009 a Saturday: closed Friday July 3, no early close on Thursday July 2.
        assertEquals(CLOSED, kind(LocalDate.parse("2009-07-03")));
        assertEquals(FULL, kind(LocalDate.parse("2009-07-02")));
        // New Year 2011 a Saturday: Friday Dec 31 2010 traded.
        assertEquals(FULL, kind(LocalDate.parse("2010-12-31")));
        // 2013: July 4 a Thursday; from 2013 Wednesday July 3 closes at 13:00 and Friday July 5 is full.
        assertEquals(EARLY, kind(LocalDate.parse("2013-07-03")));
        assertEquals(FULL, kind(LocalDate.parse("2013-07-05")));
        // 2019: Good Friday Apr 19 (Easter Apr 21); July 3 a Wednesday; Black Friday Nov 29; Christmas Eve a Tuesday.
        assertEquals(CLOSED, kind(LocalDate.parse("2019-04-19")));
        assertEquals(EARLY, kind(LocalDate.parse("2019-07-03")));
        assertEquals(EARLY, kind(LocalDate.parse("2019-11-29")));
        assertEquals(EARLY, kind(LocalDate.parse("2019-12-24")));
        // 2021: Juneteenth was not yet an NYSE holiday.
        assertEquals(FULL, kind(LocalDate.parse("2021-06-18")));
        // 2028: Good Friday Apr 14 (Easter Apr 16); Juneteenth a Monday; July 4 a Tuesday, so Monday July 3
        // closes at 13:00; Thanksgiving Nov 23 (Nov 1 is a Wednesday), Black Friday Nov 24; Christmas a Monday.
        assertEquals(CLOSED, kind(LocalDate.parse("2028-04-14")));
        assertEquals(CLOSED, kind(LocalDate.parse("2028-06-19")));
        assertEquals(EARLY, kind(LocalDate.parse("2028-07-03")));
        assertEquals(CLOSED, kind(LocalDate.parse("2028-11-23")));
        assertEquals(EARLY, kind(LocalDate.parse("2028-11-24")));
        assertEquals(CLOSED, kind(LocalDate.parse("2028-12-25")));
        // 2032: Juneteenth a Saturday, closed Friday June 18. 2033: New Year a Saturday, Dec 31 2032 trades;
        // Christmas a Sunday, closed Monday Dec 26.
        assertEquals(CLOSED, kind(LocalDate.parse("2032-06-18")));
        assertEquals(FULL, kind(LocalDate.parse("2032-12-31")));
        assertEquals(CLOSED, kind(LocalDate.parse("2033-12-26")));
        // 2035: Easter Mar 25, Good Friday Mar 23; Memorial Day May 28; Labor Day Sep 3.
        assertEquals(CLOSED, kind(LocalDate.parse("2035-03-23")));
        assertEquals(CLOSED, kind(LocalDate.parse("2035-05-28")));
        assertEquals(CLOSED, kind(LocalDate.parse("2035-09-03")));
    }

    @Test
    void shouldComputeEasterAsTheChurchCalendarsList() {
        String[] easter = {
            "2000-04-23", "2001-04-15", "2002-03-31", "2003-04-20", "2004-04-11", "2005-03-27",
            "2006-04-16", "2007-04-08", "2008-03-23", "2009-04-12", "2010-04-04", "2011-04-24",
            "2012-04-08", "2013-03-31", "2014-04-20", "2015-04-05", "2016-03-27", "2017-04-16",
            "2018-04-01", "2019-04-21", "2020-04-12", "2021-04-04", "2022-04-17", "2023-04-09",
            "2024-03-31", "2025-04-20", "2026-04-05", "2027-03-28", "2028-04-16", "2029-04-01",
            "2030-04-21", "2031-04-13", "2032-03-28", "2033-04-17", "2034-04-09", "2035-03-25",
        };
        for (String e : easter) {
            LocalDate sunday = LocalDate.parse(e);
            assertEquals(sunday, NyseSessionRules.easterSunday(sunday.getYear()));
            assertEquals(CLOSED, kind(sunday.minusDays(2)), "Good Friday before " + e);
        }
    }

    private static String kind(LocalDate d) {
        if (!SessionCalendar.isTradingDay(d)) {
            return CLOSED;
        }
        return SessionCalendar.isEarlyClose(d.toEpochDay()) ? EARLY : FULL;
    }
}
