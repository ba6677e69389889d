package io.sentio.launcher.cli;

import io.sentio.core.time.SessionCalendar;
import io.sentio.launcher.SentioException;
import io.sentio.launcher.config.SymbolsLoader;
import io.sentio.launcher.data.BadRowReason;
import io.sentio.launcher.data.BarFiles;
import io.sentio.launcher.data.DataChecker;
import io.sentio.launcher.data.SymbolCheck;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sentio data check}: per-symbol counts, gaps, sync results and bad rows. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Reads bar files through the merger and synchronizer and prints, per symbol: rows, sessions,",
        "first/last bar (New York time), missing minutes, forward-filled and stale minutes, bad rows by reason.",
        "Exit 0; 3 in --strict mode at the first bad row (file:line: reason)."})
public final class DataCheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Directory of SYMBOL_RTH_NH.csv[.gz] files.")
    Path data;

    @Option(names = "--symbols", paramLabel = "FILE",
        description = "symbols.json: check its active symbols (default: every bar file in DIR).")
    Path symbols;

    @Option(names = "--params", paramLabel = "FILE",
        description = "rotation_params.json for the sync limits (default: config/rotation_params.json).")
    Path params;

    @Option(names = "--strict", description = "Stop at the first bad row with exit 3.")
    boolean strict;

    @Override
    public Integer call() {
        CliOptions.existingDir(data, "--data");
        Map<String, Path> files = new LinkedHashMap<>();
        if (symbols == null) {
            files.putAll(BarFiles.list(data));
            if (files.isEmpty()) {
                throw SentioException.badData("no *_RTH_NH.csv[.gz] files in " + data);
            }
        } else {
            for (String s : SymbolsLoader.load(symbols).active()) {
                files.put(s, BarFiles.locate(data, s));
            }
        }
        DataChecker.Report r = new DataChecker(CliOptions.params(params), strict, System.err).check(files);
        print(r, data, spec.commandLine().getOut());
        double secs = r.nanos / 1e9;
        System.err.printf(Locale.ROOT, "data check: %d rows of %d symbols in %.2f s (%.0f rows/s)%n",
            r.totalRows(), r.symbols.size(), secs, r.totalRows() / Math.max(secs, 1e-9));
        return 0;
    }

    static void print(DataChecker.Report r, Path data, PrintWriter out) {
        out.printf(Locale.ROOT, "%-6s %8s %8s %-16s %-16s %8s %8s %8s %6s %s%n",
            "symbol", "rows", "sessions", "first", "last", "missing", "ffilled", "stale", "bad", "kind");
        for (SymbolCheck s : r.symbols) {
            String kind = Files.exists(UniverseGenerator.sidecar(data, s.symbol())) ? "SYNTHETIC" : "data";
            out.printf(Locale.ROOT, "%-6s %8d %8d %-16s %-16s %8d %8d %8d %6d %s%n", s.symbol(), s.rows(), s.sessions(),
                time(s.firstEpoch()), time(s.lastEpoch()), s.missingMinutes(), s.forwardFilled(), s.stale(),
                s.badRows().totalBad(), kind);
        }
        out.printf(Locale.ROOT, "sessions %d, bar sets %d, skipped bar sets %d%n", r.sessions, r.barSets, r.skippedSets);
        for (SymbolCheck s : r.symbols) {
            for (BadRowReason reason : BadRowReason.values()) {
                long n = s.badRows().bad(reason);
                if (n > 0) {
                    out.printf(Locale.ROOT, "bad rows %-6s %-26s %8d (first at line %d)%n", s.symbol(), reason.label(),
                        n, s.badRows().firstBadLine(reason));
                }
            }
        }
        out.flush();
    }

    private static String time(long epoch) {
        if (epoch == Long.MIN_VALUE) {
            return "-";
        }
        LocalDateTime t = LocalDateTime.ofInstant(Instant.ofEpochSecond(epoch), SessionCalendar.NEW_YORK);
        return String.format(Locale.ROOT, "%tF %tR", t, t);
    }
}
