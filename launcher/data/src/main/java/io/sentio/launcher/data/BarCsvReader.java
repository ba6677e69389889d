package io.sentio.launcher.data;

import io.sentio.core.market.BarSource;
import io.sentio.core.market.MutableBar;
import io.sentio.core.time.SessionCalendar;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Streams one symbol's bar file ({@code SYMBOL_RTH_NH.csv} or {@code .csv.gz}, DESIGN §6) as a
 * {@link BarSource}. Rows are validated one by one (see {@link BadRowReason}); lenient mode skips
 * and counts bad rows in {@link #stats()}, strict mode stops at the first one with a bad-data
 * error {@code file:line: reason}.
 *
 * <p>Parsing works on the raw bytes of a reused buffer: no String, regex or split per row.
 */
public final class BarCsvReader implements BarSource {
    public static final String HEADER = "ts_utc,ts_nyt_epoch,open,high,low,close,volume";
    private static final byte[] HEADER_BYTES = HEADER.getBytes(StandardCharsets.US_ASCII);
    private static final int FIELDS = 7;

    private final Path file;
    private final boolean strict;
    private final InputStream in;
    private final BarFileStats stats = new BarFileStats();
    private final int[] fieldStart = new int[FIELDS];
    private final int[] fieldEnd = new int[FIELDS];
    private byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private boolean eof;
    private int lineStart;
    private int lineEnd;
    private long lineNumber;
    private long lastEpoch = Long.MIN_VALUE;

    public BarCsvReader(Path file, boolean strict) {
        this.file = file;
        this.strict = strict;
        try {
            InputStream raw = Files.newInputStream(file);
            this.in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
        } catch (NoSuchFileException e) {
            throw new BarDataException("no such bar file: " + file);
        } catch (IOException e) {
            throw new BarDataException(file + ": cannot open: " + e.getMessage());
        }
        readHeader();
    }

    public Path file() {
        return file;
    }

    public BarFileStats stats() {
        return stats;
    }

    /**
     * What lenient mode owes the user once the file is read: how many rows it skipped, and rows
     * dated outside the session calendar called out, since they mean data the engine cannot use
     * rather than a glitch. Null when nothing was skipped.
     */
    public String skippedRowsWarning() {
        if (stats.totalBad() == 0) {
            return null;
        }
        String text = "sentio: " + file + ": skipped " + stats.totalBad()
            + " bad rows; `sentio data check --data DIR` lists them by reason";
        long outside = stats.bad(BadRowReason.OUTSIDE_CALENDAR);
        return outside == 0 ? text : text + "; " + outside + " of them (first at line "
            + stats.firstBadLine(BadRowReason.OUTSIDE_CALENDAR) + ") are dated outside the session calendar "
            + SessionCalendar.COVERAGE;
    }

    private void readHeader() {
        if (!nextLine()) {
            throw new BarDataException(file + ":1: empty file, expected header " + HEADER);
        }
        int len = lineEnd - lineStart;
        int skip = len >= 3 && buf[lineStart] == (byte) 0xEF && buf[lineStart + 1] == (byte) 0xBB
            && buf[lineStart + 2] == (byte) 0xBF ? 3 : 0;
        boolean ok = len - skip == HEADER_BYTES.length;
        for (int i = 0; ok && i < HEADER_BYTES.length; i++) {
            ok = buf[lineStart + skip + i] == HEADER_BYTES[i];
        }
        if (!ok) {
            throw new BarDataException(file + ":1: expected header " + HEADER + ", got "
                + new String(buf, lineStart, Math.min(len, 200), StandardCharsets.US_ASCII));
        }
    }

    @Override
    public boolean next(MutableBar into) {
        while (nextLine()) {
            BadRowReason reason = parse(into);
            if (reason == null) {
                stats.accept();
                lastEpoch = into.epochSecond;
                return true;
            }
            stats.reject(reason, lineNumber);
            if (strict) {
                throw new BarDataException(file + ":" + lineNumber + ": " + reason.description() + ": "
                    + new String(buf, lineStart, Math.min(lineEnd - lineStart, 200), StandardCharsets.US_ASCII));
            }
        }
        return false;
    }

    /** Parses the current line into {@code into}; returns null if valid, else why not. */
    private BadRowReason parse(MutableBar into) {
        int n = 0;
        int start = lineStart;
        for (int i = lineStart; i < lineEnd; i++) {
            if (buf[i] == ',') {
                if (n == FIELDS - 1) {
                    return BadRowReason.UNPARSEABLE;
                }
                fieldStart[n] = start;
                fieldEnd[n++] = i;
                start = i + 1;
            }
        }
        if (n != FIELDS - 1) {
            return BadRowReason.UNPARSEABLE;
        }
        fieldStart[n] = start;
        fieldEnd[n] = lineEnd;

        long tsUtc = Ascii.parseIsoOffsetSeconds(buf, fieldStart[0], fieldEnd[0]);
        long epoch = Ascii.parseLong(buf, fieldStart[1], fieldEnd[1]);
        double o = Ascii.parseDouble(buf, fieldStart[2], fieldEnd[2]);
        double h = Ascii.parseDouble(buf, fieldStart[3], fieldEnd[3]);
        double l = Ascii.parseDouble(buf, fieldStart[4], fieldEnd[4]);
        double c = Ascii.parseDouble(buf, fieldStart[5], fieldEnd[5]);
        double v = Ascii.parseDouble(buf, fieldStart[6], fieldEnd[6]);
        if (tsUtc == Ascii.BAD_LONG || epoch == Ascii.BAD_LONG || o == Ascii.UNPARSEABLE
            || h == Ascii.UNPARSEABLE || l == Ascii.UNPARSEABLE || c == Ascii.UNPARSEABLE || v == Ascii.UNPARSEABLE) {
            return BadRowReason.UNPARSEABLE;
        }
        if (tsUtc != epoch) {
            return BadRowReason.TIMESTAMP_MISMATCH;
        }
        if (!validPrice(o) || !validPrice(h) || !validPrice(l) || !validPrice(c)) {
            return BadRowReason.BAD_PRICE;
        }
        if (h < l) {
            return BadRowReason.HIGH_BELOW_LOW;
        }
        if (o < l || o > h || c < l || c > h) {
            return BadRowReason.OPEN_CLOSE_OUTSIDE_RANGE;
        }
        if (!(v >= 0 && v < Double.POSITIVE_INFINITY)) {
            return BadRowReason.NEGATIVE_VOLUME;
        }
        if (!SessionCalendar.coversInstant(epoch)) {
            return BadRowReason.OUTSIDE_CALENDAR;
        }
        if (SessionCalendar.sessionMinute(epoch) < 0) {
            return BadRowReason.OUTSIDE_SESSION;
        }
        if (epoch == lastEpoch) {
            return BadRowReason.DUPLICATE_TIMESTAMP;
        }
        if (epoch < lastEpoch) {
            return BadRowReason.OUT_OF_ORDER;
        }
        into.set(epoch, o, h, l, c, v);
        return null;
    }

    private static boolean validPrice(double p) {
        return p > 0 && p < Double.POSITIVE_INFINITY;
    }

    /** Advances to the next line; sets lineStart/lineEnd (without CR/LF). False at end of file. */
    private boolean nextLine() {
        while (true) {
            for (int i = pos; i < limit; i++) {
                if (buf[i] == '\n') {
                    setLine(pos, i);
                    pos = i + 1;
                    return true;
                }
            }
            if (eof) {
                if (pos < limit) {
                    setLine(pos, limit);
                    pos = limit;
                    return true;
                }
                return false;
            }
            fill();
        }
    }

    private void setLine(int from, int to) {
        lineStart = from;
        lineEnd = to > from && buf[to - 1] == '\r' ? to - 1 : to;
        lineNumber++;
    }

    private void fill() {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        } else if (limit == buf.length) {
            buf = java.util.Arrays.copyOf(buf, buf.length * 2);
        }
        try {
            int r = in.read(buf, limit, buf.length - limit);
            if (r < 0) {
                eof = true;
            } else {
                limit += r;
            }
        } catch (IOException e) {
            throw new BarDataException(file + ":" + (lineNumber + 1) + ": read error: " + e);
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new BarDataException(file + ": close failed: " + e.getMessage());
        }
    }
}
