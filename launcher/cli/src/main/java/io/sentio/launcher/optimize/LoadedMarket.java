package io.sentio.launcher.optimize;

import io.sentio.core.market.BarSource;
import io.sentio.core.market.DateRangeBarSource;
import io.sentio.core.market.MutableBar;
import io.sentio.core.market.Universe;
import io.sentio.core.synth.BarSeries;
import io.sentio.core.time.SessionCalendar;
import io.sentio.launcher.data.BarCsvReader;
import io.sentio.launcher.data.BarFiles;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Every bar of a universe read once into primitive arrays ({@link BarSeries}), so that many
 * backtests over sub-ranges cost no parsing. Read exactly as {@code sentio backtest} reads CSV:
 * lenient, bad rows skipped and reported per file.
 */
public final class LoadedMarket {
    private final Universe universe;
    private final BarSeries[] series;
    private final long[] sessionDays;
    private final String fingerprint;

    private LoadedMarket(Universe universe, BarSeries[] series, long[] sessionDays, String fingerprint) {
        this.universe = universe;
        this.series = series;
        this.sessionDays = sessionDays;
        this.fingerprint = fingerprint;
    }

    /** Reads {@code SYMBOL_RTH_NH.csv[.gz]} of every universe symbol; bad rows are named on {@code err}. */
    public static LoadedMarket load(Path dataDir, Universe universe, PrintStream err) {
        BarSeries[] series = new BarSeries[universe.size()];
        TreeSet<Long> days = new TreeSet<>();
        MutableBar bar = new MutableBar();
        DataFingerprint fingerprint = new DataFingerprint();
        for (int s = 0; s < series.length; s++) {
            String symbol = universe.symbol(s);
            series[s] = new BarSeries(symbol);
            fingerprint.symbol(symbol);
            try (BarCsvReader reader = new BarCsvReader(BarFiles.locate(dataDir, symbol), false)) {
                long lastDay = Long.MIN_VALUE;
                while (reader.next(bar)) {
                    series[s].add(bar);
                    fingerprint.bar(bar);
                    long day = SessionCalendar.nyEpochDay(bar.epochSecond);
                    if (day != lastDay) {
                        days.add(day);
                        lastDay = day;
                    }
                }
                String warning = reader.skippedRowsWarning();
                if (warning != null) {
                    err.println(warning);
                }
            }
        }
        return new LoadedMarket(universe, series, days.stream().mapToLong(Long::longValue).toArray(),
            fingerprint.hex());
    }

    /** SHA-256 of the symbols and of every bar accepted, as loaded: equal for equal market data. */
    public String fingerprint() {
        return fingerprint;
    }

    public Universe universe() {
        return universe;
    }

    /** New York dates on which at least one universe symbol has a bar, ascending. */
    public List<LocalDate> sessions() {
        List<LocalDate> out = new ArrayList<>(sessionDays.length);
        for (long d : sessionDays) {
            out.add(LocalDate.ofEpochDay(d));
        }
        return out;
    }

    /** Sessions of {@link #sessions()} within {@code [from, to]}. */
    public int sessionsBetween(LocalDate from, LocalDate to) {
        int n = 0;
        for (long d : sessionDays) {
            if (d >= from.toEpochDay() && d <= to.toEpochDay()) {
                n++;
            }
        }
        return n;
    }

    /** Fresh sources, one per symbol in universe order, over the sessions {@code [from, to]}. */
    public BarSource[] sources(LocalDate from, LocalDate to) {
        BarSource[] out = new BarSource[series.length];
        for (int s = 0; s < out.length; s++) {
            out[s] = new DateRangeBarSource(series[s].source(), from.toEpochDay(), to.toEpochDay());
        }
        return out;
    }

    /** Bars held in memory over all symbols. */
    public long bars() {
        long n = 0;
        for (BarSeries s : series) {
            n += s.size();
        }
        return n;
    }
}
