package io.sentio.launcher.metrics;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import java.io.IOException;

/**
 * The opt-in loopback endpoint of {@code --metrics-port}: Prometheus text format at
 * {@code /metrics}, the status page at {@code /} and {@code /status}, {@code /-/healthy}. Bound to
 * 127.0.0.1 only: it has no authentication, and what it shows (positions, equity) is the
 * operator's business; reach it from elsewhere through an SSH tunnel or a local proxy.
 */
public final class MetricsServer implements AutoCloseable {
    public static final String HOST = "127.0.0.1";
    private final HTTPServer server;

    private MetricsServer(HTTPServer server) {
        this.server = server;
    }

    /** Listens on {@code port} (0: any free port, see {@link #port}). */
    public static MetricsServer start(int port, LiveMetrics metrics) throws IOException {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("a TCP port is 0-65535, got " + port);
        }
        return new MetricsServer(HTTPServer.builder().hostname(HOST).port(port).registry(metrics.registry())
            .defaultHandler(new StatusPage(metrics)).buildAndStart());
    }

    public int port() {
        return server.getPort();
    }

    /** The status page's address, for the log. */
    public String url() {
        return "http://" + HOST + ":" + port() + "/";
    }

    @Override
    public void close() {
        server.close();
    }
}
