package io.sentio.launcher.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.core.market.MutableBar;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BarCsvReaderTest {
    /** 2025-04-01 09:30 New York. */
    static final long OPEN = 1743514200L;
    /** Friday 1999-12-31 10:00 New York, a session the calendar (2000-2035) does not cover. */
    static final long BEFORE_CALENDAR = 946652400L;
    /** Wednesday 2036-01-02 10:00 New York. */
    static final long AFTER_CALENDAR = 2082898800L;

    @TempDir
    Path dir;

    static String row(long epoch, String o, String h, String l, String c, String v) {
        StringBuilder sb = new StringBuilder();
        BarCsvWriter.appendIso(sb, epoch);
        return sb + "," + epoch + "," + o + "," + h + "," + l + "," + c + "," + v;
    }

    static String row(long epoch) {
        return row(epoch, "10.0", "10.5", "9.5", "10.2", "100");
    }

    static Path write(Path file, List<String> rows) throws IOException {
        StringBuilder sb = new StringBuilder(BarCsvReader.HEADER).append('\n');
        for (String r : rows) {
            sb.append(r).append('\n');
        }
        byte[] bytes = sb.toString().getBytes(StandardCharsets.US_ASCII);
        if (file.toString().endsWith(".gz")) {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                out.write(bytes);
            }
        } else {
            Files.write(file, bytes);
        }
        return file;
    }

    static Stream<Arguments> badRows() {
        long m1 = OPEN + 60;
        List<Arguments> cases = new ArrayList<>();
        for (String ext : new String[] {".csv", ".csv.gz"}) {
            cases.add(Arguments.of(ext, BadRowReason.UNPARSEABLE, row(m1, "abc", "10.5", "9.5", "10", "1")));
            cases.add(Arguments.of(ext, BadRowReason.UNPARSEABLE, row(m1) + ",extra"));
            cases.add(Arguments.of(ext, BadRowReason.UNPARSEABLE, "2025-04-01T09:31:00-04:00,17435142x0,10,10,10,10,1"));
            cases.add(Arguments.of(ext, BadRowReason.UNPARSEABLE, "2025-02-30T09:31:00-04:00,1743514260,10,10,10,10,1"));
            cases.add(Arguments.of(ext, BadRowReason.TIMESTAMP_MISMATCH,
                "2025-04-01T09:31:00-04:00," + (m1 + 60) + ",10,10,10,10,1"));
            cases.add(Arguments.of(ext, BadRowReason.BAD_PRICE, row(m1, "0", "10.5", "9.5", "10", "1")));
            cases.add(Arguments.of(ext, BadRowReason.BAD_PRICE, row(m1, "10", "NaN", "9.5", "10", "1")));
            cases.add(Arguments.of(ext, BadRowReason.BAD_PRICE, row(m1, "10", "Infinity", "9.5", "10", "1")));
            cases.add(Arguments.of(ext, BadRowReason.HIGH_BELOW_LOW, row(m1, "10", "9", "11", "10", "1")));
            cases.add(Arguments.of(ext, BadRowReason.OPEN_CLOSE_OUTSIDE_RANGE, row(m1, "12", "11", "9", "10", "1")));
            cases.add(Arguments.of(ext, BadRowReason.OPEN_CLOSE_OUTSIDE_RANGE, row(m1, "10", "11", "9", "8.9", "1")));
            cases.add(Arguments.of(ext, BadRowReason.NEGATIVE_VOLUME, row(m1, "10", "11", "9", "10", "-1")));
            cases.add(Arguments.of(ext, BadRowReason.OUTSIDE_CALENDAR, row(BEFORE_CALENDAR)));
            cases.add(Arguments.of(ext, BadRowReason.OUTSIDE_CALENDAR, row(AFTER_CALENDAR)));
            cases.add(Arguments.of(ext, BadRowReason.OUTSIDE_SESSION, row(OPEN + 391 * 60)));
            cases.add(Arguments.of(ext, BadRowReason.OUTSIDE_SESSION, row(OPEN - 60)));
            cases.add(Arguments.of(ext, BadRowReason.OUTSIDE_SESSION, row(OPEN + 4 * 86_400)));
            cases.add(Arguments.of(ext, BadRowReason.DUPLICATE_TIMESTAMP, row(OPEN + 120)));
            cases.add(Arguments.of(ext, BadRowReason.OUT_OF_ORDER, row(OPEN + 60)));
        }
        return cases.stream();
    }

    /** Header, 09:30, 09:32, the bad row (line 4), 09:33. */
    private Path fileWith(String ext, String badRow) throws IOException {
        return write(dir.resolve("TEST_RTH_NH" + ext), List.of(row(OPEN), row(OPEN + 120), badRow, row(OPEN + 180)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("badRows")
    void shouldSkipAndCountBadRowByReasonInLenientMode(String ext, BadRowReason reason, String badRow) throws IOException {
        try (BarCsvReader r = new BarCsvReader(fileWith(ext, badRow), false)) {
            MutableBar b = new MutableBar();
            List<Long> times = new ArrayList<>();
            while (r.next(b)) {
                times.add(b.epochSecond);
            }
            assertEquals(List.of(OPEN, OPEN + 120, OPEN + 180), times);
            assertEquals(1, r.stats().bad(reason));
            assertEquals(1, r.stats().totalBad());
            assertEquals(4, r.stats().firstBadLine(reason));
            assertEquals(3, r.stats().accepted());
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("badRows")
    void shouldStopAtFirstBadRowWithFileLineAndReasonInStrictMode(String ext, BadRowReason reason, String badRow)
        throws IOException {
        Path f = fileWith(ext, badRow);
        try (BarCsvReader r = new BarCsvReader(f, true)) {
            MutableBar b = new MutableBar();
            assertTrue(r.next(b));
            assertTrue(r.next(b));
            BarDataException e = assertThrows(BarDataException.class, () -> r.next(b));
            assertTrue(e.getMessage().startsWith(f + ":4: " + reason.description()), e.getMessage());
        }
    }

    @Test
    void shouldNameTheCalendarsYearsWhenARowIsOutsideThem() throws IOException {
        Path f = write(dir.resolve("OLD_RTH_NH.csv"), List.of(row(BEFORE_CALENDAR)));
        try (BarCsvReader r = new BarCsvReader(f, true)) {
            BarDataException e = assertThrows(BarDataException.class, () -> r.next(new MutableBar()));
            assertTrue(e.getMessage().startsWith(f + ":2: date outside the session calendar 2000-2035: 1999-12-31T10:00:00-05:00,"),
                e.getMessage());
        }
    }

    @Test
    void shouldCallOutRowsOutsideTheCalendarWhenWarningOfSkippedRows() throws IOException {
        Path f = write(dir.resolve("MIX_RTH_NH.csv"), List.of(row(BEFORE_CALENDAR), row(OPEN - 60), row(OPEN)));
        try (BarCsvReader r = new BarCsvReader(f, false)) {
            assertNull(r.skippedRowsWarning());
            MutableBar b = new MutableBar();
            assertTrue(r.next(b));
            assertEquals("sentio: " + f + ": skipped 2 bad rows; `sentio data check --data DIR` lists them by reason;"
                + " 1 of them (first at line 2) are dated outside the session calendar 2000-2035", r.skippedRowsWarning());
        }
    }

    @Test
    void shouldReadPlainAndGzipFilesIdentically() throws IOException {
        List<String> rows = List.of(row(OPEN, "82.24", "82.28", "82.05", "82.06", "69815.0"),
            row(OPEN + 60, "82.04", "82.099", "81.935", "82.0", "36313.0"));
        Path plain = write(dir.resolve("A_RTH_NH.csv"), rows);
        Path gz = write(dir.resolve("B_RTH_NH.csv.gz"), rows);
        try (BarCsvReader a = new BarCsvReader(plain, true); BarCsvReader b = new BarCsvReader(gz, true)) {
            MutableBar x = new MutableBar();
            MutableBar y = new MutableBar();
            while (a.next(x)) {
                assertTrue(b.next(y));
                assertEquals(x.toString(), y.toString());
            }
            assertFalse(b.next(y));
            assertEquals(82.099, x.high, 0.0);
            assertEquals(36313.0, x.volume, 0.0);
        }
    }

    @Test
    void shouldParseValuesExactlyLikeDoubleParseDouble() throws IOException {
        SplittableRandom rnd = new SplittableRandom(7);
        List<String> rows = new ArrayList<>();
        List<double[]> expected = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            double l = 1 + rnd.nextDouble() * 500;
            String ls = String.valueOf(l);
            String hs = String.format(java.util.Locale.ROOT, "%.6f", l + 1);
            String os = String.format(java.util.Locale.ROOT, "%.4f", l + 0.5);
            String cs = (l + 0.25) + "";
            String vs = i % 3 == 0 ? "1.5e3" : String.valueOf(rnd.nextInt(1_000_000));
            rows.add(row(OPEN + 60L * i, os, hs, ls, cs, vs));
            expected.add(new double[] {Double.parseDouble(os), Double.parseDouble(hs), Double.parseDouble(ls),
                Double.parseDouble(cs), Double.parseDouble(vs)});
        }
        try (BarCsvReader r = new BarCsvReader(write(dir.resolve("X_RTH_NH.csv"), rows), true)) {
            MutableBar b = new MutableBar();
            for (double[] e : expected) {
                assertTrue(r.next(b));
                assertEquals(e[0], b.open, 0.0);
                assertEquals(e[1], b.high, 0.0);
                assertEquals(e[2], b.low, 0.0);
                assertEquals(e[3], b.close, 0.0);
                assertEquals(e[4], b.volume, 0.0);
            }
        }
    }

    @Test
    void shouldRejectWrongHeaderNamingFileAndLine() throws IOException {
        Path f = dir.resolve("H_RTH_NH.csv");
        Files.writeString(f, "time,open,high,low,close,volume\n");
        BarDataException e = assertThrows(BarDataException.class, () -> new BarCsvReader(f, false));
        assertTrue(e.getMessage().startsWith(f + ":1: expected header"), e.getMessage());
    }

    @Test
    void shouldAcceptCrLfLineEndings() throws IOException {
        Path f = dir.resolve("C_RTH_NH.csv");
        Files.writeString(f, BarCsvReader.HEADER + "\r\n" + row(OPEN) + "\r\n" + row(OPEN + 60));
        try (BarCsvReader r = new BarCsvReader(f, true)) {
            MutableBar b = new MutableBar();
            assertTrue(r.next(b));
            assertTrue(r.next(b));
            assertEquals(OPEN + 60, b.epochSecond);
            assertFalse(r.next(b));
        }
    }

    @Test
    void shouldNameSymbolAndPathWhenConfiguredSymbolHasNoFile() {
        BarDataException e = assertThrows(BarDataException.class, () -> BarFiles.locate(dir, "SPY"));
        assertTrue(e.getMessage().contains("SPY") && e.getMessage().contains(dir.resolve("SPY_RTH_NH.csv").toString()),
            e.getMessage());
    }
}
