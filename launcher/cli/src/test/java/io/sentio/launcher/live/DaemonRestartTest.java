package io.sentio.launcher.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.core.market.BarSource;
import io.sentio.journal.JournalReader;
import io.sentio.journal.codec.RecordKind;
import io.sentio.launcher.Cli;
import io.sentio.launcher.ExitCodes;
import io.sentio.launcher.SentioProcess;
import io.sentio.launcher.alpaca.ExchangeFixture;
import io.sentio.launcher.exchange.ExchangeContext;
import io.sentio.launcher.exchange.ExchangeServer;
import io.sentio.launcher.exchange.FaultPlan;
import io.sentio.launcher.exchange.SessionTape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon in its own JVM, as systemd runs it: SIGTERM while it sleeps through the night ends it at
 * once (exit 143) with day 1 handed on; started again, it trades day 2, is killed with SIGKILL in the
 * middle of it, and started once more resumes day 2 from its journal and finishes it. Every minute of
 * day 2 is journaled once, no order reaches the stand-in twice, both journals replay, and the state
 * after day 2 is warmup's over the same sessions.
 */
class DaemonRestartTest {
    private static final LocalDate DAY_1 = LiveFixture.DAY;
    private static final LocalDate DAY_2 = LocalDate.of(2025, 6, 11);
    private static final int WARMUP_SESSIONS = 2;
    private static final double SPEED = 200;
    /** A slow night (17.5 market hours in about 50 s): time to send SIGTERM while the daemon sleeps through it. */
    private static final double NIGHT_SPEED = 1_200;

    @Test
    void shouldStopBetweenSessionsOnSigtermAndResumeTheDayAfterKillNine(@TempDir Path dir) throws Exception {
        LiveFixture fx = new LiveFixture(dir);
        Path root = dir.resolve("daemon");
        BarSource[] sources = fx.wiring.bars(fx.dataDir, fx.universe, LocalDate.of(2025, 6, 2), DAY_2);
        SessionTape tape = SessionTape.load(fx.universe, Arrays.asList(sources));
        try (ExchangeServer x = ExchangeServer.start(new ExchangeContext().tape(tape).date(DAY_1).to(DAY_2).speed(SPEED)
            .nightSpeed(NIGHT_SPEED).credentials(ExchangeFixture.CREDENTIALS).fillAtArrival(true)
            .faults(new FaultPlan()))) {
            String[] cli = {"daemon", "--root", root.toString(), "--symbols", fx.symbolsFile.toString(), "--params",
                fx.paramsFile.toString(), "--env-file", fx.envFile.toString(), "--trading-url", x.httpUrl(),
                "--data-url", x.httpUrl(), "--stream-url", x.streamUrl("iex"), "--market-speed",
                Double.toString(LiveFixture.DAEMON_CLOCK_SPEED), "--warmup-sessions", String.valueOf(WARMUP_SESSIONS),
                "--until", DAY_2.toString()};

            SentioProcess first = SentioProcess.start(dir.resolve("first.err"), cli);
            awaitStderr(first, "sleeping until 5 minutes before its open", 300);
            first.terminate();
            assertEquals(143, first.waitForExit(60), first.stderr());
            assertTrue(first.stderr().contains("stopping (SIGTERM) between sessions"), first.stderr());
            assertTrue(Files.exists(root.resolve(DAY_1 + "/report.txt")), "day 1 finished before the night");

            SentioProcess second = SentioProcess.start(dir.resolve("second.err"), cli);
            second.await(lines -> lines.stream().filter(l -> l.contains("[L20250611-")).count() >= 3, 300);
            List<String> before = second.kill9();
            int minuteAtKill = x.minutesPublished() - 391;

            SentioProcess third = SentioProcess.start(dir.resolve("third.err"), cli);
            int exit = third.waitForExit(300);
            String log = third.stderr();
            Files.writeString(Path.of("target", "daemon-restart.log"), first.stderr() + "\n--- SIGTERM ---\n"
                + String.join("\n", before) + "\n" + second.stderr() + "\n--- kill -9 at day-2 minute " + minuteAtKill
                + " ---\n" + String.join("\n", third.lines) + "\n" + log);
            assertEquals(ExitCodes.OK, exit, log);
            assertTrue(minuteAtKill < 380, "killed mid-session, at minute " + minuteAtKill);
            assertTrue(log.contains("resuming journal " + root.resolve(DAY_2 + "/journal")), log);
            assertTrue(log.contains("positions at the broker match the daemon's"), log);
            assertTrue(log.contains("sentio daemon: session " + DAY_2 + " done"), log);
            assertEquals(0, x.duplicateClientOrderIds(), "no order was sent twice");
            assertEquals(List.of(), x.positions(), "flat at the close");
            assertFalse(log.contains(ExchangeFixture.SECRET), "no secret in the log");
        }

        long barSets = 0;
        long lastMinute = Long.MIN_VALUE;
        try (JournalReader r = JournalReader.open(root.resolve(DAY_2 + "/journal"))) {
            while (r.next()) {
                if (r.kind() == RecordKind.BAR_SET) {
                    assertTrue(r.barSet().minute() > lastMinute, "bar sets in order, none twice");
                    lastMinute = r.barSet().minute();
                    barSets++;
                }
            }
        }
        assertEquals(391, barSets, "every minute of day 2 journaled once");
        for (LocalDate day : List.of(DAY_1, DAY_2)) {
            Cli replay = Cli.run("replay", "--journal", root.resolve(day + "/journal").toString());
            assertEquals(ExitCodes.OK, replay.exitCode, replay.toString());
        }
        Path warmedUp = dir.resolve("warmup.state");
        Cli w = Cli.run("warmup", "--data", fx.dataDir.toString(), "--symbols", fx.symbolsFile.toString(), "--params",
            fx.paramsFile.toString(), "--until", DAY_2.plusDays(1).toString(), "--blocks",
            String.valueOf(WARMUP_SESSIONS + 2), "--out", warmedUp.toString());
        assertEquals(ExitCodes.OK, w.exitCode, w.toString());
        assertArrayEquals(Files.readAllBytes(warmedUp), Files.readAllBytes(root.resolve("state.bin")),
            "the state after the resumed day 2 is warmup's over the same sessions");
    }

    private static void awaitStderr(SentioProcess p, String text, long timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        while (!p.stderr().contains(text)) {
            assertTrue(System.nanoTime() < deadline, "no '" + text + "' within " + timeoutSeconds + " s:\n" + p.stderr());
            Thread.sleep(50);
        }
    }
}
