package io.sentio.core.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class SessionCalendarTest {

    private static long ny(String local) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(local), SessionCalendar.NEW_YORK).toEpochSecond();
    }

    @Test
    void shouldIndexMinutesFromTheOpenInNewYorkTimeAcrossDaylightSaving() {
        assertEquals(0, SessionCalendar.sessionMinute(ny("2025-03-07T09:30")));
        assertEquals(0, SessionCalendar.sessionMinute(ny("2025-03-10T09:30")));
        assertEquals(390, SessionCalendar.sessionMinute(ny("2025-11-03T16:00")));
        assertEquals(-1, SessionCalendar.sessionMinute(ny("2025-11-03T16:01")));
        assertEquals(-1, SessionCalendar.sessionMinute(ny("2025-11-03T09:29")));
        assertEquals(-1, SessionCalendar.sessionMinute(ny("2025-11-03T09:30") + 30));
    }

    @Test
    void shouldMapEveryInstantToItsNewYorkDayIncludingMidnightsNextToDaylightSavingChanges() {
        long from = ny("2000-01-01T00:00");
        long to = ny("2035-12-31T23:30");
        for (long i = from; i <= to; i += 1800) {
            long t = i;
            long want = java.time.Instant.ofEpochSecond(t).atZone(SessionCalendar.NEW_YORK).toLocalDate().toEpochDay();
            assertEquals(want, SessionCalendar.nyEpochDay(t), () -> "at " + java.time.Instant.ofEpochSecond(t));
        }
        assertEquals(LocalDate.of(2025, 11, 2).toEpochDay(), SessionCalendar.nyEpochDay(ny("2025-11-02T00:30")));
        assertEquals(LocalDate.of(2025, 3, 8).toEpochDay(), SessionCalendar.nyEpochDay(ny("2025-03-08T23:30")));
    }

    @Test
    void shouldCloseAtOnePmOnEarlyCloseDays() {
        long day = LocalDate.of(2025, 7, 3).toEpochDay();
        assertTrue(SessionCalendar.isEarlyClose(day));
        assertEquals(210, SessionCalendar.closeMinute(day));
        assertEquals(210, SessionCalendar.sessionMinute(ny("2025-07-03T13:00")));
        assertEquals(-1, SessionCalendar.sessionMinute(ny("2025-07-03T13:01")));
    }

    @Test
    void shouldHaveNoSessionOnHolidaysAndWeekends() {
        assertFalse(SessionCalendar.isTradingDay(LocalDate.of(2025, 7, 4)));
        assertFalse(SessionCalendar.isTradingDay(LocalDate.of(2025, 1, 9)));
        assertFalse(SessionCalendar.isTradingDay(LocalDate.of(2026, 4, 3)));
        assertFalse(SessionCalendar.isTradingDay(LocalDate.of(2027, 6, 18)));
        assertFalse(SessionCalendar.isTradingDay(LocalDate.of(2025, 8, 30)));
        assertTrue(SessionCalendar.isTradingDay(LocalDate.of(2025, 8, 29)));
        assertEquals(-1, SessionCalendar.sessionMinute(ny("2025-07-04T10:00")));
    }

    @Test
    void shouldCountTradingDaysOfEachYearAsPublished() {
        int[] expected = {253, 252, 251, 250, 252, 250, 251, 251};
        for (int y = 2020; y <= 2027; y++) {
            int n = 0;
            for (LocalDate d = LocalDate.of(y, 1, 1); d.getYear() == y; d = d.plusDays(1)) {
                if (SessionCalendar.isTradingDay(d)) {
                    n++;
                }
            }
            assertEquals(expected[y - 2020], n, "trading days in " + y);
        }
    }

    @Test
    void shouldNumberWeekdaysFromMonday() {
        assertEquals(0, SessionCalendar.dayOfWeekMonday0(LocalDate.of(2025, 4, 7).toEpochDay()));
        assertEquals(4, SessionCalendar.dayOfWeekMonday0(LocalDate.of(2025, 4, 11).toEpochDay()));
    }

    @Test
    void shouldRefuseDatesOutsideTheCoveredYears() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> SessionCalendar.isTradingDay(LocalDate.of(1999, 12, 31)));
        assertEquals("1999-12-31 is outside the session calendar 2000-2035", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SessionCalendar.sessionMinute(ny("2036-01-02T10:00")));
        assertTrue(SessionCalendar.isTradingDay(LocalDate.of(2000, 1, 3)));
        assertTrue(SessionCalendar.isTradingDay(LocalDate.of(2035, 12, 31)));
    }
}
