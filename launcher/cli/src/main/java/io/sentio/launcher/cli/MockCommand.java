package io.sentio.launcher.cli;

import io.sentio.core.config.StrategyParams;
import io.sentio.core.market.Universe;
import io.sentio.core.pipeline.Pacer;
import io.sentio.core.pipeline.PipelineContext;
import io.sentio.core.pipeline.RunResult;
import io.sentio.core.pipeline.TradePrinter;
import io.sentio.core.time.SessionCalendar;
import io.sentio.journal.codec.RunMode;
import io.sentio.launcher.ExitCodes;
import io.sentio.launcher.SentioException;
import io.sentio.launcher.report.RunSummary;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sentio mock} (DESIGN §7): the sessions before {@code --date} train the learners unpaced,
 * then {@code --date} is replayed at {@code --speed} times real time through the same pipeline,
 * printing every entry, exit, rotation and fill as it happens and a day summary. With {@code --state}
 * the learners start from the warmup and train, unpaced, only on the sessions after the state's last
 * trained session and before {@code --date} ({@code --date} must be later than that session).
 */
@Command(name = "mock", mixinStandardHelpOptions = true,
    description = "Replay one session at a multiple of real time, as the live daemon would see it.")
public final class MockCommand implements Callable<Integer> {
    private final EngineWiring wiring;
    private final PrintStream out;

    @Mixin
    RunOptions run = new RunOptions();

    @Option(names = "--date", paramLabel = "DATE",
        description = "Session to replay (yyyy-mm-dd); required with --data, default the synthetic market's last session.")
    LocalDate date;

    @Option(names = "--speed", paramLabel = "X", defaultValue = "39",
        description = "Multiple of real time: 39 = a 390-minute day in 10 minutes, 0 = unpaced (default ${DEFAULT-VALUE}).")
    double speed;

    public MockCommand(EngineWiring wiring, PrintStream out) {
        this.wiring = wiring;
        this.out = out;
    }

    @Override
    public Integer call() {
        run.validate();
        if (!(speed >= 0) || Double.isInfinite(speed)) {
            throw SentioException.badUsage("--speed must be >= 0, got " + speed);
        }
        if (date == null) {
            if (run.data != null) {
                throw SentioException.badUsage("--date is required with --data");
            }
            date = wiring.syntheticLastSession();
        }
        if (!SessionCalendar.covers(date)) {
            throw SentioException.badUsage("--date " + date + " is outside the session calendar " + SessionCalendar.COVERAGE);
        }
        if (!SessionCalendar.isTradingDay(date)) {
            throw SentioException.badUsage("--date " + date + " is not a NYSE session");
        }
        Universe universe = wiring.universe(run.symbols);
        StrategyParams params = wiring.params(run.params);
        long day = date.toEpochDay();
        WarmState warm = run.loadState(universe, System.err);
        LocalDate first = null;
        if (warm != null) {
            if (!date.isAfter(warm.lastDay())) {
                throw SentioException.badUsage("--date " + date + " is not after " + warm.lastDay()
                    + ", the last session --state was trained on (that would be look-ahead)");
            }
            first = warm.lastDay().plusDays(1);
        }
        Pacer pacer = Pacer.realTimeMultiple(speed, day);
        PipelineContext ctx = new PipelineContext().universe(universe).params(params)
            .learnerFactory(wiring.learners(params)).shadows(run.shadowSpecs(wiring))
            .pacer(pacer)
            .listener(new TradePrinter(universe, out, day, run.runId));
        if (warm != null) {
            warm.applyTo(ctx, wiring.learners(params));
        }
        RunResult result = EngineRun.run(run, RunMode.MOCK, universe, warm, ctx,
            wiring.bars(run.data, universe, first, date), pacer, System.err);
        int last = result.sessionDays.length - 1;
        if (last < 0 || result.sessionDays[last] != day) {
            throw SentioException.badData("no bars for " + date + " in " + run.data);
        }
        RunSummary.print(result, out);
        wiring.afterRun(System.err);
        return ExitCodes.OK;
    }
}
