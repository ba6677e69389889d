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
import io.sentio.launcher.alpaca.ExchangeFixture;
import io.sentio.launcher.exchange.ExchangeServer;
import io.sentio.launcher.exchange.FaultPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon as an operator runs it, in its own JVM, killed with SIGKILL in the middle of a paper
 * session against the stand-in exchange and started again with the same command: it resumes its
 * journal, asks the broker about the order it had just decided, reconciles positions without
 * --adopt, backfills the minutes it missed and trades to the close; no order reaches the broker
 * twice, no minute is lost, and the journal of the two processes replays identically.
 */
class LiveRestartTest {
    private static final double SPEED = 200;

    @Test
    void shouldResumeItsJournalAfterKillNineReconcileWithoutAdoptAndSendNoOrderTwice(@TempDir Path dir)
        throws Exception {
        LiveFixture fx = new LiveFixture(dir);
        Path journal = dir.resolve("journal");
        try (ExchangeServer x = fx.exchange(SPEED, new FaultPlan())) {
            String[] cli = fx.cliArgs(x, "--journal", journal.toString());
            SentioProcess first = SentioProcess.start(dir.resolve("first.err"), cli);
            // Killed right after it printed an order: the order is at the broker (or on its way) and its
            // fill is not yet in the journal, the case a restart must not send again.
            first.await(lines -> lines.stream().filter(l -> l.contains("[" + LiveFixture.RUN_ID + "-")).count() >= 3, 180);
            List<String> before = first.kill9();
            long minuteAtKill = x.minutesPublished();

            SentioProcess second = SentioProcess.start(dir.resolve("second.err"), cli);
            int exit = second.waitForExit(300);
            String log = second.stderr();
            Files.writeString(Path.of("target", "live-restart.log"), String.join("\n", before) + "\n--- kill -9 ---\n"
                + String.join("\n", second.lines) + "\n" + log);
            assertEquals(ExitCodes.OK, exit, log);
            assertTrue(log.contains("resuming journal"), log);
            assertTrue(log.contains("positions at the broker match the daemon's"), "reconciled without --adopt:\n" + log);
            assertEquals(0, x.duplicateClientOrderIds(), "no order was sent twice");
            assertTrue(log.contains("positions: daemon flat, broker flat"), log);
            assertTrue(minuteAtKill < 380, "killed mid-session, at exchange minute " + minuteAtKill);

            long barSets = 0;
            long backfilled = 0;
            long lastMinute = Long.MIN_VALUE;
            try (JournalReader r = JournalReader.open(journal)) {
                while (r.next()) {
                    if (r.kind() == RecordKind.BAR_SET) {
                        assertTrue(r.barSet().minute() > lastMinute, "bar sets in order, none twice");
                        lastMinute = r.barSet().minute();
                        barSets++;
                        backfilled += r.barSet().backfilled(0) ? 1 : 0;
                    }
                }
            }
            // minutes 09:30..16:00 inclusive, as the merger emits them in a backtest
            assertEquals(SessionCalendar.closeMinute(x.date()) + 1, barSets,
                    "every minute of the session is journaled once, none lost");
            assertTrue(backfilled > 0, "the minutes missed while the daemon was dead were backfilled");
            List<String> printed = new ArrayList<>(orderIds(before));
            printed.addAll(orderIds(second.lines));
            assertEquals(printed.size(), new HashSet<>(printed).size(), "an order was decided twice: " + printed);
            List<String> atExchange = x.clientOrderIds();
            assertTrue(printed.containsAll(atExchange), "the exchange holds only the daemon's orders: " + atExchange);
            List<String> neverSent = new ArrayList<>(printed);
            neverSent.removeAll(atExchange);
            for (String id : neverSent) {
                // journaled by the killed process, which died before handing it over: looked up, not resent
                assertTrue(orderIds(before).contains(id), id + " of the restarted daemon never reached the exchange");
                assertTrue(log.contains("order " + id + " rejected (journaled before the restart, never reached the broker"),
                    id + " is reported as not sent:\n" + log);
            }
            assertTrue(second.lines.stream().anyMatch(l -> l.contains(" fill ")), "the restarted daemon traded on");

            Cli replay = Cli.run("replay", "--journal", journal.toString());
            assertEquals(ExitCodes.OK, replay.exitCode, replay::toString);
            String liveHash = second.lines.stream().filter(l -> l.startsWith("state hash:")).findFirst().orElseThrow();
            assertTrue(replay.out.contains(liveHash.substring("state hash: ".length())),
                "the journal of both processes replays to the restarted daemon's state hash " + liveHash + ":\n" + replay.out);
            assertFalse(log.contains(ExchangeFixture.SECRET) || first.stderr().contains(ExchangeFixture.SECRET),
                "the API secret is in neither process's log");
        }
    }

    /** Client order ids of the order lines printed by the execution stage as it hands orders to the venue. */
    private static List<String> orderIds(List<String> lines) {
        List<String> ids = new ArrayList<>();
        for (String l : lines) {
            int i = l.indexOf("[" + LiveFixture.RUN_ID + "-");
            if (i >= 0) {
                ids.add(l.substring(i + 1, l.indexOf(']', i)));
            }
        }
        return ids;
    }
}
