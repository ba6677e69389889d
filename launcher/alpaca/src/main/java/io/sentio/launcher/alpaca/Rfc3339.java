package io.sentio.launcher.alpaca;

/**
 * Allocation-free parse of RFC-3339 timestamps ({@code 2021-02-22T19:15:00Z},
 * {@code 2025-04-01T09:30:00.123-04:00}) to epoch seconds; the fraction is truncated.
 */
public final class Rfc3339 {
    private Rfc3339() {
    }

    public static long parseEpochSecond(char[] s, int off, int len) {
        if (len < 20 || s[off + 4] != '-' || s[off + 7] != '-' || (s[off + 10] != 'T' && s[off + 10] != 't')
            || s[off + 13] != ':' || s[off + 16] != ':') {
            throw bad(s, off, len);
        }
        int year = digits(s, off, 4);
        int month = digits(s, off + 5, 2);
        int day = digits(s, off + 8, 2);
        int hour = digits(s, off + 11, 2);
        int minute = digits(s, off + 14, 2);
        int second = digits(s, off + 17, 2);
        int i = off + 19;
        int endPos = off + len;
        if (i < endPos && s[i] == '.') {
            i++;
            while (i < endPos && s[i] >= '0' && s[i] <= '9') {
                i++;
            }
        }
        if (i >= endPos) {
            throw bad(s, off, len);
        }
        int offsetSeconds;
        char z = s[i];
        if (z == 'Z' || z == 'z') {
            offsetSeconds = 0;
            i++;
        } else if ((z == '+' || z == '-') && endPos - i == 6 && s[i + 3] == ':') {
            offsetSeconds = (digits(s, i + 1, 2) * 3600 + digits(s, i + 4, 2) * 60) * (z == '-' ? -1 : 1);
            i += 6;
        } else {
            throw bad(s, off, len);
        }
        if (i != endPos || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) {
            throw bad(s, off, len);
        }
        return epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
    }

    public static long parseEpochSecond(String s) {
        return parseEpochSecond(s.toCharArray(), 0, s.length());
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    static long epochDay(int y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }

    private static int digits(char[] s, int off, int n) {
        int v = 0;
        for (int i = 0; i < n; i++) {
            char c = s[off + i];
            if (c < '0' || c > '9') {
                throw bad(s, off, n);
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static IllegalArgumentException bad(char[] s, int off, int len) {
        return new IllegalArgumentException("not an RFC-3339 timestamp: '" + new String(s, off, Math.max(0, Math.min(len, s.length - off))) + "'");
    }
}
