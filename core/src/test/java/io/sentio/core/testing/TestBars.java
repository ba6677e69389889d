package io.sentio.core.testing;

import io.sentio.core.market.BarSource;
import io.sentio.core.market.MutableBar;
import io.sentio.core.synth.BarSeries;
import io.sentio.core.synth.SyntheticMarket;
import io.sentio.core.time.SessionCalendar;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * One symbol's 1-minute bars as columns, for tests that walk bars by index: from the seeded
 * {@link SyntheticMarket} (every test can use these), or from the real data set
 * ({@code SYMBOL_RTH_NH.csv.gz}, header {@code ts_utc,ts_nyt_epoch,open,high,low,close,volume})
 * for tests tagged {@value #REAL_DATA}, which the build runs only where the folder exists.
 *
 * <p>The real-data loader is the one test-scope reader for core's tests: core cannot use the
 * launcher's reader, which owns validation. It trusts the file and fails on anything malformed;
 * like the reader's lenient mode it drops rows outside regular hours (the files hold e.g. a 16:00
 * print on the 2025-07-03 half day).
 */
public final class TestBars {
    /** The JUnit tag of tests that need the real data set (the root pom's profile real-data). */
    public static final String REAL_DATA = "real-data";
    /** The seeded market's 60 sessions from 2025-04-01: about 23,000 bars per symbol, gaps included. */
    public static final int SYNTHETIC_SESSIONS = 60;
    private static final SyntheticMarket SYNTHETIC = SyntheticMarket.generate(20250401L, LocalDate.of(2025, 4, 1),
        SYNTHETIC_SESSIONS);

    public static final String[] REAL_SYMBOLS = {
        "ERX", "ERY", "FAS", "FAZ", "SDS", "SQQQ", "SSO", "SVIX", "TNA", "TQQQ", "TZA", "UVXY"};

    public final String symbol;
    public final long[] time;
    public final double[] open;
    public final double[] high;
    public final double[] low;
    public final double[] close;
    public final double[] volume;

    private TestBars(String symbol, int n, long[] t, double[][] cols) {
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

    /** Up to {@code limit} bars of a symbol of the seeded synthetic market (its default universe). */
    public static TestBars synthetic(String symbol, int limit) {
        BarSeries series = SYNTHETIC.series(symbol);
        int n = Math.min(limit, series.size());
        long[] t = new long[n];
        double[][] cols = new double[5][n];
        MutableBar b = new MutableBar();
        for (int i = 0; i < n; i++) {
            series.get(i, b);
            t[i] = b.epochSecond;
            cols[0][i] = b.open;
            cols[1][i] = b.high;
            cols[2][i] = b.low;
            cols[3][i] = b.close;
            cols[4][i] = b.volume;
        }
        return new TestBars(symbol, n, t, cols);
    }

    /**
     * The real data folder (system property {@code sentio.shared.data}); only tests tagged
     * {@value #REAL_DATA} call this, and they run only where it exists, so its absence is an error.
     */
    public static Path dataDir() {
        String dir = System.getProperty("sentio.shared.data");
        if (dir == null || !Files.isDirectory(Path.of(dir))) {
            throw new IllegalStateException("real data folder absent (system property sentio.shared.data = " + dir
                + "); tests tagged " + REAL_DATA + " need it");
        }
        return Path.of(dir);
    }

    /** Up to {@code limit} real bars of the symbol. */
    public static TestBars real(String symbol, int limit) {
        return read(dataDir().resolve(symbol + "_RTH_NH.csv.gz"), symbol, limit);
    }

    /** Every bar of the symbol in {@code dir} as a source. */
    public static ArrayBarSource load(Path dir, String symbol) {
        TestBars b = read(dir.resolve(symbol + "_RTH_NH.csv.gz"), symbol, Integer.MAX_VALUE);
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

    private static TestBars read(Path file, String symbol, int limit) {
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
        return new TestBars(symbol, n, t, cols);
    }
}
