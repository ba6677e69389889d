package io.sentio.launcher.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sentio data}: groups the data subcommands. */
@Command(name = "data", mixinStandardHelpOptions = true, description = "Inspect bar data.",
    subcommands = {DataCheckCommand.class})
public final class DataCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand (try: data check)");
    }
}
