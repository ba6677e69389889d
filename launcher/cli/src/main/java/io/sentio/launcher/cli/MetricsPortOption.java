package io.sentio.launcher.cli;

import io.sentio.launcher.SentioException;
import io.sentio.launcher.metrics.LiveMetrics;
import io.sentio.launcher.metrics.MetricsServer;
import java.io.IOException;
import java.io.PrintStream;
import picocli.CommandLine.Option;

/** {@code --metrics-port N}, shared by the commands that trade live (a picocli mixin). */
public final class MetricsPortOption {
    @Option(names = "--metrics-port", paramLabel = "N",
        description = "Serve Prometheus metrics at http://127.0.0.1:N/metrics and a status page at http://127.0.0.1:N/"
            + " while trading (loopback only; 0 picks a free port and logs it). Off by default.")
    Integer port;

    /** Whether the option was given. */
    public boolean enabled() {
        return port != null;
    }

    /** Starts the endpoint for {@code metrics} and logs where it listens; exit 2 naming the option if it cannot. */
    public MetricsServer start(LiveMetrics metrics, PrintStream log, String command) {
        try {
            MetricsServer server = MetricsServer.start(port, metrics);
            log.println("sentio " + command + ": metrics at " + server.url() + "metrics, status page at " + server.url());
            return server;
        } catch (IllegalArgumentException e) {
            throw SentioException.badUsage("--metrics-port: " + e.getMessage());
        } catch (IOException e) {
            throw SentioException.badUsage("--metrics-port " + port + ": cannot listen on " + MetricsServer.HOST + ":" + port
                + " (" + e.getMessage() + ")");
        }
    }
}
