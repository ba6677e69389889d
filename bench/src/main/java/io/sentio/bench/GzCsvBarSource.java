package io.sentio.bench;

import io.sentio.core.market.BarSource;
import io.sentio.core.market.MutableBar;
import io.sentio.core.time.SessionCalendar;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Streams one {@code SYMBOL_RTH_NH.csv.gz} without validation, dropping rows outside regular
 * hours: a stand-in for the launcher's reader (io.sentio.launcher.data) until it is merged.
 */
final class GzCsvBarSource implements BarSource {
    private final BufferedReader reader;
    private final Path file;

    GzCsvBarSource(Path dir, String symbol) {
        this.file = dir.resolve(symbol + "_RTH_NH.csv.gz");
        try {
            reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                StandardCharsets.US_ASCII), 1 << 16);
            reader.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }

    static BarSource[] open(Path dir, String[] symbols) {
        BarSource[] out = new BarSource[symbols.length];
        for (int i = 0; i < symbols.length; i++) {
            out[i] = new GzCsvBarSource(dir, symbols[i]);
        }
        return out;
    }

    @Override
    public boolean next(MutableBar into) {
        try {
            String line;
            while ((line = reader.readLine()) != null) {
                String[] f = line.split(",");
                long t = Long.parseLong(f[1]);
                if (SessionCalendar.sessionMinute(t) >= 0) {
                    into.set(t, Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4]),
                        Double.parseDouble(f[5]), Double.parseDouble(f[6]));
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }
}
