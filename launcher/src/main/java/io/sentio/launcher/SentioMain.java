package io.sentio.launcher;

import io.sentio.core.config.ConfigException;
import io.sentio.journal.JournalCorruptException;
import io.sentio.launcher.cli.BacktestCommand;
import io.sentio.launcher.cli.DataCommand;
import io.sentio.launcher.cli.DefaultEngineWiring;
import io.sentio.launcher.cli.DownloadCommand;
import io.sentio.launcher.cli.EngineWiring;
import io.sentio.launcher.cli.ExchangeCommand;
import io.sentio.launcher.cli.FeaturesCommand;
import io.sentio.launcher.cli.GenerateCommand;
import io.sentio.launcher.cli.JournalDumpCommand;
import io.sentio.launcher.cli.LiveCommand;
import io.sentio.launcher.cli.MockCommand;
import io.sentio.launcher.cli.OptimizeWorkerCommand;
import io.sentio.launcher.cli.ReportCommand;
import io.sentio.launcher.cli.ReplayCommand;
import io.sentio.launcher.cli.WarmupCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code sentio} CLI. Subcommands live in {@code io.sentio.launcher.cli}. */
@Command(name = "sentio", mixinStandardHelpOptions = true, versionProvider = SentioMain.Version.class,
    description = "Intraday momentum rotation across US ETFs: one Disruptor ring, one online learner per symbol.",
    subcommands = {
        CommandLine.HelpCommand.class,
        DataCommand.class,
        FeaturesCommand.class,
        GenerateCommand.class,
        JournalDumpCommand.Group.class,
        DownloadCommand.class,
        ExchangeCommand.class,
        ReportCommand.class,
    })
public final class SentioMain implements Runnable {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns the exit code; used by tests in-process. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new SentioMain());
        EngineWiring wiring = new DefaultEngineWiring();
        cli.addSubcommand(new BacktestCommand(wiring, System.out));
        cli.addSubcommand(new MockCommand(wiring, System.out));
        cli.addSubcommand(new OptimizeWorkerCommand(wiring, System.in, System.out, System.err));
        cli.addSubcommand(new ReplayCommand(wiring, System.out));
        cli.addSubcommand(new WarmupCommand(wiring, System.out));
        cli.addSubcommand(new LiveCommand(wiring, System.out, System.err, System::getenv));
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof SentioException) {
                cmd.getErr().println("sentio: " + ex.getMessage());
                return ((SentioException) ex).exitCode();
            }
            if (ex instanceof JournalCorruptException) {
                // Damage met mid-run (a resumed journal's inputs, a replay's comparison) is bad data too.
                cmd.getErr().println("sentio: " + ex.getMessage());
                return ExitCodes.BAD_DATA;
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

    /** The build's version (jar manifest), "dev" when run from classes: recorded in journal headers. */
    public static String codeVersion() {
        String v = SentioMain.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
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
