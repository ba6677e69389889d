package io.sentio.launcher.cli;

import io.sentio.core.pipeline.Layout;
import io.sentio.core.pipeline.PipelineContext;
import io.sentio.core.pipeline.WaitStrategies;
import io.sentio.launcher.SentioException;
import io.sentio.core.market.Universe;
import io.sentio.journal.codec.DeskDefinition;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options shared by the commands that run the pipeline. */
final class RunOptions extends MarketOptions {
    @Option(names = "--shards", paramLabel = "K", description = "Learner shards (default min(cores, 4)).")
    Integer shards;

    @Option(names = "--wait", paramLabel = "NAME", defaultValue = "stage-blocking",
        description = "Ring wait strategy: stage-blocking, blocking, sleeping, yielding, busy-spin (default ${DEFAULT-VALUE}).")
    String wait;

    @Option(names = "--layout", paramLabel = "NAME",
        description = "Stages onto threads: latency (a lead thread and one helper per other learner shard, no more busy "
            + "threads than 2 cores) or throughput (a thread per stage). Default: throughput for backtest, latency for mock. "
            + "Same journal and state hash either way.")
    String layout;

    @Option(names = "--ring-size", paramLabel = "N", defaultValue = "1024", description = "Ring size, a power of two.")
    int ringSize;

    @Option(names = "--run-id", paramLabel = "ID", defaultValue = "run", description = "Prefix of client order ids.")
    String runId;

    @Option(names = "--journal", paramLabel = "DIR",
        description = "Journal every input and output to this Chronicle Queue directory; an existing journal of the same "
            + "run is resumed (crash recovery).")
    Path journal;

    @Option(names = "--journal-min-free", paramLabel = "MB", defaultValue = "128",
        description = "Refuse to start a journal on a file system with less free space than this (default ${DEFAULT-VALUE}; "
            + "Chronicle maps 80 MB per daily cycle file).")
    long journalMinFreeMb;

    @Option(names = "--state", paramLabel = "STATE", description = "Start from a warmup state file (sentio warmup).")
    Path state;

    @Option(names = "--shadow", paramLabel = "FILE",
        description = "A shadow desk (repeatable): a params file whose signal and trading parameters run beside the "
            + "traded desk on the same model outputs, simulated, never sent; its model and sync keys must equal --params'.")
    List<Path> shadows = new ArrayList<>();

    /** The {@code --shadow} desks, named by their file names; a bad file or key names the option and the file. */
    List<PipelineContext.ShadowSpec> shadowSpecs(EngineWiring wiring) {
        return shadowSpecs(shadows, wiring);
    }

    static List<PipelineContext.ShadowSpec> shadowSpecs(List<Path> files, EngineWiring wiring) {
        List<PipelineContext.ShadowSpec> specs = new ArrayList<>();
        for (Path file : files) {
            specs.add(new PipelineContext.ShadowSpec(shadowName(file), wiring.params(file)));
        }
        return specs;
    }

    /**
     * The journal's definitions of the {@code --shadow} desks (ids 1..k in the order given): name
     * and params file bytes as given, so a replay rebuilds each desk from the journal alone.
     */
    List<DeskDefinition> deskDefinitions() {
        return deskDefinitions(shadows);
    }

    static List<DeskDefinition> deskDefinitions(List<Path> files) {
        List<DeskDefinition> desks = new ArrayList<>();
        for (Path file : files) {
            try {
                desks.add(new DeskDefinition(desks.size() + 1, shadowName(file), bytesOf(file, "--shadow")));
            } catch (IllegalArgumentException e) {
                throw SentioException.badUsage("--shadow " + file + ": " + e.getMessage());
            }
        }
        return desks;
    }

    private static String shadowName(Path file) {
        return file.getFileName().toString().replaceFirst("\\.json$", "");
    }

    static byte[] bytesOf(Path file, String option) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw SentioException.badUsage(option + ": cannot read " + file + ": " + e.getMessage());
        }
    }

    /** The {@code --state} warm start for this universe (its fingerprint printed on {@code err}), or null. */
    WarmState loadState(Universe universe, PrintStream err) {
        if (state == null) {
            return null;
        }
        WarmState warm = WarmState.load(state, universe.symbols(), paramsBytes());
        err.println("sentio: " + warm.describe());
        return warm;
    }

    void validate() {
        if (data != null && !Files.isDirectory(data)) {
            throw SentioException.badUsage("--data: not a directory: " + data);
        }
        if (journalMinFreeMb < 0) {
            throw SentioException.badUsage("--journal-min-free must be >= 0 MB, got " + journalMinFreeMb);
        }
        if (shards != null && shards < 1) {
            throw SentioException.badUsage("--shards must be >= 1, got " + shards);
        }
    }

    /** Applies the ring options ({@code byDefault} without --layout); option names appear in the message of any bad value. */
    PipelineContext apply(PipelineContext ctx, Layout byDefault) {
        try {
            ctx.waitStrategy(WaitStrategies.named(wait)).ringSize(ringSize).runId(runId)
                .layout(layout == null ? byDefault : Layout.named(layout));
            if (shards != null) {
                ctx.shards(shards);
            }
            return ctx.conclude();
        } catch (IllegalArgumentException e) {
            throw SentioException.badUsage("--wait/--layout/--ring-size/--run-id/--shards/--shadow: " + e.getMessage());
        }
    }
}
