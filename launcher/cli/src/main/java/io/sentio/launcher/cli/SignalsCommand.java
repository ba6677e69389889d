package io.sentio.launcher.cli;

import io.sentio.core.config.StrategyParamTable;
import io.sentio.core.config.StrategyParams;
import io.sentio.core.diagnostics.SignalDiagnostics;
import io.sentio.core.diagnostics.SignalReport;
import io.sentio.core.diagnostics.SignalSample;
import io.sentio.core.market.Universe;
import io.sentio.core.pipeline.BarTape;
import io.sentio.core.pipeline.DeskReplay;
import io.sentio.core.pipeline.ModelTape;
import io.sentio.core.pipeline.PipelineContext;
import io.sentio.core.pipeline.RunResult;
import io.sentio.core.sync.SessionMinuteMerger;
import io.sentio.launcher.ExitCodes;
import io.sentio.launcher.SentioException;
import io.sentio.launcher.signals.SignalHtml;
import io.sentio.launcher.signals.SignalJson;
import io.sentio.launcher.signals.SignalText;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sentio signals}: what the learners know before anything trades on it. One model pass
 * over the range, then rank ICs, quantile returns, the rule's calls and its break-even cost.
 */
@Command(name = "signals", mixinStandardHelpOptions = true,
    description = "Signal diagnostics from one model pass: rank IC of each forecast against the return from the next "
        + "open (1..60 bars, by symbol, time of day, month), returns by forecast decile, the rule's calls and the cost "
        + "per round trip its edge can bear.")
public final class SignalsCommand implements Callable<Integer> {
    private final EngineWiring wiring;
    private final PrintStream out;

    @Mixin
    MarketOptions market = new MarketOptions();

    @Option(names = "--from", paramLabel = "DATE", description = "First session (yyyy-mm-dd).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last session (yyyy-mm-dd).")
    LocalDate to;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the tear sheet as JSON.")
    Path json;

    @Option(names = "--html", paramLabel = "FILE", description = "Write the tear sheet as one self-contained HTML page.")
    Path html;

    public SignalsCommand(EngineWiring wiring, PrintStream out) {
        this.wiring = wiring;
        this.out = out;
    }

    @Override
    public Integer call() {
        if (market.data != null) {
            CliOptions.existingDir(market.data, "--data");
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw SentioException.badUsage("--from " + from + " is after --to " + to);
        }
        Universe universe = wiring.universe(market.symbols);
        StrategyParams p = wiring.params(market.params);
        BarTape bars;
        try (SessionMinuteMerger m = new SessionMinuteMerger(wiring.bars(market.data, universe, from, to))) {
            bars = BarTape.record(universe.size(), m);
        }
        if (bars.size() == 0) {
            throw SentioException.badData("no bars in " + market.dataName()
                + " between " + from + " and " + to);
        }
        ModelTape tape = ModelTape.record(p, bars);
        SignalSample sample = SignalSample.of(p, tape, bars);
        StrategyParams free = p.toBuilder().set(StrategyParamTable.SLIPPAGE_BPS, 0.0)
            .set(StrategyParamTable.HALF_SPREAD_TICKS, 0.0).set(StrategyParamTable.COMMISSION_PER_SHARE, 0.0).conclude();
        RunResult gross = DeskReplay.run(new PipelineContext().universe(universe).params(free)
            .learnerFactory(wiring.learners(free)).conclude(), tape, bars);
        double roundTrip = 2 * p.slippageBps;
        // The tick floor is in dollars, so its size in bp depends on the price: stated, not folded in.
        String costs = String.format(Locale.ROOT, "costs assumed: slippage %.2f bp per fill (round trip %.2f bp), "
            + "at least %.2f tick x $%.4f per share per fill, commission %.4f per share", p.slippageBps, roundTrip,
            p.halfSpreadTicks, p.tickSize, p.commissionPerShare);
        SignalReport report = SignalDiagnostics.report(sample, universe.symbols(), gross, roundTrip);
        SignalText.print(report, costs, out);
        try {
            if (json != null) {
                SignalJson.write(report, costs, json);
            }
            if (html != null) {
                SignalHtml.write(report, costs, html);
            }
        } catch (IOException e) {
            throw new SentioException(ExitCodes.FAILURE, "cannot write " + (html != null ? html : json) + ": " + e.getMessage(), e);
        }
        return ExitCodes.OK;
    }
}
