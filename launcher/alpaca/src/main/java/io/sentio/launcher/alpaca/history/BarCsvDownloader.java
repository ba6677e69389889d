package io.sentio.launcher.alpaca.history;

import io.sentio.core.market.Universe;
import io.sentio.core.time.SessionCalendar;
import io.sentio.launcher.alpaca.AlpacaException;
import io.sentio.launcher.alpaca.AlpacaTime;
import io.sentio.launcher.alpaca.SymbolTable;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;

/**
 * Writes history bars to the DESIGN §6 CSV format, one {@code SYMBOL_RTH_NH.csv} per symbol, regular
 * hours only. Resumable: an existing file is continued after its last timestamp.
 */
public final class BarCsvDownloader {
    public static final String HEADER = "ts_utc,ts_nyt_epoch,open,high,low,close,volume";
    private final HistoryClient history;

    public BarCsvDownloader(HistoryClient history) {
        this.history = history;
    }

    /** The CSV file of a symbol in {@code dir}. */
    public static Path file(Path dir, String symbol) {
        return dir.resolve(symbol + "_RTH_NH.csv");
    }

    /** Downloads sessions {@code first..last} (inclusive) of one symbol; returns the number of rows appended. */
    public long download(String symbol, LocalDate first, LocalDate last, Path dir) throws IOException, InterruptedException {
        Path file = file(dir, symbol);
        long resumeAfter = lastTimestamp(file);
        long start = SessionCalendar.openEpochSecond(first.toEpochDay());
        if (resumeAfter != Long.MIN_VALUE) {
            start = Math.max(start, resumeAfter + 60);
        }
        long end = SessionCalendar.openEpochSecond(last.toEpochDay()) + 60L * SessionCalendar.closeMinute(last);
        if (start > end) {
            return 0;
        }
        Files.createDirectories(dir);
        boolean fresh = !Files.exists(file) || Files.size(file) == 0;
        long[] written = {0};
        long[] previous = {resumeAfter};
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
            StandardOpenOption.APPEND)) {
            if (fresh) {
                out.write(HEADER);
                out.write('\n');
            }
            IOException[] failure = {null};
            history.fetch(new SymbolTable(Universe.of(symbol)), start, end, (s, t, o, h, l, c, v) -> {
                if (failure[0] != null || SessionCalendar.sessionMinute(t) < 0 || t <= previous[0]) {
                    return;
                }
                try {
                    out.write(AlpacaTime.newYork(t) + "," + t + "," + num(o) + "," + num(h) + "," + num(l) + ","
                        + num(c) + "," + num(v) + "\n");
                } catch (IOException e) {
                    failure[0] = e;
                }
                previous[0] = t;
                written[0]++;
            });
            if (failure[0] != null) {
                throw failure[0];
            }
        }
        return written[0];
    }

    private static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return BigDecimal.valueOf(v).toPlainString();
    }

    /** ts_nyt_epoch of the file's last data row, or MIN_VALUE if there is none. */
    static long lastTimestamp(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Long.MIN_VALUE;
        }
        String line = lastLine(file);
        if (line == null || line.startsWith("ts_utc")) {
            return Long.MIN_VALUE;
        }
        String[] f = line.split(",");
        try {
            return Long.parseLong(f[1].trim());
        } catch (RuntimeException e) {
            throw new AlpacaException(AlpacaException.Kind.DATA, file + ": cannot resume, last line is not a bar row: " + line);
        }
    }

    private static String lastLine(Path file) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long pos = raf.length() - 1;
            while (pos >= 0) {
                raf.seek(pos);
                int b = raf.read();
                if (b != '\n' && b != '\r') {
                    break;
                }
                pos--;
            }
            if (pos < 0) {
                return null;
            }
            long endPos = pos;
            while (pos >= 0) {
                raf.seek(pos);
                if (raf.read() == '\n') {
                    break;
                }
                pos--;
            }
            byte[] buf = new byte[(int) (endPos - pos)];
            raf.seek(pos + 1);
            raf.readFully(buf);
            return new String(buf, StandardCharsets.UTF_8);
        }
    }
}
