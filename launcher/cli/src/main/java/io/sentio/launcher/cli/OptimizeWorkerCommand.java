package io.sentio.launcher.cli;

import io.sentio.core.config.StrategyParams;
import io.sentio.core.market.Universe;
import io.sentio.launcher.optimize.LoadedMarket;
import io.sentio.launcher.optimize.OptimizeWorker;
import io.sentio.launcher.optimize.TrialEvaluator;
import io.sentio.launcher.SentioException;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sentio optimize-worker}: the long-lived evaluator the Optuna optimizer talks to over
 * stdin/stdout (tools/WORKER-PROTOCOL.md). Loads the bars once, then backtests one parameter set
 * per request. Hidden from the main help: it is a machine interface, documented in the protocol.
 */
@Command(name = "optimize-worker", hidden = true, mixinStandardHelpOptions = true,
    description = "Serve tools/WORKER-PROTOCOL.md on stdin/stdout: backtest parameter sets over bars loaded once.")
public final class OptimizeWorkerCommand implements Callable<Integer> {
    private final EngineWiring wiring;
    private final InputStream in;
    private final OutputStream out;
    private final PrintStream err;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Folder of SYMBOL_RTH_NH.csv[.gz] bar files.")
    Path data;

    @Option(names = "--symbols", paramLabel = "FILE", description = "Universe (default config/symbols.json).")
    Path symbols;

    @Option(names = "--params", paramLabel = "FILE",
        description = "Params whose costs every trial uses (default config/rotation_params.json); trials never set costs.")
    Path params;

    @Option(names = "--shards", paramLabel = "K", defaultValue = "1",
        description = "Learner shards per backtest (default ${DEFAULT-VALUE}: the optimizer runs one worker per core).")
    int shards;

    @Option(names = "--tape-budget-mb", paramLabel = "MB",
        description = "Heap for cached model tapes (default: 40% of the maximum heap). One model pass per model-parameter "
            + "set and range serves every trial that differs only in desk parameters; 0 keeps none.")
    Long tapeBudgetMb;

    @Option(names = "--no-tapes", description = "Run every trial through the full pipeline, learners included (slow; "
        + "the reference the tapes are tested against).")
    boolean noTapes;

    public OptimizeWorkerCommand(EngineWiring wiring, InputStream in, OutputStream out, PrintStream err) {
        this.wiring = wiring;
        this.in = in;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        CliOptions.existingDir(data, "--data");
        Universe universe = wiring.universe(symbols);
        if (shards < 1 || shards > universe.size()) {
            throw SentioException.badUsage("--shards must be in [1, " + universe.size() + "], got " + shards);
        }
        StrategyParams costs = wiring.params(params);
        long start = System.nanoTime();
        LoadedMarket market = LoadedMarket.load(data, universe, err);
        if (market.sessions().isEmpty()) {
            throw SentioException.badData("no bars in " + data + " for " + universe.symbols());
        }
        err.printf(Locale.ROOT, "sentio optimize-worker: %d bars of %d symbols, %d sessions loaded in %.1f s; "
                + "costs slippage %.2f bp, at least %.2f tick x $%.4f, commission %.4f per share%n",
            market.bars(), universe.size(), market.sessions().size(), (System.nanoTime() - start) / 1e9,
            costs.slippageBps, costs.halfSpreadTicks, costs.tickSize, costs.commissionPerShare);
        if (tapeBudgetMb != null && tapeBudgetMb < 0) {
            throw SentioException.badUsage("--tape-budget-mb must be >= 0, got " + tapeBudgetMb);
        }
        long budget = noTapes ? -1 : tapeBudgetMb != null ? tapeBudgetMb << 20 : Runtime.getRuntime().maxMemory() / 10 * 4;
        TrialEvaluator evaluator = new TrialEvaluator(market, costs, wiring::learners, shards, budget);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        return new OptimizeWorker(market, evaluator, err).serve(reader, writer);
    }
}
