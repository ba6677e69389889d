package io.sentio.launcher.alpaca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.core.market.Universe;
import io.sentio.launcher.alpaca.stream.MarketDataStream;
import io.sentio.launcher.alpaca.trading.AlpacaBroker;
import io.sentio.launcher.alpaca.trading.OrderSide;
import io.sentio.launcher.cli.SentioMain;
import io.sentio.launcher.exchange.ExchangeMain;
import io.sentio.launcher.exchange.FaultPlan;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Runs the noisy paths (failures, faults, retries, CLI errors) and greps everything printed for the secret. */
@Timeout(120)
class SecretHygieneTest {
    private static final Universe UNIVERSE = Universe.of("SPY", "QQQ");

    @Test
    void shouldNeverPrintOrLogTheApiSecret(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        StringBuilder jul = new StringBuilder();
        Handler julHandler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                synchronized (jul) {
                    jul.append(r.getLoggerName()).append(' ').append(r.getMessage()).append(' ')
                        .append(java.util.Arrays.toString(r.getParameters())).append(' ').append(r.getThrown()).append('\n');
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        java.util.logging.Level rootLevel = root.getLevel();
        PrintStream out = System.out;
        PrintStream err = System.err;
        System.setOut(capture);
        System.setErr(capture);
        root.addHandler(julHandler);
        root.setLevel(java.util.logging.Level.ALL);
        try {
            exercise(dir);
        } finally {
            System.setOut(out);
            System.setErr(err);
            root.removeHandler(julHandler);
            root.setLevel(rootLevel);
        }
        String all = captured.toString(StandardCharsets.UTF_8) + jul;
        assertTrue(all.contains("attempt 1 failed"), "the capture sees the adapters' logging:\n" + all);
        assertTrue(all.contains("auth failed"), "and the stream's final error");
        assertTrue(all.contains("sentio: "), "and the CLI's error output");
        assertFalse(all.contains(ExchangeFixture.SECRET), "the secret leaked:\n" + all);
        assertFalse(all.contains("sEcReT"), "a part of the secret leaked");
    }

    private static void exercise(Path dir) throws Exception {
        FaultPlan faults = new FaultPlan();
        faults.loseAckOfNthOrder = 1;
        faults.rateLimitBurst = 1;
        faults.dropAtMinute = 2;
        try (ExchangeFixture fx = new ExchangeFixture(UNIVERSE, TestTapes.tape(UNIVERSE, 6), 600, faults)) {
            ExchangeFixture.Recorder bad = new ExchangeFixture.Recorder(UNIVERSE);
            try (MarketDataStream s = new MarketDataStream(fx.streamContext(bad, false)
                .credentials(new AlpacaCredentials(ExchangeFixture.KEY, ExchangeFixture.SECRET + "x")))) {
                s.start();
                ExchangeFixture.await("402", 10_000, () -> bad.finalReason != null);
            }
            ExchangeFixture.Recorder good = new ExchangeFixture.Recorder(UNIVERSE);
            try (MarketDataStream s = new MarketDataStream(fx.streamContext(good, true))) {
                s.start();
                ExchangeFixture.await("bars after the drop", 10_000, () -> good.bars.size() >= 5 * UNIVERSE.size());
            }
            AlpacaBroker broker = new AlpacaBroker(fx.rest(new FakeClock(System.currentTimeMillis())), 3);
            broker.submitMarketOrder("SPY", 1, OrderSide.BUY, "hygiene-1");
            assertEquals(1, fx.server.orderCount());
            Path env = dir.resolve("config.env");
            Files.writeString(env, "APCA_API_KEY_ID=" + ExchangeFixture.KEY + "\nAPCA_API_SECRET_KEY=" + ExchangeFixture.SECRET + "\n");
            SentioMain.run("download", "--symbols", "SPY", "--days", "1", "--until", "2025-04-01",
                "--out", dir.resolve("csv").toString(), "--data-url", fx.server.httpUrl(), "--env-file", env.toString());
            SentioMain.run("download", "--symbols", "SPY", "--days", "1", "--until", "2025-04-01",
                "--out", dir.resolve("csv").toString(), "--data-url", "http://127.0.0.1:1", "--env-file", env.toString());
            ExchangeMain.run("--data", dir.toString(), "--date", "2025-04-01", "--key", ExchangeFixture.KEY,
                "--secret", ExchangeFixture.SECRET);
            System.err.println(new ExchangeFixture.Recorder(UNIVERSE).toString() + fx.streamContext(good, false));
        }
    }
}
