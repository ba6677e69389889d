package io.sentio.core.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sentio.core.market.BarSource;
import io.sentio.core.time.SessionCalendar;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * The one test-scope loader of the real 1-minute bars ({@code SYMBOL_RTH_NH.csv.gz}, header
 * {@code ts_utc,ts_nyt_epoch,open,high,low,close,volume}) for core's tests: core cannot use the
 * launcher's reader, which owns validation. This one trusts the file and fails on anything
 * malformed; like the reader's lenient mode it drops rows outside regular hours (the files hold
 * e.g. a 16:00 print on the 2025-07-03 half day). Bars are held as columns.
 */
public final class TestCsvBars {
    public static final String[] REAL_SYMBOLS = {
        "ERX", "ERY", "FAS", "FAZ", "SDS", "SQQQ", "SSO", "SVIX", "TNA", "TQQQ", "TZA", "UVXY"};

    public final String symbol;
    public final long[] time;
    public final double[] open;
    public final double[] high;
    public final double[] low;
    public final double[] close;
    public final double[] volume;

    private TestCsvBars(String symbol, int n, long[] t, double[][] cols) {
        this.symbol = symbol;
        this.time = Arrays.copyOf(t, n);
        this.open = Arrays.copyOf(cols[0], n);
        this.high = Arrays.copyOf(cols[1], n);
        this.low = Arrays.copyOf(cols[2], n);
        this.close = Arrays.copyOf(cols[3], n);
        this.volume = Arrays.copyOf(cols[4], n);
    }

    public int size() {
        return time.length;
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

    /** Up to {@code limit} bars of the symbol; skips the calling test when the data is absent. */
    public static TestCsvBars bars(String symbol, int limit) {
        Path dir = dataDir();
        Path file = dir == null ? null : dir.resolve(symbol + "_RTH_NH.csv.gz");
        assumeTrue(file != null && Files.isRegularFile(file),
            "real bar data absent (system property sentio.shared.data = "
                + System.getProperty("sentio.shared.data") + "): skipped");
        return read(file, symbol, limit);
    }

    /** Every bar of the symbol in {@code dir} as a source. */
    public static ArrayBarSource load(Path dir, String symbol) {
        TestCsvBars b = read(dir.resolve(symbol + "_RTH_NH.csv.gz"), symbol, Integer.MAX_VALUE);
        ArrayBarSource src = new ArrayBarSource();
        for (int i = 0; i < b.size(); i++) {
            src.add(b.time[i], b.open[i], b.high[i], b.low[i], b.close[i], b.volume[i]);
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

    private static TestCsvBars read(Path file, String symbol, int limit) {
        long[] t = new long[1024];
        double[][] cols = new double[5][1024];
        int n = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
            new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.US_ASCII))) {
            String header = in.readLine();
            if (!"ts_utc,ts_nyt_epoch,open,high,low,close,volume".equals(header)) {
                throw new IllegalStateException(file + ": unexpected header " + header);
            }
            String line;
            while (n < limit && (line = in.readLine()) != null) {
                String[] f = line.split(",");
                long second = Long.parseLong(f[1]);
                if (SessionCalendar.sessionMinute(second) < 0) {
                    continue;
                }
                if (n == t.length) {
                    t = Arrays.copyOf(t, n * 2);
                    for (int k = 0; k < 5; k++) {
                        cols[k] = Arrays.copyOf(cols[k], n * 2);
                    }
                }
                t[n] = second;
                for (int k = 0; k < 5; k++) {
                    cols[k][n] = Double.parseDouble(f[2 + k]);
                }
                n++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
        return new TestCsvBars(symbol, n, t, cols);
    }
}
