package io.sentio.core.testing;

import io.sentio.core.market.BarSource;
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
 * A minimal reader of the real bar files for engine tests only (no validation: the launcher's
 * reader owns that); rows outside regular hours (e.g. after an early close) are dropped. Loads {@code SYMBOL_RTH_NH.csv.gz} into memory.
 */
public final class TestCsvBars {
    private TestCsvBars() {
    }

    /** The shared data folder, or null when absent. */
    public static Path dataDir() {
        String dir = System.getProperty("sentio.shared.data");
        if (dir == null) {
            return null;
        }
        Path p = Path.of(dir);
        return Files.isDirectory(p) ? p : null;
    }

    public static ArrayBarSource load(Path dir, String symbol) {
        Path file = dir.resolve(symbol + "_RTH_NH.csv.gz");
        ArrayBarSource src = new ArrayBarSource();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
            new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.US_ASCII))) {
            String line = r.readLine();
            while ((line = r.readLine()) != null) {
                String[] f = line.split(",");
                long t = Long.parseLong(f[1]);
                if (SessionCalendar.sessionMinute(t) < 0) {
                    continue;
                }
                src.add(t, Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                    Double.parseDouble(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
        return src;
    }

    public static BarSource[] loadAll(Path dir, String... symbols) {
        BarSource[] out = new BarSource[symbols.length];
        for (int i = 0; i < symbols.length; i++) {
            out[i] = load(dir, symbols[i]);
        }
        return out;
    }

    public static final String[] REAL_SYMBOLS = {
        "ERX", "ERY", "FAS", "FAZ", "SDS", "SQQQ", "SSO", "SVIX", "TNA", "TQQQ", "TZA", "UVXY"};
}
