package io.sentio.launcher.cli;

import io.sentio.core.config.ConfigException;
import io.sentio.journal.JournalCorruptException;
import io.sentio.launcher.BuildInfo;
import io.sentio.launcher.ExitCodes;
import io.sentio.launcher.SentioException;
import io.sentio.launcher.alpaca.AlpacaException;
import io.sentio.launcher.data.BarDataException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the {@code sentio} CLI. {@code sentio exchange} is a program of its own (module
 * launcher/exchange) that launcher/bin/sentio starts, so the stand-in is never on a daemon's classpath.
 */
@Command(name = "sentio", mixinStandardHelpOptions = true, versionProvider = SentioMain.Version.class,
    description = "Intraday momentum rotation across US ETFs: one Disruptor ring, one online learner per symbol.",
    footer = {"", "launcher/bin/sentio also runs:",
        "  exchange  Local Alpaca-protocol stand-in exchange replaying bar files",
        "            (a program of its own: sentio exchange --help)"},
    subcommands = {
        CommandLine.HelpCommand.class,
        DataCommand.class,
        FeaturesCommand.class,
        GenerateCommand.class,
        JournalDumpCommand.Group.class,
        DownloadCommand.class,
        ParamsCommand.class,
        ReportCommand.class,
    })
public final class SentioMain implements Runnable {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns the exit code; used by tests in-process. */
    public static int run(String... args) {
        return run(System.getenv(), args);
    }

    /** Runs the CLI with {@code env} as the environment {@code live} reads (tests of SENTIO_LIVE_CONFIRM). */
    public static int run(java.util.Map<String, String> env, String... args) {
        CommandLine cli = new CommandLine(new SentioMain());
        EngineWiring wiring = new DefaultEngineWiring();
        cli.addSubcommand(new BacktestCommand(wiring, System.out));
        cli.addSubcommand(new MockCommand(wiring, System.out));
        cli.addSubcommand(new SignalsCommand(wiring, System.out));
        cli.addSubcommand(new OptimizeWorkerCommand(wiring, System.in, System.out, System.err));
        cli.addSubcommand(new ReplayCommand(wiring, System.out));
        cli.addSubcommand(new WarmupCommand(wiring, System.out));
        cli.addSubcommand(new LiveCommand(wiring, System.out, System.err, () -> env));
        cli.addSubcommand(DaemonCommand.commandLine(wiring, System.out, System.err, () -> env));
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof SentioException) {
                cmd.getErr().println("sentio: " + ex.getMessage());
                return ((SentioException) ex).exitCode();
            }
            if (ex instanceof BarDataException) {
                cmd.getErr().println("sentio: " + ex.getMessage());
                return ExitCodes.BAD_DATA;
            }
            if (ex instanceof AlpacaException) {
                cmd.getErr().println("sentio: " + ex.getMessage());
                return ((AlpacaException) ex).kind() == AlpacaException.Kind.SETUP ? ExitCodes.BAD_USAGE : ExitCodes.BAD_DATA;
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

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** The build's version and git commit, as journal headers record them. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"sentio " + BuildInfo.version(), "commit " + BuildInfo.commit()};
        }
    }
}
