package io.sentio.launcher.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sentio.launcher.SentioProcess;
import io.sentio.launcher.exchange.ExchangeServer;
import io.sentio.launcher.exchange.FaultPlan;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus server (Debian's {@code prometheus}, its own config and storage in the test's
 * directory, on loopback) scrapes {@code sentio live --metrics-port} in its own JVM twice a second
 * while the stand-in exchange replays a session at 200x; the test asks Prometheus's HTTP API, as a
 * dashboard would. Skipped when the binary is absent ({@code apt-get install prometheus}).
 */
class PrometheusScrapeTest {
    private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    private static final double SPEED = 200;
    /** A JVM ended by SIGTERM exits 128 + 15 once its shutdown hooks have run. */
    private static final int EXIT_AFTER_SIGTERM = 143;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldBeScrapedByARealPrometheusDuringAStandInSession(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(PROMETHEUS), "skipped: " + PROMETHEUS
            + " is absent (apt-get install -y --no-install-recommends prometheus)");
        LiveFixture fx = new LiveFixture(dir);
        int metricsPort = freePort();
        int prometheusPort = freePort();
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, "global:\n  scrape_interval: 500ms\n  scrape_timeout: 400ms\n"
            + "scrape_configs:\n  - job_name: sentio\n    static_configs:\n      - targets: ['127.0.0.1:" + metricsPort + "']\n");
        Process prometheus = new ProcessBuilder(PROMETHEUS.toString(), "--config.file=" + config,
            "--storage.tsdb.path=" + dir.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + prometheusPort)
            .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        try (ExchangeServer x = fx.exchange(SPEED, new FaultPlan())) {
            SentioProcess daemon = SentioProcess.start(dir.resolve("daemon.err"),
                fx.cliArgs(x, "--metrics-port", Integer.toString(metricsPort)));
            try {
                String api = "http://127.0.0.1:" + prometheusPort;
                // Until Prometheus holds a scrape taken after the session's first fill.
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
                while (!(value(api, "sentio_fills_total") >= 1)) {
                    assertTrue(System.nanoTime() < deadline && prometheus.isAlive(), () -> "no fill scraped in time\n"
                        + daemon.stderr() + "\nprometheus:\n" + read(dir.resolve("prometheus.log")));
                    Thread.sleep(250);
                }
                assertEquals(1, value(api, "up{job=\"sentio\"}"), "the target is up");
                double complete = value(api, "sentio_bar_sets_total{fate=\"complete\"}");
                assertTrue(complete >= 60 && complete <= 391, "the learners need 60 bars before a first order: " + complete);
                double sent = value(api, "sentio_orders_total{state=\"sent\"}");
                assertTrue(sent >= 1 && sent <= x.orderCount(), "orders sent " + sent + ", the exchange has " + x.orderCount());
                assertTrue(value(api, "sentio_orders_total{state=\"filled\"}") >= 1, "the exchange's fill report");
                double equity = value(api, "sentio_equity_usd");
                assertTrue(equity > 0.9 * fx.params.initialCapital && equity < 1.1 * fx.params.initialCapital,
                    "equity " + equity + " near the initial " + fx.params.initialCapital);
                assertTrue(value(api, "sum(sentio_position_shares)") >= 0, "positions reported");
                assertEquals(1, value(api, "sentio_market_data_up"));
                assertTrue(value(api, "sum(sentio_stage_latency_seconds_count{stage=\"portfolio\"})") >= complete - 2,
                    "the portfolio stage is timed per bar set");
                double p99 = value(api, "histogram_quantile(0.99, sentio_end_to_end_latency_seconds_bucket)");
                assertTrue(p99 > 0 && p99 < 5, "end-to-end p99 " + p99 + " s");

                HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort
                    + "/status")).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, page.statusCode());
                assertTrue(page.body().contains("sentio live: session " + LiveFixture.DAY + ", run " + LiveFixture.RUN_ID),
                    page.body());
                Files.writeString(Path.of("target", "prometheus-scrape-status.html"), page.body());
            } finally {
                daemon.terminate();
            }
            assertEquals(EXIT_AFTER_SIGTERM, daemon.waitForExit(120), "stopped cleanly mid-session, the endpoint with it:\n"
                + daemon.stderr());
            assertTrue(daemon.stderr().contains("sentio live: metrics at http://127.0.0.1:" + metricsPort + "/metrics"),
                daemon.stderr());
        } finally {
            prometheus.destroy();
            if (!prometheus.waitFor(30, TimeUnit.SECONDS)) {
                prometheus.destroyForcibly();
            }
        }
    }

    /** The single value of an instant query; NaN while Prometheus has none (no scrape yet). */
    private double value(String api, String query) throws IOException, InterruptedException {
        HttpResponse<String> r;
        try {
            r = http.send(HttpRequest.newBuilder(URI.create(api + "/api/v1/query?query="
                + URLEncoder.encode(query, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.net.ConnectException e) {
            return Double.NaN; // not listening yet
        }
        if (r.statusCode() == 503) {
            return Double.NaN; // still starting
        }
        JsonNode root = json.readTree(r.body());
        assertEquals("success", root.path("status").asText(), r.body());
        JsonNode result = root.path("data").path("result");
        if (result.size() == 0) {
            return Double.NaN;
        }
        assertEquals(1, result.size(), "one series for " + query + ": " + r.body());
        return Double.parseDouble(result.get(0).path("value").get(1).asText());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
