package io.sentio.launcher.data;

import io.sentio.core.config.StrategyParams;
import io.sentio.core.market.BarSet;
import io.sentio.core.market.BarSource;
import io.sentio.core.sync.BarSetSynchronizer;
import io.sentio.core.sync.SessionMinuteMerger;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a set of bar files through the real pipeline front end (reader, {@link SessionMinuteMerger},
 * {@link BarSetSynchronizer} with the configured sync limits) and counts what it sees.
 */
public final class DataChecker {
    private final StrategyParams params;
    private final boolean strict;
    private final PrintStream progress;

    public DataChecker(StrategyParams params, boolean strict, PrintStream progress) {
        this.params = params;
        this.strict = strict;
        this.progress = progress;
    }

    /** Result of one check: per-symbol rows in input order, and totals. */
    public static final class Report {
        public final List<SymbolCheck> symbols;
        public final long barSets;
        public final long skippedSets;
        public final long sessions;
        public final long nanos;

        Report(List<SymbolCheck> symbols, long barSets, long skippedSets, long sessions, long nanos) {
            this.symbols = symbols;
            this.barSets = barSets;
            this.skippedSets = skippedSets;
            this.sessions = sessions;
            this.nanos = nanos;
        }

        public long totalRows() {
            long n = 0;
            for (SymbolCheck s : symbols) {
                n += s.rows;
            }
            return n;
        }
    }

    /** @param files symbol to bar file, in universe order */
    public Report check(Map<String, Path> files) {
        long t0 = System.nanoTime();
        int n = files.size();
        List<SymbolCheck> checks = new ArrayList<>(n);
        BarSource[] sources = new BarSource[n];
        int i = 0;
        try {
            for (Map.Entry<String, Path> e : files.entrySet()) {
                BarCsvReader r = new BarCsvReader(e.getValue(), strict);
                sources[i++] = r;
                checks.add(new SymbolCheck(e.getKey(), r.stats()));
            }
            BarSetSynchronizer sync = new BarSetSynchronizer(n, params.maxForwardFill, params.maxMissingSymbols);
            BarSet received = new BarSet(n);
            BarSet synced = new BarSet(n);
            boolean[] filled = new boolean[n];
            boolean[] stale = new boolean[n];
            long sets = 0;
            long sessions = 0;
            long day = Long.MIN_VALUE;
            try (SessionMinuteMerger merger = new SessionMinuteMerger(sources)) {
                while (merger.next(received)) {
                    sets++;
                    if (received.nyEpochDay != day) {
                        day = received.nyEpochDay;
                        if (sessions++ % 20 == 0) {
                            progress.println("data check: session " + sessions + " ("
                                + java.time.LocalDate.ofEpochDay(day) + ")");
                        }
                    }
                    countPresence(received, checks);
                    if (sync.apply(received, synced, filled, stale)) {
                        for (int s = 0; s < n; s++) {
                            if (stale[s]) {
                                checks.get(s).stale++;
                            } else if (filled[s]) {
                                checks.get(s).forwardFilled++;
                            }
                        }
                    }
                }
            }
            return new Report(checks, sets, sync.skippedSets(), sessions, System.nanoTime() - t0);
        } catch (RuntimeException e) {
            for (BarSource s : sources) {
                if (s != null) {
                    s.close();
                }
            }
            throw e;
        }
    }

    private static void countPresence(BarSet set, List<SymbolCheck> checks) {
        for (int s = 0; s < checks.size(); s++) {
            SymbolCheck c = checks.get(s);
            if (set.present[s]) {
                c.rows++;
                if (c.firstEpoch == Long.MIN_VALUE) {
                    c.firstEpoch = set.epochSecond;
                } else {
                    c.missingMinutes += c.absentRun;
                }
                c.absentRun = 0;
                c.lastEpoch = set.epochSecond;
                if (c.lastDay != set.nyEpochDay) {
                    c.lastDay = set.nyEpochDay;
                    c.sessions++;
                }
            } else if (c.firstEpoch != Long.MIN_VALUE) {
                c.absentRun++;
            }
        }
    }
}
