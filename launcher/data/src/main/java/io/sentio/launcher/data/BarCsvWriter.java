package io.sentio.launcher.data;

import io.sentio.core.market.BarSource;
import io.sentio.core.market.MutableBar;
import io.sentio.core.time.SessionCalendar;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.zip.GZIPOutputStream;

/**
 * Writes bars as a DESIGN §6 bar file ({@code .csv}, or gzip when the name ends in {@code .gz}).
 * Prices are written with 4 decimals (rounding is monotone, so a valid bar stays valid), volume
 * as an integer, {@code ts_utc} in New York's offset. The output depends only on the bars: the
 * gzip header carries no time stamp, so the same bars give the same bytes.
 */
public final class BarCsvWriter {
    private static final ZoneRules NEW_YORK = SessionCalendar.NEW_YORK.getRules();

    private BarCsvWriter() {
    }

    /** Writes every bar of {@code source}; returns the number of rows. */
    public static long write(BarSource source, Path file) throws IOException {
        OutputStream raw = Files.newOutputStream(file);
        OutputStream out = file.getFileName().toString().endsWith(".gz") ? new GZIPOutputStream(raw, 1 << 16) : raw;
        long rows = 0;
        try (Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.US_ASCII), 1 << 16)) {
            w.write(BarCsvReader.HEADER);
            w.write('\n');
            MutableBar b = new MutableBar();
            StringBuilder line = new StringBuilder(96);
            while (source.next(b)) {
                line.setLength(0);
                appendIso(line, b.epochSecond);
                line.append(',').append(b.epochSecond).append(',');
                appendPrice(line, b.open);
                line.append(',');
                appendPrice(line, b.high);
                line.append(',');
                appendPrice(line, b.low);
                line.append(',');
                appendPrice(line, b.close);
                line.append(',').append(Math.round(b.volume)).append('\n');
                w.append(line);
                rows++;
            }
        }
        return rows;
    }

    static void appendIso(StringBuilder sb, long epochSecond) {
        ZoneOffset off = NEW_YORK.getOffset(Instant.ofEpochSecond(epochSecond));
        LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0, off);
        sb.append(t.getYear()).append('-');
        two(sb, t.getMonthValue());
        sb.append('-');
        two(sb, t.getDayOfMonth());
        sb.append('T');
        two(sb, t.getHour());
        sb.append(':');
        two(sb, t.getMinute());
        sb.append(':');
        two(sb, t.getSecond());
        int total = off.getTotalSeconds();
        sb.append(total < 0 ? '-' : '+');
        total = Math.abs(total);
        two(sb, total / 3600);
        sb.append(':');
        two(sb, total / 60 % 60);
    }

    private static void two(StringBuilder sb, int v) {
        if (v < 10) {
            sb.append('0');
        }
        sb.append(v);
    }

    static void appendPrice(StringBuilder sb, double p) {
        long scaled = Math.round(p * 10_000.0);
        sb.append(scaled / 10_000).append('.');
        long frac = scaled % 10_000;
        for (long d = 1000; d > 0; d /= 10) {
            sb.append((char) ('0' + frac / d % 10));
        }
    }
}
