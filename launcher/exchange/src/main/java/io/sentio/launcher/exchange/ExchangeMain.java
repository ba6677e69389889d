package io.sentio.launcher.exchange;

import io.sentio.launcher.alpaca.AlpacaException;
import io.sentio.launcher.data.BarDataException;
import picocli.CommandLine;

/**
 * Entry point of the stand-in exchange ({@code sentio exchange}). Exit codes follow the sentio CLI's
 * contract: 2 for bad usage or setup, 3 for bad bar data, 1 for anything else.
 */
public final class ExchangeMain {
    static final int FAILURE = 1;
    static final int BAD_USAGE = 2;
    static final int BAD_DATA = 3;

    private ExchangeMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the exchange command and returns its exit code; used by tests in-process. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new ExchangeCommand());
        cli.setCommandName("sentio exchange");
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("sentio exchange: " + ex.getMessage());
            if (ex instanceof AlpacaException) {
                return ((AlpacaException) ex).kind() == AlpacaException.Kind.SETUP ? BAD_USAGE : BAD_DATA;
            }
            if (ex instanceof BarDataException) {
                return BAD_DATA;
            }
            ex.printStackTrace(cmd.getErr());
            return FAILURE;
        });
        cli.setParameterExceptionHandler((ex, params) -> {
            ex.getCommandLine().getErr().println("sentio exchange: " + ex.getMessage());
            ex.getCommandLine().usage(ex.getCommandLine().getErr());
            return BAD_USAGE;
        });
        return cli.execute(args);
    }
}
