package io.sentio.launcher.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.launcher.alpaca.ExchangeFixture;
import io.sentio.launcher.cli.SentioMain;
import io.sentio.launcher.exchange.ExchangeServer;
import io.sentio.launcher.exchange.FaultPlan;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sentio live} end to end against the stand-in exchange on loopback, an accelerated real session. */
class LiveSessionTest {
    private static final double SPEED = 200;

    @Test
    void shouldTradeAnAcceleratedSessionExactlyAsTheBacktestOfTheSameDay(@TempDir Path dir) throws Exception {
        LiveFixture fx = new LiveFixture(dir);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (ExchangeServer x = fx.exchange(SPEED, new FaultPlan())) {
            PrintStream oldOut = System.out;
            PrintStream oldErr = System.err;
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            try {
                exit = SentioMain.run(fx.cliArgs(x));
            } finally {
                System.setOut(oldOut);
                System.setErr(oldErr);
            }
            String printed = out.toString(StandardCharsets.UTF_8);
            String log = err.toString(StandardCharsets.UTF_8);
            java.nio.file.Files.writeString(Path.of("target", "live-session.log"), printed + log);
            assertEquals(0, exit, log);
            List<String> live = LiveFixture.decisions(printed);
            List<String> backtest = LiveFixture.decisions(fx.backtest());
            assertTrue(live.stream().anyMatch(l -> l.contains(" entry ")), "the session traded:\n" + printed);
            assertEquals(backtest, live, "live decisions, orders and fills equal the backtest's");
            long orders = live.stream().filter(l -> l.contains("[" + LiveFixture.RUN_ID + "-")).count();
            assertEquals(orders, x.orderCount(), "every decided order reached the exchange once");
            assertEquals(List.of(), x.positions(), "broker flat after the session's flatten");
            assertTrue(log.contains("positions: daemon flat, broker flat"), log);
            assertTrue(log.lines().filter(l -> l.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z live .*")).count() >= 300,
                "a status line per minute, each with its UTC timestamp");
            assertFalse(printed.contains(ExchangeFixture.SECRET) || log.contains(ExchangeFixture.SECRET),
                "the API secret never appears in the output");
        }
    }
}
