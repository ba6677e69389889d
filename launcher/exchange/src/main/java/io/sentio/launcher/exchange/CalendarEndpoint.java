package io.sentio.launcher.exchange;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.sentio.core.time.SessionCalendar;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import okhttp3.HttpUrl;

/**
 * {@code GET /v2/calendar?start=YYYY-MM-DD&end=YYYY-MM-DD} of the stand-in, in Alpaca's format: one
 * entry per trading day, {@code {"date":"2025-07-03","open":"09:30","close":"13:00",
 * "session_open":"0400","session_close":"2000","settlement_date":"2025-07-07"}}, from the rule-based
 * NYSE calendar ({@link SessionCalendar}). {@link FaultPlan#calendarClosedDay} makes it call one
 * trading day a holiday, so a client's own calendar disagrees with the broker's.
 */
final class CalendarEndpoint {
    private final FaultPlan faults;

    CalendarEndpoint(FaultPlan faults) {
        this.faults = faults;
    }

    HttpReply calendar(HttpUrl url, LocalDate today) {
        LocalDate start;
        LocalDate end;
        try {
            start = date(url.queryParameter("start"), today);
            end = date(url.queryParameter("end"), start.plusDays(30));
        } catch (DateTimeParseException e) {
            return HttpReply.error(422, 42210000, "invalid date: " + e.getParsedString());
        }
        if (end.isBefore(start)) {
            return HttpReply.error(422, 42210000, "end before start");
        }
        LocalDate first = LocalDate.of(SessionCalendar.FIRST_YEAR, 1, 1);
        LocalDate last = LocalDate.of(SessionCalendar.LAST_YEAR, 12, 31);
        ArrayNode days = WireJson.array();
        for (LocalDate d = start.isBefore(first) ? first : start; !d.isAfter(end) && !d.isAfter(last); d = d.plusDays(1)) {
            if (!SessionCalendar.isTradingDay(d) || d.equals(faults.calendarClosedDay)) {
                continue;
            }
            int close = 570 + SessionCalendar.closeMinute(d);
            days.addObject().put("date", d.toString()).put("open", "09:30")
                .put("close", String.format("%02d:%02d", close / 60, close % 60))
                .put("session_open", "0400").put("session_close", "2000")
                .put("settlement_date", settlement(d).toString());
        }
        return HttpReply.ok(days.toString());
    }

    /** T+1 since 2024-05-28 (T+2 before): the trading day after. */
    private static LocalDate settlement(LocalDate d) {
        LocalDate next = SessionCalendar.nextTradingDay(d.plusDays(1));
        return d.isBefore(LocalDate.of(2024, 5, 28)) ? SessionCalendar.nextTradingDay(next.plusDays(1)) : next;
    }

    private static LocalDate date(String v, LocalDate absent) {
        return v == null || v.isEmpty() ? absent : LocalDate.parse(v.length() > 10 ? v.substring(0, 10) : v);
    }
}
