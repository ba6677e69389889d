package io.sentio.launcher.cli;

import io.sentio.core.config.StrategyParams;
import io.sentio.core.market.Universe;
import io.sentio.core.pipeline.Layout;
import io.sentio.core.pipeline.Pacer;
import io.sentio.core.pipeline.Pipeline;
import io.sentio.core.pipeline.PipelineContext;
import io.sentio.core.pipeline.RunResult;
import io.sentio.journal.codec.RunMode;
import io.sentio.launcher.ExitCodes;
import io.sentio.launcher.SentioException;
import io.sentio.launcher.config.Provenance;
import io.sentio.launcher.report.RunResultJson;
import io.sentio.launcher.report.RunSummary;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sentio backtest} (DESIGN §7): replays CSV history through the pipeline as fast as it
 * goes, prints the summary and {@code state hash: <hex>}, writes {@code --json}. With {@code --state}
 * the run starts after the state's last trained session ({@code --from} must be later); {@code --journal}
 * is handled by {@link EngineRun}.
 */
@Command(name = "backtest", mixinStandardHelpOptions = true,
    description = "Replay CSV history through the pipeline; print metrics and the state hash.")
public final class BacktestCommand implements Callable<Integer> {
    private final EngineWiring wiring;
    private final PrintStream out;

    @Mixin
    RunOptions run = new RunOptions();

    @Option(names = "--from", paramLabel = "DATE", description = "First session (yyyy-mm-dd).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last session (yyyy-mm-dd).")
    LocalDate to;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the result as JSON.")
    Path json;

    @Option(names = "--report", paramLabel = "FILE.html",
        description = "Write the HTML tear sheet (runs the backtest twice more to compare fill conventions).")
    Path report;

    public BacktestCommand(EngineWiring wiring, PrintStream out) {
        this.wiring = wiring;
        this.out = out;
    }

    @Override
    public Integer call() {
        run.validate();
        if (from != null && to != null && from.isAfter(to)) {
            throw SentioException.badUsage("--from " + from + " is after --to " + to);
        }
        Universe universe = wiring.universe(run.symbols);
        StrategyParams params = wiring.params(run.params);
        WarmState warm = run.loadState(universe, System.err);
        LocalDate first = from;
        if (warm != null) {
            first = from != null ? from : warm.lastDay().plusDays(1);
            if (!first.isAfter(warm.lastDay())) {
                throw SentioException.badUsage("--from " + first + " is not after " + warm.lastDay()
                    + ", the last session --state was trained on (that would be look-ahead)");
            }
        }
        PipelineContext ctx = new PipelineContext().universe(universe).params(params)
            .learnerFactory(wiring.learners(params)).shadows(run.shadowSpecs(wiring));
        if (warm != null) {
            warm.applyTo(ctx, wiring.learners(params));
        }
        RunResult result = EngineRun.run(run, RunMode.BACKTEST, universe, warm, ctx,
            wiring.bars(run.data, universe, first, to), Pacer.UNPACED, System.err);
        if (result.metrics.sessions == 0) {
            throw SentioException.badData("no session in " + run.data + " between " + from + " and " + to);
        }
        String banner = inSampleBanner(result);
        if (banner != null) {
            out.println(banner);
        }
        RunSummary.print(result, out);
        wiring.afterRun(System.err);
        if (json != null) {
            try {
                RunResultJson.write(result, json);
            } catch (IOException e) {
                throw new SentioException(ExitCodes.FAILURE, "--json: cannot write " + json + ": " + e.getMessage(), e);
            }
        }
        if (report != null) {
            LocalDate reportFrom = first;
            // The comparison runs start from the same state and sessions as the run itself; they are not journaled.
            String title = banner != null && banner.startsWith("IN-SAMPLE") ? "IN-SAMPLE sentio backtest" : "sentio backtest";
            BacktestReport.write(report, title, run.runId, result, params, (p, timing) -> {
                PipelineContext c = new PipelineContext().universe(universe).params(p)
                    .learnerFactory(wiring.learners(p)).fillTiming(timing);
                if (warm != null) {
                    warm.applyTo(c, wiring.learners(p));
                }
                return new Pipeline(run.apply(c, Layout.THROUGHPUT)).run(wiring.bars(run.data, universe, reportFrom, to));
            });
        }
        return ExitCodes.OK;
    }

    /** The IN-SAMPLE (or out-of-sample) line of params the optimizer wrote; null for params without provenance. */
    private String inSampleBanner(RunResult result) {
        Provenance provenance = wiring.provenance(run.params);
        if (provenance == null || result.sessionDays.length == 0) {
            return null;
        }
        return provenance.banner(LocalDate.ofEpochDay(result.sessionDays[0]),
            LocalDate.ofEpochDay(result.sessionDays[result.sessionDays.length - 1]));
    }
}
