package io.sentio.core.feature;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

import io.sentio.core.time.SessionCalendar;

/**
 * Test-scope loader of the real 1-minute bars ({@code SYMBOL_RTH_NH.csv.gz}, header
 * {@code ts_utc,ts_nyt_epoch,open,high,low,close,volume}). Core cannot use the launcher's reader;
 * this one trusts the file and fails on anything malformed. Like the reader's lenient mode it drops
 * bars outside regular hours (the files hold e.g. a 16:00 print on the 2025-07-03 half day), which
 * the learner rejects. Skips the calling test when the shared data folder is absent.
 */
public final class RealBars {
    public final String symbol;
    public final long[] time;
    public final double[] open;
    public final double[] high;
    public final double[] low;
    public final double[] close;
    public final double[] volume;

    private RealBars(String symbol, int n, long[] t, double[][] cols) {
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

    /** Loads up to {@code limit} bars of the symbol, or skips the test if the data is absent. */
    public static RealBars load(String symbol, int limit) {
        String dir = System.getProperty("sentio.shared.data");
        Path file = dir == null ? null : Path.of(dir, symbol + "_RTH_NH.csv.gz");
        assumeTrue(file != null && Files.isRegularFile(file),
            "real bar data absent (system property sentio.shared.data = " + dir + "): skipped");
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
                if (n == t.length) {
                    t = Arrays.copyOf(t, n * 2);
                    for (int k = 0; k < 5; k++) {
                        cols[k] = Arrays.copyOf(cols[k], n * 2);
                    }
                }
                long second = Long.parseLong(f[1]);
                if (SessionCalendar.sessionMinute(second) < 0) {
                    continue;
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
        return new RealBars(symbol, n, t, cols);
    }
}
