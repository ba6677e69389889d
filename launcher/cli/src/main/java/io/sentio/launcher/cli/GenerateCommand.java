package io.sentio.launcher.cli;

import io.sentio.core.time.SessionCalendar;
import io.sentio.launcher.SentioException;
import io.sentio.launcher.config.ConfigFiles;
import io.sentio.launcher.config.SymbolsLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sentio generate}: derived or fully synthetic bar files, always labelled SYNTHETIC. */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = {"Writes bar files that are NOT market data, each with a SYMBOL_RTH_NH.derivation.json sidecar.",
        "--from DIR: for each active symbol, copy its real file, or derive it from a related real series",
        "  by scaled one-minute returns (the 'derivation' of symbols.json, e.g. SPY = SSO/2).",
        "--synthetic: write the seeded synthetic market of the default universe."})
public final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--from", paramLabel = "DIR", description = "Directory of real bar files.")
    Path from;

    @Option(names = "--synthetic", description = "Write the seeded synthetic market instead.")
    boolean synthetic;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (created if needed).")
    Path out;

    @Option(names = "--symbols", paramLabel = "FILE", description = "symbols.json (default: config/symbols.json).")
    Path symbols;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the synthetic market (default: ${DEFAULT-VALUE}).",
        defaultValue = "42")
    long seed;

    @Option(names = "--sessions", paramLabel = "N", description = "Sessions of the synthetic market (default: ${DEFAULT-VALUE}).",
        defaultValue = "20")
    int sessions;

    @Option(names = "--start", paramLabel = "DATE", description = "First session on or after DATE (default: ${DEFAULT-VALUE}).",
        defaultValue = "2025-04-01")
    String start;

    @Override
    public Integer call() throws IOException {
        UniverseGenerator gen = new UniverseGenerator(System.err);
        List<UniverseGenerator.Outcome> outcomes;
        if (synthetic == (from != null)) {
            throw SentioException.badUsage("give exactly one of --from DIR or --synthetic");
        }
        if (synthetic) {
            if (symbols != null) {
                throw SentioException.badUsage("--symbols: not used with --synthetic (the synthetic market is the default universe)");
            }
            if (sessions < 1 || sessions > 2000) {
                throw SentioException.badUsage("--sessions: " + sessions + " out of range [1, 2000]");
            }
            LocalDate first = startDate();
            if (!fitsCalendar(first, sessions)) {
                throw SentioException.badUsage("--sessions: " + sessions + " sessions from " + first
                    + " run past the end of the session calendar (" + SessionCalendar.LAST_YEAR + ")");
            }
            outcomes = gen.synthetic(out, seed, sessions, first);
        } else {
            CliOptions.existingDir(from, "--from");
            Path file = symbols != null ? symbols : ConfigFiles.defaultFile("symbols.json");
            outcomes = gen.deriveMissing(from, out, SymbolsLoader.load(file), file);
        }
        PrintWriter pw = spec.commandLine().getOut();
        for (UniverseGenerator.Outcome o : outcomes) {
            pw.printf(Locale.ROOT, "%-6s %-9s %s%s%n", o.symbol(), o.action(), o.file(),
                o.rows() >= 0 ? " (" + o.rows() + " rows)" : "");
        }
        pw.flush();
        return 0;
    }

    private static boolean fitsCalendar(LocalDate first, int sessions) {
        try {
            LocalDate d = SessionCalendar.nextTradingDay(first);
            for (int i = 1; i < sessions; i++) {
                d = SessionCalendar.nextTradingDay(d.plusDays(1));
            }
            return true;
        } catch (IllegalArgumentException pastCalendar) {
            return false;
        }
    }

    private LocalDate startDate() {
        LocalDate d;
        try {
            d = LocalDate.parse(start);
        } catch (DateTimeParseException e) {
            throw SentioException.badUsage("--start: not a date (YYYY-MM-DD): " + start);
        }
        if (!SessionCalendar.covers(d)) {
            throw SentioException.badUsage("--start: " + d + " is outside the session calendar " + SessionCalendar.COVERAGE);
        }
        return d;
    }
}
