package io.sentio.launcher.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentio.core.time.SessionCalendar;
import io.sentio.launcher.alpaca.AlpacaException;
import io.sentio.launcher.alpaca.AlpacaJson;
import io.sentio.launcher.alpaca.AlpacaRest;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;

/**
 * The broker's word on the sessions ({@code GET /v2/calendar}, {@code GET /v2/clock}) against the
 * daemon's own rule-based NYSE calendar ({@link SessionCalendar}). The daemon trades only where both
 * agree: a holiday or an early close one of them does not know would otherwise mean a session traded
 * against a closed market, or one flattened hours early.
 */
public final class BrokerCalendar {
    private final AlpacaRest rest;

    public BrokerCalendar(AlpacaRest rest) {
        this.rest = rest;
    }

    /**
     * The first disagreement between the broker and {@link SessionCalendar} over the days
     * {@code from..to} (trading day or not, open and close time), then over the broker clock's next
     * open and close; null when they agree.
     */
    public String disagreement(LocalDate from, LocalDate to) throws IOException, InterruptedException {
        Map<LocalDate, String> broker = brokerSessions(from, to);
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            String ours = SessionCalendar.isTradingDay(d) ? hours(d) : null;
            String theirs = broker.get(d);
            if (ours == null ? theirs != null : !ours.equals(theirs)) {
                return "the broker's calendar has " + d + " " + (theirs == null ? "closed" : "open " + theirs)
                    + ", sentio's NYSE calendar " + (ours == null ? "closed" : "open " + ours);
            }
        }
        return clockDisagreement();
    }

    private String clockDisagreement() throws IOException, InterruptedException {
        JsonNode clock = AlpacaJson.answer(rest.get(rest.url("/v2/clock").build()).body, "/v2/clock");
        long now = epochSecond(clock, "timestamp");
        long nextOpen = epochSecond(clock, "next_open");
        long nextClose = epochSecond(clock, "next_close");
        LocalDate today = LocalDate.ofEpochDay(SessionCalendar.nyEpochDay(now));
        LocalDate openDay = SessionCalendar.isTradingDay(today) && now < openOf(today) ? today
            : SessionCalendar.nextTradingDay(today.plusDays(1));
        LocalDate closeDay = SessionCalendar.isTradingDay(today) && now < closeOf(today) ? today : openDay;
        if (nextOpen != openOf(openDay) || nextClose != closeOf(closeDay)) {
            return "the broker's clock at " + clock.get("timestamp").asText() + " has the next open "
                + clock.get("next_open").asText() + " and close " + clock.get("next_close").asText()
                + ", sentio's NYSE calendar " + openDay + " 09:30 and " + closeDay + " " + hours(closeDay).substring(6);
        }
        return null;
    }

    private Map<LocalDate, String> brokerSessions(LocalDate from, LocalDate to) throws IOException, InterruptedException {
        AlpacaRest.Reply reply = rest.get(rest.url("/v2/calendar").addQueryParameter("start", from.toString())
            .addQueryParameter("end", to.toString()).build());
        Map<LocalDate, String> out = new TreeMap<>();
        for (JsonNode day : AlpacaJson.answerArray(reply.body, "/v2/calendar")) {
            String date = AlpacaJson.required(day, "date", "/v2/calendar entry");
            try {
                out.put(LocalDate.parse(date), AlpacaJson.required(day, "open", "/v2/calendar entry " + date) + "-"
                    + AlpacaJson.required(day, "close", "/v2/calendar entry " + date));
            } catch (java.time.format.DateTimeParseException e) {
                throw AlpacaException.wire("/v2/calendar: not a date: " + date);
            }
        }
        return out;
    }

    /** "09:30-16:00" (or "-13:00" on an early close), as Alpaca's calendar writes a session. */
    static String hours(LocalDate d) {
        int close = 570 + SessionCalendar.closeMinute(d);
        return String.format("09:30-%02d:%02d", close / 60, close % 60);
    }

    /** Epoch second of the session's open. */
    public static long openOf(LocalDate d) {
        return SessionCalendar.openEpochSecond(d.toEpochDay());
    }

    /** Epoch second of the session's close (16:00, or 13:00 on an early close). */
    public static long closeOf(LocalDate d) {
        return openOf(d) + 60L * SessionCalendar.closeMinute(d);
    }

    /** Epoch second at which the session's last bar, the one starting at the close, ends: its live session is over. */
    public static long lastBarEndOf(LocalDate d) {
        return closeOf(d) + 60;
    }

    private static long epochSecond(JsonNode clock, String key) {
        String v = AlpacaJson.required(clock, key, "/v2/clock");
        try {
            return OffsetDateTime.parse(v).toEpochSecond();
        } catch (java.time.format.DateTimeParseException e) {
            throw AlpacaException.wire("/v2/clock: " + key + " is not a timestamp: " + v);
        }
    }
}
