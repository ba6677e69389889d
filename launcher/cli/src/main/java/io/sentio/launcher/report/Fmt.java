package io.sentio.launcher.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Locale- and zone-independent text for reports: the same model always gives the same bytes. */
final class Fmt {
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private Fmt() {
    }

    /** Fixed decimals, "n/a" for NaN, "inf"/"-inf", and never "-0.00". */
    static String num(double v, int decimals) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        return isNegativeZero(s) ? s.substring(1) : s;
    }

    /** SVG coordinate: two decimals are far below a pixel. */
    static String coord(double v) {
        return num(v, 2);
    }

    private static boolean isNegativeZero(String s) {
        if (s.charAt(0) != '-') {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '0' && c != '.') {
                return false;
            }
        }
        return true;
    }

    static LocalDate nyDate(long epochSecond) {
        return Instant.ofEpochSecond(epochSecond).atZone(NEW_YORK).toLocalDate();
    }

    static String nyTime(long epochSecond) {
        return TIME.format(Instant.ofEpochSecond(epochSecond).atZone(NEW_YORK));
    }

    static String nyClock(long epochSecond) {
        return CLOCK.format(Instant.ofEpochSecond(epochSecond).atZone(NEW_YORK));
    }

    static String nyDateTime(long epochSecond) {
        return DATE_TIME.format(Instant.ofEpochSecond(epochSecond).atZone(NEW_YORK));
    }

    /** Escapes text for HTML element content and quoted attribute values alike. */
    static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
