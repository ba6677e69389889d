package io.sentio.launcher.cli;

import io.sentio.core.config.StrategyParams;
import io.sentio.launcher.config.Provenance;
import io.sentio.core.market.BarSource;
import io.sentio.core.market.Universe;
import io.sentio.core.pipeline.LearnerFactory;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * What the run commands need from the rest of the launcher: config loading, the CSV reader and
 * the learner. Kept behind one interface so {@link BacktestCommand} and {@link MockCommand} are
 * complete and tested while those parts are built elsewhere; the production implementation
 * plugs in the symbols/params loaders, {@code io.sentio.launcher.data}'s reader and
 * {@code OnlineLearner}. Errors follow the CLI contract: SentioException (bad usage/data) or
 * ConfigException (a bad key).
 */
public interface EngineWiring {
    /** The universe from {@code symbolsFile}, or the default {@code config/symbols.json} when null. */
    Universe universe(Path symbolsFile);

    /** Params from {@code paramsFile}, or the default {@code config/rotation_params.json} when null. */
    StrategyParams params(Path paramsFile);

    /** The provenance of the same params file (written by the optimizer), or null when it has none. */
    default Provenance provenance(Path paramsFile) {
        return null;
    }

    /**
     * One source per universe symbol (universe order) over the sessions from {@code from} to
     * {@code to} inclusive (either may be null: unbounded); {@code dataDir} null means the
     * built-in synthetic market.
     */
    BarSource[] bars(Path dataDir, Universe universe, LocalDate from, LocalDate to);

    /** One learner per symbol for these params. */
    LearnerFactory learners(StrategyParams params);

    /** The last session of the built-in synthetic market: what {@code mock} replays by default. */
    LocalDate syntheticLastSession();

    /** Called once a run is over, to report what the inputs dropped (bad rows) on {@code err}. */
    default void afterRun(PrintStream err) {
    }
}
