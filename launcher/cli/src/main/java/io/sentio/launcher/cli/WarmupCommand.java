package io.sentio.launcher.cli;

import io.sentio.core.config.StrategyParams;
import io.sentio.core.decision.ExpectedReturnRule;
import io.sentio.core.decision.ReturnCalibration;
import io.sentio.core.learn.Learner;
import io.sentio.core.learn.OnlineLearner;
import io.sentio.core.market.BarSet;
import io.sentio.core.market.Universe;
import io.sentio.core.pipeline.LearnerFactory;
import io.sentio.core.pipeline.WarmupTrainer;
import io.sentio.core.state.StateCodec;
import io.sentio.core.sync.SessionMinuteMerger;
import io.sentio.launcher.ExitCodes;
import io.sentio.launcher.SentioException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sentio warmup} (DESIGN §7, §8): trains every symbol's learner, and the synchronizer, on the
 * {@code --blocks} sessions (390-bar blocks) before {@code --until}, exactly as the ring's sync and
 * learner stages would, and writes them to a versioned, checksummed state file whose fingerprint
 * {@code backtest}/{@code mock --state} print and journal.
 */
@Command(name = "warmup", mixinStandardHelpOptions = true,
    description = "Train the learners on the sessions before a date and write a state file for --state.")
public final class WarmupCommand implements Callable<Integer> {
    private final EngineWiring wiring;
    private final PrintStream out;

    @Mixin
    MarketOptions market = new MarketOptions();

    @Option(names = "--blocks", paramLabel = "N", defaultValue = "20",
        description = "Sessions (390-bar blocks) to train on (default ${DEFAULT-VALUE}).")
    int blocks;

    @Option(names = "--until", paramLabel = "DATE",
        description = "Train on the sessions before this day (default: after the last session in the data).")
    LocalDate until;

    @Option(names = "--out", paramLabel = "STATE", required = true, description = "State file to write.")
    Path outFile;

    public WarmupCommand(EngineWiring wiring, PrintStream out) {
        this.wiring = wiring;
        this.out = out;
    }

    @Override
    public Integer call() {
        if (market.data != null && !Files.isDirectory(market.data)) {
            throw SentioException.badUsage("--data: not a directory: " + market.data);
        }
        if (blocks < 1) {
            throw SentioException.badUsage("--blocks must be >= 1, got " + blocks);
        }
        Universe universe = wiring.universe(market.symbols);
        StrategyParams p = wiring.params(market.params);
        byte[] paramsBytes = market.paramsBytes();
        List<BarSet[]> sessions = lastSessions(universe);
        if (sessions.isEmpty()) {
            throw SentioException.badData("no session in " + market.dataName()
                + (until == null ? "" : " before " + until));
        }
        int n = universe.size();
        LearnerFactory factory = wiring.learners(p);
        OnlineLearner[] learners = new OnlineLearner[n];
        for (int s = 0; s < n; s++) {
            Learner l = factory.create(s);
            if (!(l instanceof OnlineLearner)) {
                throw new IllegalStateException("warmup trains OnlineLearners only, got " + l.getClass().getName());
            }
            learners[s] = (OnlineLearner) l;
        }
        WarmupTrainer trainer = new WarmupTrainer(learners, p.maxForwardFill, p.maxMissingSymbols);
        ReturnCalibration calibration = p.decision == StrategyParams.Decision.EXPECTED_RETURN
            ? ExpectedReturnRule.calibration(n, p) : null;
        trainer.calibrating(calibration);
        List<BarSet> all = new ArrayList<>();
        for (BarSet[] session : sessions) {
            all.addAll(List.of(session));
        }
        int threads = Math.min(Math.min(Runtime.getRuntime().availableProcessors(), 4), n);
        long start = System.nanoTime();
        trainer.train(all.toArray(new BarSet[0]), threads);
        long trainNanos = System.nanoTime() - start;
        LocalDate first = LocalDate.ofEpochDay(sessions.get(0)[0].nyEpochDay);
        LocalDate last = LocalDate.ofEpochDay(sessions.get(sessions.size() - 1)[0].nyEpochDay);
        long fingerprint = WarmState.write(outFile, universe.symbols(), paramsBytes, learners, trainer.syncState(),
            calibration, first, last, sessions.size(), trainer.barSets());
        System.err.printf(Locale.ROOT, "sentio: trained %d symbols on %d sessions %s..%s (%d bar sets) in %.1f ms on %d threads%s%n",
            n, sessions.size(), first, last, trainer.barSets(), trainNanos / 1e6, threads,
            sessions.size() < blocks ? "; only " + sessions.size() + " of the " + blocks + " sessions asked for exist" : "");
        out.println("wrote " + outFile + " (" + universe.size() + " learners, " + sessions.size() + " sessions through "
            + last + ")");
        out.println("state hash: " + StateCodec.hex(fingerprint));
        wiring.afterRun(System.err);
        return ExitCodes.OK;
    }

    /** The last {@code blocks} sessions before {@code until}, each as its bar sets as received. */
    private List<BarSet[]> lastSessions(Universe universe) {
        ArrayDeque<BarSet[]> kept = new ArrayDeque<>();
        List<BarSet> current = new ArrayList<>();
        LocalDate to = until == null ? null : until.minusDays(1);
        try (SessionMinuteMerger merger = new SessionMinuteMerger(wiring.bars(market.data, universe, null, to))) {
            BarSet set = new BarSet(universe.size());
            while (merger.next(set)) {
                if (!current.isEmpty() && current.get(0).nyEpochDay != set.nyEpochDay) {
                    keep(kept, current);
                    current = new ArrayList<>();
                }
                BarSet copy = new BarSet(universe.size());
                copy.copyFrom(set);
                current.add(copy);
            }
        }
        if (!current.isEmpty()) {
            keep(kept, current);
        }
        return new ArrayList<>(kept);
    }

    private void keep(ArrayDeque<BarSet[]> kept, List<BarSet> session) {
        kept.addLast(session.toArray(new BarSet[0]));
        if (kept.size() > blocks) {
            kept.removeFirst();
        }
    }
}
