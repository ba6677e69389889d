package io.sentio.launcher.cli;

import io.sentio.core.pipeline.PipelineContext;
import io.sentio.core.pipeline.WaitStrategies;
import io.sentio.launcher.SentioException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by the commands that run the pipeline. */
final class RunOptions {
    @Option(names = "--data", paramLabel = "DIR",
        description = "Folder of SYMBOL_RTH_NH.csv[.gz] bar files (default: the built-in seeded synthetic market).")
    Path data;

    @Option(names = "--symbols", paramLabel = "FILE", description = "Universe (default config/symbols.json).")
    Path symbols;

    @Option(names = "--params", paramLabel = "FILE", description = "Strategy params (default config/rotation_params.json).")
    Path params;

    @Option(names = "--shards", paramLabel = "K", description = "Learner shards (default min(cores, 4)).")
    Integer shards;

    @Option(names = "--wait", paramLabel = "NAME", defaultValue = "stage-blocking",
        description = "Ring wait strategy: stage-blocking, blocking, sleeping, yielding, busy-spin (default ${DEFAULT-VALUE}).")
    String wait;

    @Option(names = "--ring-size", paramLabel = "N", defaultValue = "1024", description = "Ring size, a power of two.")
    int ringSize;

    @Option(names = "--run-id", paramLabel = "ID", defaultValue = "run", description = "Prefix of client order ids.")
    String runId;

    void validate() {
        if (data != null && !Files.isDirectory(data)) {
            throw SentioException.badUsage("--data: not a directory: " + data);
        }
        if (shards != null && shards < 1) {
            throw SentioException.badUsage("--shards must be >= 1, got " + shards);
        }
    }

    /** Applies the ring options; option names appear in the message of any bad value. */
    PipelineContext apply(PipelineContext ctx) {
        try {
            ctx.waitStrategy(WaitStrategies.named(wait)).ringSize(ringSize).runId(runId);
            if (shards != null) {
                ctx.shards(shards);
            }
            return ctx.conclude();
        } catch (IllegalArgumentException e) {
            throw SentioException.badUsage("--wait/--ring-size/--run-id/--shards: " + e.getMessage());
        }
    }
}
