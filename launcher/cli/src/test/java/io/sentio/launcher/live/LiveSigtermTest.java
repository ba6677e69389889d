package io.sentio.launcher.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.core.time.SessionCalendar;
import io.sentio.journal.JournalReader;
import io.sentio.journal.codec.RecordKind;
import io.sentio.launcher.Cli;
import io.sentio.launcher.ExitCodes;
import io.sentio.launcher.SentioProcess;
import io.sentio.launcher.alpaca.AlpacaClock;
import io.sentio.launcher.alpaca.AlpacaRest;
import io.sentio.launcher.alpaca.ExchangeFixture;
import io.sentio.launcher.alpaca.TokenBucket;
import io.sentio.launcher.alpaca.trading.AlpacaBroker;
import io.sentio.launcher.alpaca.trading.OrderSide;
import io.sentio.launcher.exchange.ExchangeServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon in its own JVM stopped with a real SIGTERM while it holds positions, as systemd stops
 * it: the shutdown hook stops the session cleanly, {@code --flatten-on-exit} closes the session's
 * positions at the broker and leaves the operator's own position in another symbol alone, the journal
 * is finished (it replays to the state hash printed) and {@code --state-out} is written.
 */
class LiveSigtermTest {
    private static final double SPEED = 200;
    /** A JVM ended by SIGTERM exits 128 + 15 once its shutdown hooks have run. */
    private static final int EXIT_AFTER_SIGTERM = 143;

    @Test
    void shouldFlattenFinishTheJournalAndWriteItsStateOnSigterm(@TempDir Path dir) throws Exception {
        LiveFixture fx = new LiveFixture(dir);
        Path journal = dir.resolve("journal");
        Path state = dir.resolve("day.state");
        try (ExchangeServer x = fx.exchangeAlsoListing(SPEED, "SVIX")) {
            // the operator's own order in the same account, filled once the session's replay starts
            AlpacaBroker operator = new AlpacaBroker(new AlpacaRest(new OkHttpClient(), x.httpUrl(), ExchangeFixture.CREDENTIALS,
                new TokenBucket(AlpacaClock.SYSTEM, 200, 200), AlpacaClock.SYSTEM, 3), 3);
            operator.submitMarketOrder("SVIX", 10, OrderSide.BUY, "operator-svix-1");
            SentioProcess daemon = SentioProcess.start(dir.resolve("daemon.err"), fx.cliArgs(x, "--journal",
                journal.toString(), "--state-out", state.toString(), "--flatten-on-exit"));
            daemon.await(lines -> lines.stream().anyMatch(l -> l.contains(" fill ")) && x.positions().size() > 1, 180);
            List<String> heldAtStop = x.positions();
            daemon.terminate();
            int exit = daemon.waitForExit(120);
            String log = daemon.stderr();
            Files.writeString(Path.of("target", "live-sigterm.log"), String.join("\n", daemon.lines) + "\n" + log);

            assertEquals(EXIT_AFTER_SIGTERM, exit, log);
            assertTrue(log.contains("sentio live: stopping: SIGTERM"), log);
            // a minute or two of market time passes between the snapshot and the stop: count, not names
            assertTrue(Pattern.compile("flatten: closing orders sent for [1-9]\\d* position\\(s\\)\n").matcher(log).find(),
                "the positions held at the stop (" + heldAtStop + " just before it) were closed:\n" + log);
            assertTrue(log.contains("flatten: the broker holds no position in the session's symbols"), "the daemon waited for the closing fills:\n" + log);
            assertEquals(List.of("SVIX=10"), x.positions(), "--flatten-on-exit closed the session's positions, not the operator's");
            assertEquals(0, x.duplicateClientOrderIds());
            assertTrue(log.contains("wrote state ") && Files.size(state) > 0, "--state-out written on SIGTERM:\n" + log);

            long barSets = 0;
            try (JournalReader r = JournalReader.open(journal)) {
                while (r.next()) {
                    barSets += r.kind() == RecordKind.BAR_SET ? 1 : 0;
                }
            }
            assertTrue(barSets > 0 && barSets < SessionCalendar.closeMinute(x.date()) + 1,
                "stopped mid-session: " + barSets + " bar sets");
            String hashLine = daemon.lines.stream().filter(l -> l.startsWith("state hash:")).findFirst()
                .orElseThrow(() -> new AssertionError("the summary was printed before the JVM ended:\n" + daemon.lines));
            Cli replay = Cli.run("replay", "--journal", journal.toString());
            assertEquals(ExitCodes.OK, replay.exitCode, replay::toString);
            assertTrue(replay.out.contains(hashLine.substring("state hash: ".length())),
                "the journal has its RUN_END and replays to " + hashLine + ":\n" + replay.out);
            assertFalse(log.contains(ExchangeFixture.SECRET), "no secret in the log");
        }
    }
}
