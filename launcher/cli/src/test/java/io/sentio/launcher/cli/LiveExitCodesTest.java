package io.sentio.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.sentio.launcher.Cli;
import io.sentio.launcher.ExitCodes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exit codes of {@code sentio live} an operator scripts on (docs/configuration.md), and the
 * real-money confirmation, against a broker on loopback that answers clock, account and positions:
 * every case ends before a market-data stream would be needed.
 */
@Timeout(120)
class LiveExitCodesTest {
    private static final String ACCOUNT = "PA0FAKE42";
    private static final String CHRISTMAS = "2025-12-25T10:00:00-05:00";
    private static final String SESSION = "2025-06-10T10:00:00-04:00";
    private static final String SECRET = "sEcReT-of-the-exit-code-test";

    @Test
    void shouldExit10WhenTheMarketIsClosedAndLogTimestampedLinesToTheLogFile(@TempDir Path dir) throws Exception {
        try (Broker broker = new Broker(CHRISTMAS, "[]")) {
            Path logFile = dir.resolve("live.log");
            Files.writeString(logFile, "an earlier session's line\n");
            Result r = live(dir, broker.url(), Map.of(), "--log-file", logFile.toString());
            assertEquals(ExitCodes.MARKET_CLOSED, r.exit, r.err);
            assertTrue(r.err.contains("the market is closed today (2025-12-25)"), r.err);
            List<String> lines = Files.readAllLines(logFile);
            assertEquals("an earlier session's line", lines.get(0), "--log-file appends");
            assertTrue(lines.stream().anyMatch(l -> l.contains("the market is closed today")), lines.toString());
            assertTrue(lines.stream().skip(1).allMatch(l -> l.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z .*")),
                "every line carries an ISO-8601 UTC timestamp: " + lines);
            assertTrue(r.err.lines().filter(l -> l.contains("market is closed"))
                .allMatch(l -> l.matches("\\d{4}-\\d\\d-\\d\\dT.*Z sentio live: .*")), "so does stderr: " + r.err);
            assertFalse(Files.readString(logFile).contains(SECRET), "no secret in the log file");
            assertFalse(r.err.contains(SECRET), "nor on stderr");
        }
    }

    @Test
    void shouldExit11WhenTheBrokerHoldsPositionsTheDaemonDoesNotAndNothingIsAdopted(@TempDir Path dir) throws Exception {
        try (Broker broker = new Broker(SESSION,
            "[{\"symbol\":\"TQQQ\",\"qty\":\"5\",\"avg_entry_price\":\"80\",\"market_value\":\"400\"}]")) {
            Result r = live(dir, broker.url(), Map.of());
            assertEquals(ExitCodes.RECONCILIATION_MISMATCH, r.exit, r.err);
            assertTrue(r.err.contains("pass --adopt"), r.err);
            assertFalse(broker.requests().contains("POST /v2/orders"), "nothing was sent: " + broker.requests());
        }
    }

    @Test
    void shouldExit12WhenTheTradingHostIsUnreachable(@TempDir Path dir) throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        Result r = live(dir, "http://127.0.0.1:" + closedPort, Map.of());
        assertEquals(ExitCodes.VENUE_FAILURE, r.exit, r.err);
        assertTrue(r.err.contains("venue failure (trading host http://127.0.0.1:" + closedPort + ")"), r.err);
    }

    @Test
    void shouldExit12WhenTheBrokerAnswersAnError(@TempDir Path dir) throws Exception {
        try (Broker broker = new Broker(SESSION, null)) {
            Result r = live(dir, broker.url(), Map.of());
            assertEquals(ExitCodes.VENUE_FAILURE, r.exit, r.err);
        }
    }

    @Test
    void shouldRefuseLiveWithoutConfirmationBeforeAskingTheBroker(@TempDir Path dir) throws Exception {
        try (Broker broker = new Broker(CHRISTMAS, "[]")) {
            Path logFile = dir.resolve("live.log");
            Result r = live(dir, broker.url(), Map.of(), "--live", "--log-file", logFile.toString());
            assertEquals(ExitCodes.LIVE_NOT_CONFIRMED, r.exit, r.err);
            assertTrue(r.err.contains("SENTIO_LIVE_CONFIRM=<the account number>"), r.err);
            assertEquals(List.of(), broker.requests());
            assertTrue(Files.readString(logFile).matches("(?s)\\d{4}-.*Z sentio: --live trades real money at .*"),
                "the log file tells why the session ended: " + Files.readString(logFile));
        }
    }

    @Test
    void shouldRefuseLiveWhenTheConfirmationIsNotTheBrokersAccountNumber(@TempDir Path dir) throws Exception {
        try (Broker broker = new Broker(SESSION, "[]")) {
            Result r = live(dir, broker.url(), Map.of(LiveConfirmation.ENV, "PA0OTHER"), "--live");
            assertEquals(ExitCodes.LIVE_NOT_CONFIRMED, r.exit, r.err);
            assertTrue(r.err.contains("is not the account number"), r.err);
            assertFalse(r.err.contains(ACCOUNT), "the account number is not printed: " + r.err);
            assertEquals(List.of("GET /v2/account"), broker.requests(), "only the account was read");
        }
    }

    @Test
    void shouldTradeLiveOnceConfirmedWithTheAccountNumber(@TempDir Path dir) throws Exception {
        try (Broker broker = new Broker(CHRISTMAS, "[]")) {
            Result r = live(dir, broker.url(), Map.of(LiveConfirmation.ENV, " " + ACCOUNT + "\n"), "--live");
            assertEquals(ExitCodes.MARKET_CLOSED, r.exit, "past the confirmation, on to the session: " + r.err);
            assertTrue(r.err.contains("LIVE trading: orders go to " + broker.url()), r.err);
        }
    }

    @Test
    void shouldRefuseLiveAndPaperTogetherAsBadUsage(@TempDir Path dir) throws Exception {
        Result r = live(dir, "http://127.0.0.1:9", Map.of(), "--live", "--paper");
        assertEquals(ExitCodes.BAD_USAGE, r.exit, r.err);
        assertTrue(r.err.contains("--live and --paper contradict each other"), r.err);
    }

    private record Result(int exit, String err) {
    }

    /** {@code sentio live} in-process with {@code env} as its environment, against {@code tradingUrl} at market speed 1. */
    private static Result live(Path dir, String tradingUrl, Map<String, String> env, String... extra) throws IOException {
        Path config = Cli.configDir();
        Path symbols = dir.resolve("symbols.json");
        Files.writeString(symbols, "{\"active\":[\"TQQQ\",\"SQQQ\",\"UVXY\",\"UPRO\"],\"symbols\":{"
            + "\"TQQQ\":{\"leverage\":3,\"direction\":\"long\",\"underlying\":\"t\"},"
            + "\"SQQQ\":{\"leverage\":3,\"direction\":\"long\",\"underlying\":\"t\"},"
            + "\"UVXY\":{\"leverage\":3,\"direction\":\"long\",\"underlying\":\"t\"},"
            + "\"UPRO\":{\"leverage\":3,\"direction\":\"long\",\"underlying\":\"t\"}}}");
        Path params = dir.resolve("params.json");
        Files.writeString(params, Files.readString(config.resolve("rotation_params.json"))
            .replace("\"max_positions\": 3", "\"max_positions\": 2"));
        Path envFile = dir.resolve("config.env");
        Files.writeString(envFile, "APCA_API_KEY_ID=KEY\nAPCA_API_SECRET_KEY=" + SECRET + "\n");
        List<String> args = new ArrayList<>(List.of("live", "--symbols", symbols.toString(), "--params", params.toString(),
            "--env-file", envFile.toString(), "--trading-url", tradingUrl, "--data-url", tradingUrl,
            "--stream-url", "ws://127.0.0.1:9/v2/iex", "--market-speed", "1", "--run-id", "X1"));
        args.addAll(List.of(extra));
        return run(env, args.toArray(new String[0]));
    }

    private static synchronized Result run(Map<String, String> env, String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = SentioMain.run(env, args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Result(code, err.toString(StandardCharsets.UTF_8) + out.toString(StandardCharsets.UTF_8));
    }

    /** Alpaca's trading REST on loopback: a fixed market clock, an account, and the positions given (null: HTTP 500). */
    private static final class Broker implements AutoCloseable {
        private final HttpServer server;
        private final List<String> requests = Collections.synchronizedList(new ArrayList<>());

        Broker(String clock, String positions) throws IOException {
            server = HttpServer.create(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                requests.add(exchange.getRequestMethod() + " " + path);
                int status = 200;
                String body;
                switch (path) {
                    case "/v2/clock":
                        body = "{\"timestamp\":\"" + clock + "\",\"is_open\":false,\"next_open\":\"" + clock
                            + "\",\"next_close\":\"" + clock + "\"}";
                        break;
                    case "/v2/account":
                        body = "{\"account_number\":\"" + ACCOUNT + "\",\"status\":\"ACTIVE\",\"cash\":\"1000\","
                            + "\"equity\":\"1000\",\"buying_power\":\"1000\"}";
                        break;
                    case "/v2/positions":
                        status = positions == null ? 500 : 200;
                        body = positions == null ? "{\"code\":50010000,\"message\":\"internal server error\"}" : positions;
                        break;
                    default:
                        status = 404;
                        body = "{\"code\":40410000,\"message\":\"not found\"}";
                }
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        List<String> requests() {
            synchronized (requests) {
                return new ArrayList<>(requests);
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
