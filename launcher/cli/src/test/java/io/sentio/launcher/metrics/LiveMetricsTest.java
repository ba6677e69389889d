package io.sentio.launcher.metrics;

import static io.sentio.launcher.metrics.MetricsSession.get;
import static io.sentio.launcher.metrics.MetricsSession.sample;
import static io.sentio.launcher.metrics.MetricsSession.series;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.core.config.StrategyParamTable;
import io.sentio.core.config.StrategyParams;
import io.sentio.core.pipeline.LatencyStats;
import io.sentio.launcher.SentioException;
import io.sentio.launcher.cli.MetricsPortOption;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The metrics and the status page of a session, scraped over HTTP from the loopback endpoint. */
class LiveMetricsTest {

    @Test
    void shouldServeTheSessionsCountsMarksAndLatenciesAsPrometheusText() throws Exception {
        StrategyParams shadow = StrategyParams.defaults().toBuilder().set(StrategyParamTable.MAX_POSITIONS, 1).conclude();
        MetricsSession s = new MetricsSession().run("L20250506", shadow);
        try (MetricsServer server = MetricsServer.start(0, s.metrics)) {
            HttpResponse<String> r = get(server.port(), "/metrics");
            assertEquals(200, r.statusCode());
            String text = r.body();

            assertEquals(2 * 391, sample(text, "sentio_bar_sets_total{fate=\"complete\"}"), text);
            assertEquals(1, sample(text, "sentio_bar_sets_total{fate=\"timed_out\"}"));
            assertEquals(1, sample(text, "sentio_bar_sets_total{fate=\"closed_by_later_minute\"}"));
            assertEquals(1, sample(text, "sentio_bar_sets_total{fate=\"backfilled\"}"));
            assertEquals(1, sample(text, "sentio_late_bars_total"));
            assertEquals(1, sample(text, "sentio_stream_reconnects_total{stream=\"market_data\"}"),
                "the second subscription is a reconnect, the first is not");
            assertEquals(1, sample(text, "sentio_stream_reconnects_total{stream=\"trade_updates\"}"));
            assertEquals(1, sample(text, "sentio_market_data_up"));

            assertTrue(s.orders > 0 && s.fills > 0, "the synthetic sessions traded");
            assertEquals(s.orders, sample(text, "sentio_orders_total{state=\"decided\"}"));
            assertEquals(2, sample(text, "sentio_orders_total{state=\"sent\"}"));
            assertEquals(s.fills, sample(text, "sentio_fills_total"));
            for (String state : List.of("partially_filled", "filled", "cancelled", "rejected")) {
                assertEquals(1, sample(text, "sentio_orders_total{state=\"" + state + "\"}"), "one report of each; adoptions are no order");
            }
            assertEquals(1, sample(text, "sentio_order_ack_latency_seconds_count"), "an acknowledgement of unknown age is not timed");
            assertEquals(0.002, sample(text, "sentio_order_ack_latency_seconds_sum"), 1e-12);

            assertEquals(s.result.finalEquity, sample(text, "sentio_equity_usd"), 1e-6);
            assertEquals(390, sample(text, "sentio_session_minute"));
            assertEquals(s.params.circuitBreakerDrawdown, sample(text, "sentio_circuit_breaker_drawdown_ratio"));
            double dd = sample(text, "sentio_drawdown_ratio");
            assertTrue(dd >= 0 && dd < 1, "drawdown " + dd);
            assertEquals(s.trippedLastSession ? 1 : 0, sample(text, "sentio_circuit_breaker_tripped"),
                "as the risk manager saw the session");
            assertEquals(s.trippedLastSession, dd >= s.params.circuitBreakerDrawdown, "tripped once the drawdown reached the limit");
            // The still clock stands at 09:30: the 16:00 bar set is 391 minutes ahead of it.
            assertEquals(-391 * 60, sample(text, "sentio_feed_lag_seconds"), 1e-9);

            for (int i = 0; i < s.universe.size(); i++) {
                assertEquals(s.shares.get(i), sample(text, "sentio_position_shares{symbol=\"" + s.universe.symbol(i) + "\"}"));
            }
            assertEquals(s.result.shadows.get(0).finalEquity,
                sample(text, "sentio_shadow_equity_usd{desk=\"challenger <1>\"}"), 1e-6);

            for (LatencyStats.Summary stage : s.result.stages) {
                assertEquals(stage.count, sample(text, "sentio_stage_latency_seconds_count{stage=\"" + stage.name + "\"}"),
                    stage.name);
            }
            assertEquals(s.result.endToEnd.count, sample(text, "sentio_end_to_end_latency_seconds_count"));
            assertTrue(sample(text, "sentio_end_to_end_latency_seconds_sum") > 0);
            assertEquals(s.result.endToEnd.count, sample(text, "sentio_end_to_end_latency_seconds_bucket{le=\"+Inf\"}"));
            assertTrue(series(text, "sentio_stage_latency_seconds_count").contains(
                "sentio_stage_latency_seconds_count{stage=\"shadow-desks\"}"), "the shadow stage is timed too");
        }
    }

    @Test
    void shouldServeAStatusPageOfTheSessionWithEveryPartEscaped() throws Exception {
        StrategyParams shadow = StrategyParams.defaults().toBuilder().set(StrategyParamTable.MAX_POSITIONS, 1).conclude();
        MetricsSession s = new MetricsSession().run("L20250506", shadow);
        try (MetricsServer server = MetricsServer.start(0, s.metrics)) {
            for (String path : List.of("/", "/status")) {
                HttpResponse<String> r = get(server.port(), path);
                assertEquals(200, r.statusCode(), path);
                assertEquals("text/html; charset=utf-8", r.headers().firstValue("Content-Type").orElse(""));
                String page = r.body();
                assertFalse(page.contains("<1>"), "a desk's name is text, not markup");
                assertTrue(page.contains("session over (exit 0); last bar set 16:00 New York"), page);
                assertTrue(page.matches("(?s).*<svg id=\"equity-curve\".*<path [^>]*d=\"M[0-9.]+ [0-9.]+ (L[0-9.]+ [0-9.]+ ){300,}.*"),
                    "a line through the day's marks");
                assertTrue(page.contains("<table id=\"positions\">") && page.contains("<table id=\"decisions\">")
                    && page.contains("<table id=\"feed\">") && page.contains("<table id=\"desks\">"), page);
                assertTrue(page.contains("challenger &lt;1&gt; (shadow)"), "the shadow desk's row");
                assertTrue(page.contains("<td>bar sets complete</td><td>782</td>"), page);
                assertFalse(page.contains("http://") && page.replace("http://www.w3.org/2000/svg", "").contains("http://"),
                    "nothing fetched from elsewhere");
                assertFalse(page.contains("<link") || page.contains("src="), "self-contained");
            }
            assertEquals(404, get(server.port(), "/other").statusCode());
        }
    }

    @Test
    void shouldSayNoSessionYetBeforeTheFirst() throws Exception {
        try (MetricsServer server = MetricsServer.start(0, new LiveMetrics())) {
            assertTrue(get(server.port(), "/").body().contains("no session yet"));
            String text = get(server.port(), "/metrics").body();
            for (String state : List.of("decided", "sent", "partially_filled", "filled", "cancelled", "rejected")) {
                assertEquals(0, sample(text, "sentio_orders_total{state=\"" + state + "\"}"), "bound before anything happened");
            }
            assertEquals(List.of(), series(text, "sentio_position_shares"));
            assertTrue(Double.isNaN(sample(text, "sentio_equity_usd")), "no mark yet is not a mark of 0");
        }
    }

    @Test
    void shouldListenOnLoopbackOnly() throws Exception {
        try (MetricsServer server = MetricsServer.start(0, new LiveMetrics())) {
            InetAddress other = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).findFirst().orElse(null);
            org.junit.jupiter.api.Assumptions.assumeTrue(other != null, "no other IPv4 address on this host to try");
            try (Socket socket = new Socket()) {
                assertThrows(ConnectException.class, () -> socket.connect(new InetSocketAddress(other, server.port()), 2000),
                    "not reachable at " + other.getHostAddress());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 2000);
            }
        }
    }

    @Test
    void shouldRefuseAPortInUseNamingTheOption() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Holder holder = new Holder();
            new picocli.CommandLine(holder).parseArgs("--metrics-port", Integer.toString(taken.getLocalPort()));
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            SentioException e = assertThrows(SentioException.class, () -> holder.option.start(new LiveMetrics(),
                new PrintStream(log, true, StandardCharsets.UTF_8), "live"));
            assertEquals(2, e.exitCode());
            assertTrue(e.getMessage().startsWith("--metrics-port " + taken.getLocalPort() + ": cannot listen on 127.0.0.1:"),
                e.getMessage());
        }
    }

    @picocli.CommandLine.Command(name = "holder")
    static final class Holder {
        @picocli.CommandLine.Mixin
        MetricsPortOption option = new MetricsPortOption();
    }
}
