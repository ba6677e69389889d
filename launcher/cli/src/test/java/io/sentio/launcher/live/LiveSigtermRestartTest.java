package io.sentio.launcher.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.core.time.SessionCalendar;
import io.sentio.journal.JournalReader;
import io.sentio.journal.codec.RecordKind;
import io.sentio.launcher.Cli;
import io.sentio.launcher.ExitCodes;
import io.sentio.launcher.SentioProcess;
import io.sentio.launcher.exchange.ExchangeServer;
import io.sentio.launcher.exchange.FaultPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon in its own JVM stopped with a real SIGTERM in the middle of a paper session while it
 * holds positions (no {@code --flatten-on-exit}, as the daemon's systemd unit stops it), then
 * started again the same day with the same command: the stop ended the journal with a RUN_END, the
 * restart resumes past it (checked against it), reconciles without --adopt, trades to the close and
 * exits 0; the journal holds the stop's RUN_END and the session's, and replays to the restarted
 * daemon's state hash.
 */
class LiveSigtermRestartTest {
    private static final double SPEED = 200;
    /** A JVM ended by SIGTERM exits 128 + 15 once its shutdown hooks have run. */
    private static final int EXIT_AFTER_SIGTERM = 143;

    @Test
    void shouldResumePastTheRunEndOfASigtermAndFinishTheSessionTheSameDay(@TempDir Path dir) throws Exception {
        LiveFixture fx = new LiveFixture(dir);
        Path journal = dir.resolve("journal");
        try (ExchangeServer x = fx.exchange(SPEED, new FaultPlan())) {
            String[] cli = fx.cliArgs(x, "--journal", journal.toString());
            SentioProcess first = SentioProcess.start(dir.resolve("first.err"), cli);
            first.await(lines -> lines.stream().anyMatch(l -> l.contains(" fill ")) && !x.positions().isEmpty(), 180);
            first.terminate();
            int firstExit = first.waitForExit(120);
            String firstLog = first.stderr();
            String stopHash = first.lines.stream().filter(l -> l.startsWith("state hash:")).findFirst()
                .orElseThrow(() -> new AssertionError("the stopped session printed its summary:\n" + first.lines));

            SentioProcess second = SentioProcess.start(dir.resolve("second.err"), cli);
            int exit = second.waitForExit(300);
            String log = second.stderr();
            Files.writeString(Path.of("target", "live-sigterm-restart.log"), String.join("\n", first.lines) + "\n"
                + firstLog + "\n--- SIGTERM, restarted ---\n" + String.join("\n", second.lines) + "\n" + log);
            assertEquals(EXIT_AFTER_SIGTERM, firstExit, firstLog);
            assertTrue(firstLog.contains("sentio live: stopping: SIGTERM"), firstLog);
            assertEquals(ExitCodes.OK, exit, log);
            assertTrue(log.contains("resuming journal"), log);
            assertTrue(log.contains("positions at the broker match the daemon's"), "reconciled without --adopt:\n" + log);
            assertEquals(0, x.duplicateClientOrderIds(), "no order was sent twice");
            assertTrue(log.contains("positions: daemon flat, broker flat"), log);

            long barSets = 0;
            long lastMinute = Long.MIN_VALUE;
            List<Long> runEnds = new ArrayList<>();
            try (JournalReader r = JournalReader.open(journal)) {
                while (r.next()) {
                    if (r.kind() == RecordKind.BAR_SET) {
                        assertTrue(r.barSet().minute() > lastMinute, "bar sets in order, none twice");
                        lastMinute = r.barSet().minute();
                        barSets++;
                    } else if (r.kind() == RecordKind.RUN_END && r.desk() == 0) {
                        runEnds.add(r.runEnd().barSets());
                    }
                }
            }
            long sessionMinutes = SessionCalendar.closeMinute(x.date()) + 1;
            assertEquals(sessionMinutes, barSets, "every minute of the session is journaled once, none lost");
            assertEquals(2, runEnds.size(), "the stop's RUN_END and the session's: " + runEnds);
            assertTrue(runEnds.get(0) > 0 && runEnds.get(0) < sessionMinutes, "the stop was mid-session: " + runEnds);
            assertEquals(sessionMinutes, runEnds.get(1), "the session's RUN_END counts every bar set");

            Cli replay = Cli.run("replay", "--journal", journal.toString());
            assertEquals(ExitCodes.OK, replay.exitCode, replay::toString);
            String liveHash = second.lines.stream().filter(l -> l.startsWith("state hash:")).findFirst().orElseThrow();
            assertTrue(!liveHash.equals(stopHash), "the restarted daemon traded on past the stop: " + liveHash);
            assertTrue(replay.out.contains(liveHash.substring("state hash: ".length())),
                "the journal of both processes replays to the restarted daemon's state hash " + liveHash + ":\n" + replay.out);
        }
    }
}
