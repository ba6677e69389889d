package io.sentio.launcher;

import io.sentio.core.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code sentio} CLI. Subcommands live in {@code io.sentio.launcher.cli}. */
@Command(name = "sentio", mixinStandardHelpOptions = true, versionProvider = SentioMain.Version.class,
    description = "Intraday momentum rotation across US ETFs: one Disruptor ring, one online learner per symbol.",
    subcommands = {
        CommandLine.HelpCommand.class,
        io.sentio.launcher.cli.DownloadCommand.class,
        io.sentio.launcher.cli.ExchangeCommand.class,
    })
public final class SentioMain implements Runnable {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns the exit code; used by tests in-process. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new SentioMain());
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof SentioException) {
                cmd.getErr().println("sentio: " + ex.getMessage());
                return ((SentioException) ex).exitCode();
            }
            if (ex instanceof ConfigException) {
                cmd.getErr().println("sentio: config " + ex.getMessage());
                return ExitCodes.BAD_USAGE;
            }
            cmd.getErr().println("sentio: " + ex);
            ex.printStackTrace(cmd.getErr());
            return ExitCodes.FAILURE;
        });
        cli.setParameterExceptionHandler((ex, params) -> {
            ex.getCommandLine().getErr().println("sentio: " + ex.getMessage());
            ex.getCommandLine().usage(ex.getCommandLine().getErr());
            return ExitCodes.BAD_USAGE;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** Version from the jar manifest, "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = SentioMain.class.getPackage().getImplementationVersion();
            return new String[] {"sentio " + (v == null ? "dev" : v)};
        }
    }
}
