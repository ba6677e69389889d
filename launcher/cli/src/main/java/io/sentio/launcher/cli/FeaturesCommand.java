package io.sentio.launcher.cli;

import io.sentio.core.config.StrategyParams;
import io.sentio.core.learn.FeatureRowWriter;
import io.sentio.core.learn.OnlineLearner;
import io.sentio.core.market.MutableBar;
import io.sentio.core.state.StateCodec;
import io.sentio.launcher.ExitCodes;
import io.sentio.launcher.SentioException;
import io.sentio.launcher.data.BadRowReason;
import io.sentio.launcher.data.BarCsvReader;
import io.sentio.launcher.data.BarFileStats;
import io.sentio.launcher.data.BarFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sentio features}: one symbol's bars through its {@link OnlineLearner}, one CSV row per
 * accepted bar (DESIGN §7): what the learner saw and said, for inspection outside the engine.
 */
@Command(name = "features", mixinStandardHelpOptions = true,
    description = {"Runs one symbol's bars through its online learner and writes one CSV row per bar:",
        "ts_nyt_epoch, the 48 raw features by name, z_<name> for each, yhat_<h> and s_<h> per horizon, p, C, signal.",
        "Feature, z and yhat cells are empty before the symbol's 61st bar. Bad rows are skipped and counted on stderr.",
        "Exit 0; 2 on a bad option or params file; 3 when the bar file is missing or unreadable."})
public final class FeaturesCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Directory of SYMBOL_RTH_NH.csv[.gz] files.")
    Path data;

    @Option(names = "--symbol", required = true, paramLabel = "SYM", description = "The symbol whose bar file is read.")
    String symbol;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "Output CSV (overwritten).")
    Path out;

    @Option(names = "--params", paramLabel = "FILE",
        description = "rotation_params.json (default: config/rotation_params.json).")
    Path params;

    @Override
    public Integer call() {
        CliOptions.existingDir(data, "--data");
        StrategyParams p = CliOptions.params(params);
        Path file = BarFiles.locate(data, symbol);
        OnlineLearner learner = new OnlineLearner(p.oes, p.buyThreshold);
        MutableBar bar = new MutableBar();
        BarFileStats stats;
        long start = System.nanoTime();
        try (BarCsvReader reader = new BarCsvReader(file, false); Writer w = open(out)) {
            FeatureRowWriter rows = new FeatureRowWriter(w, learner);
            rows.writeHeader();
            while (reader.next(bar)) {
                learner.onBar(bar.epochSecond, bar.open, bar.high, bar.low, bar.close, bar.volume);
                rows.writeRow(bar.epochSecond);
            }
            stats = reader.stats();
        } catch (IOException | UncheckedIOException e) {
            throw new SentioException(ExitCodes.FAILURE, out + ": cannot write: " + e.getMessage(), e);
        }
        report(file, stats);
        System.err.printf(Locale.ROOT, "features: %s: %d rows written to %s in %.2f s%n", symbol, stats.accepted(),
            out, (System.nanoTime() - start) / 1e9);
        System.out.println("state hash: " + StateCodec.hex(learner.stateHash()));
        return 0;
    }

    private static Writer open(Path out) {
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw SentioException.badUsage("--out: directory does not exist: " + parent);
            }
            return new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), 1 << 16);
        } catch (IOException e) {
            throw SentioException.badUsage("--out: cannot create " + out + ": " + e.getMessage());
        }
    }

    /** Lenient reading drops nothing silently: every skipped row is counted by reason, with its first line. */
    private static void report(Path file, BarFileStats stats) {
        if (stats.totalBad() == 0) {
            return;
        }
        System.err.println("sentio: " + file + ": skipped " + stats.totalBad() + " bad rows");
        for (BadRowReason reason : BadRowReason.values()) {
            long n = stats.bad(reason);
            if (n > 0) {
                System.err.printf(Locale.ROOT, "  %-26s %8d (first at line %d)%n", reason.label(), n,
                    stats.firstBadLine(reason));
            }
        }
    }
}
