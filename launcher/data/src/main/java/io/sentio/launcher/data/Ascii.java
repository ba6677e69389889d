package io.sentio.launcher.data;

import java.nio.charset.StandardCharsets;

/**
 * Allocation-free parsing of ASCII fields of a byte buffer. Every parser returns a sentinel
 * (NaN, {@link #BAD_LONG}) instead of throwing, so a bad row costs no exception.
 */
final class Ascii {
    static final long BAD_LONG = Long.MIN_VALUE;
    /** A distinct NaN-free marker for "not a number at all" (NaN itself is a parseable, invalid price). */
    static final double UNPARSEABLE = Double.NEGATIVE_INFINITY;

    private static final double[] POW10 = new double[23];
    private static final long MAX_EXACT = 1L << 53;

    static {
        double p = 1.0;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10.0;
        }
    }

    private Ascii() {
    }

    /** Decimal integer with optional '-'; {@link #BAD_LONG} if malformed or over 18 digits. */
    static long parseLong(byte[] b, int from, int to) {
        int i = from;
        boolean neg = false;
        if (i < to && b[i] == '-') {
            neg = true;
            i++;
        }
        if (i == to || to - i > 18) {
            return BAD_LONG;
        }
        long v = 0;
        for (; i < to; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return BAD_LONG;
            }
            v = v * 10 + d;
        }
        return neg ? -v : v;
    }

    /**
     * A decimal number, correctly rounded. Plain decimals of up to 15 significant digits take a
     * division by an exact power of ten (exact inputs, one rounding); anything else (exponents,
     * long mantissas, NaN, Infinity) goes through {@link Double#parseDouble}. Returns
     * {@link #UNPARSEABLE} when the text is not a number; note -Infinity text maps to it as well,
     * which is rejected like any other non-finite price.
     */
    static double parseDouble(byte[] b, int from, int to) {
        int i = from;
        boolean neg = false;
        if (i < to && (b[i] == '-' || b[i] == '+')) {
            neg = b[i] == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int scale = 0;
        boolean point = false;
        boolean anyDigit = false;
        boolean simple = i < to;
        for (; i < to; i++) {
            byte c = b[i];
            if (c >= '0' && c <= '9') {
                anyDigit = true;
                if (digits > 0 || c != '0') {
                    digits++;
                }
                mantissa = mantissa * 10 + (c - '0');
                if (point) {
                    scale++;
                }
                if (digits > 15) {
                    simple = false;
                    break;
                }
            } else if (c == '.' && !point) {
                point = true;
            } else {
                simple = false;
                break;
            }
        }
        if (simple && anyDigit && mantissa < MAX_EXACT && scale < POW10.length) {
            double v = scale == 0 ? (double) mantissa : mantissa / POW10[scale];
            return neg ? -v : v;
        }
        return slowParse(b, from, to);
    }

    private static double slowParse(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            byte c = b[i];
            boolean allowed = (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E'
                || c == 'N' || c == 'a' || c == 'I' || c == 'n' || c == 'f' || c == 'i' || c == 't' || c == 'y';
            if (!allowed) {
                return UNPARSEABLE;
            }
        }
        try {
            return Double.parseDouble(new String(b, from, to - from, StandardCharsets.US_ASCII));
        } catch (NumberFormatException e) {
            return UNPARSEABLE;
        }
    }

    /**
     * ISO-8601 instant with offset, {@code yyyy-MM-ddTHH:mm:ss(Z|+HH:MM|-HH:MM)}, to epoch seconds;
     * {@link #BAD_LONG} if malformed or not a real calendar date.
     */
    static long parseIsoOffsetSeconds(byte[] b, int from, int to) {
        int len = to - from;
        if (len != 20 && len != 25) {
            return BAD_LONG;
        }
        if (b[from + 4] != '-' || b[from + 7] != '-' || b[from + 10] != 'T' || b[from + 13] != ':'
            || b[from + 16] != ':') {
            return BAD_LONG;
        }
        int year = digits(b, from, 4);
        int month = digits(b, from + 5, 2);
        int day = digits(b, from + 8, 2);
        int hour = digits(b, from + 11, 2);
        int minute = digits(b, from + 14, 2);
        int second = digits(b, from + 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)
            || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return BAD_LONG;
        }
        int offset;
        byte z = b[from + 19];
        if (len == 20) {
            if (z != 'Z') {
                return BAD_LONG;
            }
            offset = 0;
        } else {
            if ((z != '+' && z != '-') || b[from + 22] != ':') {
                return BAD_LONG;
            }
            int oh = digits(b, from + 20, 2);
            int om = digits(b, from + 23, 2);
            if (oh < 0 || oh > 18 || om < 0 || om > 59) {
                return BAD_LONG;
            }
            offset = (z == '-' ? -1 : 1) * (oh * 3600 + om * 60);
        }
        return daysFromCivil(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second - offset;
    }

    private static int digits(byte[] b, int from, int n) {
        int v = 0;
        for (int i = from; i < from + n; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    private static int daysInMonth(int y, int m) {
        if (m == 2) {
            boolean leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
            return leap ? 29 : 28;
        }
        return (m == 4 || m == 6 || m == 9 || m == 11) ? 30 : 31;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
    static long daysFromCivil(int y, int m, int d) {
        long yy = m <= 2 ? y - 1 : y;
        long era = Math.floorDiv(yy, 400);
        long yoe = yy - era * 400;
        long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }
}
