package io.sentio.launcher.cli;

import io.sentio.core.config.StrategyParams;
import io.sentio.core.learn.OnlineLearner;
import io.sentio.core.market.BarSource;
import io.sentio.core.market.DateRangeBarSource;
import io.sentio.core.market.MutableBar;
import io.sentio.core.market.Universe;
import io.sentio.core.pipeline.LearnerFactory;
import io.sentio.core.synth.BarSeries;
import io.sentio.core.synth.SyntheticMarket;
import io.sentio.core.time.SessionCalendar;
import io.sentio.launcher.SentioException;
import io.sentio.launcher.config.ConfigFiles;
import io.sentio.launcher.config.Provenance;
import io.sentio.launcher.config.ParamsLoader;
import io.sentio.launcher.config.SymbolsLoader;
import io.sentio.launcher.data.BarCsvReader;
import io.sentio.launcher.data.BarFiles;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The production wiring of the run commands: config files through the Jackson loaders, bars from
 * CSV (lenient: bad rows are skipped and reported after the run), {@link OnlineLearner}s. Without
 * {@code --data} the seeded {@link SyntheticMarket} stands in, so a fresh machine has a market.
 */
public final class DefaultEngineWiring implements EngineWiring {
    /** The built-in market: seed, first day and sessions of the default run. */
    public static final long SYNTHETIC_SEED = 42;
    public static final LocalDate SYNTHETIC_START = LocalDate.of(2025, 4, 1);
    public static final int SYNTHETIC_SESSIONS = 30;

    private final List<BarCsvReader> readers = new ArrayList<>();
    private SyntheticMarket synthetic;

    @Override
    public Universe universe(Path symbolsFile) {
        return SymbolsLoader.load(symbolsFile != null ? symbolsFile : ConfigFiles.defaultFile("symbols.json")).universe();
    }

    @Override
    public StrategyParams params(Path paramsFile) {
        return ParamsLoader.load(paramsFile != null ? paramsFile : ConfigFiles.defaultFile("rotation_params.json"));
    }

    @Override
    public Provenance provenance(Path paramsFile) {
        return ParamsLoader.provenance(paramsFile != null ? paramsFile : ConfigFiles.defaultFile("rotation_params.json"));
    }

    @Override
    public BarSource[] bars(Path dataDir, Universe universe, LocalDate from, LocalDate to) {
        long first = from == null ? Long.MIN_VALUE : from.toEpochDay();
        long last = to == null ? Long.MAX_VALUE : to.toEpochDay();
        BarSource[] sources = new BarSource[universe.size()];
        for (int s = 0; s < sources.length; s++) {
            String symbol = universe.symbol(s);
            BarSource raw;
            if (dataDir == null) {
                if (s == 0) {
                    System.err.println("sentio: no --data: using the built-in SYNTHETIC market (seed " + SYNTHETIC_SEED + ", "
                        + SYNTHETIC_SESSIONS + " sessions from " + SYNTHETIC_START + "); not market data");
                }
                SyntheticMarket market = syntheticMarket();
                if (market.universe().indexOf(symbol) < 0) {
                    throw SentioException.badUsage("--symbols: " + symbol + " is not in the built-in synthetic market ("
                        + market.universe() + "); pass --data DIR");
                }
                raw = market.source(symbol);
            } else {
                BarCsvReader reader = new BarCsvReader(BarFiles.locate(dataDir, symbol), false);
                readers.add(reader);
                raw = reader;
            }
            sources[s] = new DateRangeBarSource(raw, first, last);
        }
        return sources;
    }

    @Override
    public LearnerFactory learners(StrategyParams params) {
        return symbol -> new OnlineLearner(params.oes, params.buyThreshold);
    }

    @Override
    public LocalDate syntheticLastSession() {
        BarSeries spy = syntheticMarket().series("SPY");
        MutableBar bar = new MutableBar();
        spy.get(spy.size() - 1, bar);
        return LocalDate.ofEpochDay(SessionCalendar.nyEpochDay(bar.epochSecond));
    }

    /** Names, on {@code err}, every file that had bad rows skipped: lenient mode drops nothing silently. */
    @Override
    public void afterRun(PrintStream err) {
        for (BarCsvReader r : readers) {
            String warning = r.skippedRowsWarning();
            if (warning != null) {
                err.println(warning);
            }
        }
    }

    private SyntheticMarket syntheticMarket() {
        if (synthetic == null) {
            synthetic = SyntheticMarket.generate(SYNTHETIC_SEED, SYNTHETIC_START, SYNTHETIC_SESSIONS);
        }
        return synthetic;
    }
}
