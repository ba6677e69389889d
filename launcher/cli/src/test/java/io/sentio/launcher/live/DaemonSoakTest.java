package io.sentio.launcher.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.core.market.BarSource;
import io.sentio.core.time.SessionCalendar;
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
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A week of chaos (issue 19), short by default: the daemon in its own JVM against the stand-in over
 * consecutive sessions with seeded faults (a market-data drop, silence, a 429 budget run out at an
 * order, a rejected order, partial fills, a trade_updates outage, garbage frames) and seeded
 * interruptions (kill -9 or SIGTERM, in a session or in the night), restarted after each
 * with the same command, as systemd would. Then it proves: every minute of every session journaled
 * once, no client order id twice at the stand-in, daemon = broker positions at every session end it
 * printed (a SIGTERM in a session is no end: the restart must reconcile without --adopt), every
 * journal replays identically, and, when no minute timed out (a loaded host can
 * delay a bar past the sync timeout, 300 real ms at 200x), the state after the last session is
 * warmup's over the same bars. {@code -Dsentio.soak.sessions=5 -Dsentio.soak.seed=N} runs the long version
 * ({@code -Dsentio.soak.plan=SIGTERM_SESSION,NONE,...} fixes the interruptions); the figures go to
 * target/daemon-soak-SEED.txt.
 */
class DaemonSoakTest {
    private static final LocalDate FIRST = LiveFixture.DAY;
    private static final int WARMUP_SESSIONS = 2;
    private static final double SPEED = 200;
    /** A night in about 60 real seconds: room for a kill while the daemon sleeps through it. */
    private static final double NIGHT_SPEED = 1_000;
    private static final Pattern POSITIONS = Pattern.compile("sentio live: positions: daemon (\\S+), broker (\\S+)");

    private enum Interruption {
        NONE, KILL9_SESSION, SIGTERM_SESSION, KILL9_NIGHT, SIGTERM_NIGHT;

        boolean night() {
            return this == KILL9_NIGHT || this == SIGTERM_NIGHT;
        }

        boolean sigterm() {
            return this == SIGTERM_SESSION || this == SIGTERM_NIGHT;
        }
    }

    @Test
    void shouldJournalEveryMinuteOnceSendNoOrderTwiceAndReplayEveryDayThroughFaultsAndRestarts(@TempDir Path dir)
        throws Exception {
        int sessions = Integer.getInteger("sentio.soak.sessions", 2);
        long seed = Long.getLong("sentio.soak.seed", 19);
        Random random = new Random(seed);
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = FIRST; days.size() < sessions; d = SessionCalendar.nextTradingDay(d.plusDays(1))) {
            days.add(d);
        }
        LocalDate last = days.get(days.size() - 1);
        FaultPlan faults = faults(random);
        List<Interruption> plan = new ArrayList<>();
        String given = System.getProperty("sentio.soak.plan");
        for (String name : given == null ? new String[0] : given.split(",")) {
            plan.add(Interruption.valueOf(name.strip()));
        }
        for (int i = plan.size(); i < sessions; i++) {
            // the short version (2 sessions) always meets SIGTERM in the night and kill -9 in a session
            plan.add(sessions == 2 ? (i == 0 ? Interruption.SIGTERM_NIGHT : Interruption.KILL9_SESSION)
                : Interruption.values()[random.nextInt(Interruption.values().length)]);
        }

        LiveFixture fx = new LiveFixture(dir);
        Path root = dir.resolve("daemon");
        StringBuilder story = new StringBuilder("seed " + seed + ", sessions " + days + "\nfaults " + faults
            + "\ninterruptions " + plan + "\n");
        int restarts = 0;
        List<String> allErr = new ArrayList<>();
        BarSource[] sources = fx.wiring.bars(fx.dataDir, fx.universe, LocalDate.of(2025, 6, 2), last);
        SessionTape tape = SessionTape.load(fx.universe, Arrays.asList(sources));
        try (ExchangeServer x = ExchangeServer.start(new ExchangeContext().tape(tape).date(FIRST).to(last).speed(SPEED)
            .nightSpeed(NIGHT_SPEED).credentials(ExchangeFixture.CREDENTIALS).fillAtArrival(true).faults(faults))) {
            String[] cli = {"daemon", "--root", root.toString(), "--symbols", fx.symbolsFile.toString(), "--params",
                fx.paramsFile.toString(), "--env-file", fx.envFile.toString(), "--trading-url", x.httpUrl(),
                "--data-url", x.httpUrl(), "--stream-url", x.streamUrl("iex"), "--market-speed",
                Double.toString(LiveFixture.DAEMON_CLOCK_SPEED), "--warmup-sessions", String.valueOf(WARMUP_SESSIONS),
                "--until", last.toString()};
            SentioProcess p = SentioProcess.start(dir.resolve("run-0.err"), cli);
            for (int i = 0; i < sessions; i++) {
                Interruption what = plan.get(i);
                String runId = "[L" + days.get(i).format(DateTimeFormatter.BASIC_ISO_DATE) + "-";
                int orders = 1 + random.nextInt(3);
                String done = "sentio daemon: session " + days.get(i) + " done";
                SentioProcess running = p;
                boolean reached;
                if (what.night()) {
                    reached = await(running, () -> running.stderr().contains(done));
                } else {
                    reached = await(running, () -> running.lines.stream().filter(l -> l.contains(runId)).count() >= orders
                        || running.stderr().contains(done));
                    reached &= !running.stderr().contains(done);
                }
                if (!reached || what == Interruption.NONE || i == sessions - 1 && what.night()) {
                    continue;
                }
                story.append(days.get(i)).append(": ").append(what).append(" at stand-in minute ")
                    .append(x.minutesPublished()).append('\n');
                if (what.sigterm()) {
                    boolean sleeping = what.night() && i + 1 < sessions
                        && p.stderr().contains("next session " + days.get(i + 1) + "; sleeping");
                    p.terminate();
                    assertEquals(143, p.waitForExit(120), p.stderr());
                    assertTrue(!sleeping || p.stderr().contains("stopping (SIGTERM) between sessions"), p.stderr());
                } else {
                    p.kill9();
                }
                allErr.add(p.stderr());
                restarts++;
                p = SentioProcess.start(dir.resolve("run-" + restarts + ".err"), cli);
            }
            int exit = p.waitForExit(600);
            allErr.add(p.stderr());
            Files.writeString(Path.of("target", "daemon-soak-" + seed + ".log"), String.join("\n--- restart ---\n", allErr));
            Files.writeString(Path.of("target", "daemon-soak-" + seed + ".txt"), story + "exit " + exit + "\n");
            assertEquals(ExitCodes.OK, exit, story + "\n" + p.stderr());
            story.append("restarts ").append(restarts).append(", orders at the stand-in ").append(x.orderCount())
                .append(", duplicate client order ids ").append(x.duplicateClientOrderIds())
                .append(", REST requests refused 429 ").append(x.rateLimitedRequests()).append('\n');
            assertEquals(0, x.duplicateClientOrderIds(), story.toString());
        }

        String logs = String.join("\n", allErr);
        assertTrue(!story.toString().contains("KILL9_SESSION at") || logs.contains("sentio live: resuming journal "),
            "a session killed mid-way is resumed from its journal");
        assertFalse(logs.contains(ExchangeFixture.SECRET), "the API secret is in no log");
        int positionLines = 0;
        for (String err : allErr) {
            Matcher m = POSITIONS.matcher(err);
            int sessionFrom = 0;
            while (m.find()) {
                // a SIGTERM stop in a session is not its end: an order in flight may fill after the
                // pipeline stopped; the restart looks it up and must reconcile without --adopt
                boolean stopped = err.substring(sessionFrom, m.start()).contains("sentio live: stopping: SIGTERM");
                sessionFrom = m.end();
                if (stopped) {
                    assertTrue(logs.contains("positions at the broker match the daemon's"),
                        "the restart after a SIGTERM in a session reconciled without --adopt:\n" + story);
                    continue;
                }
                assertEquals(m.group(2), m.group(1), "daemon = broker positions at a session's end:\n" + story);
                positionLines++;
            }
        }
        int incomplete = 0;
        for (LocalDate day : days) {
            int barSets = 0;
            long lastMinute = Long.MIN_VALUE;
            try (JournalReader r = JournalReader.open(root.resolve(day + "/journal"))) {
                while (r.next()) {
                    if (r.kind() == RecordKind.BAR_SET) {
                        assertTrue(r.barSet().minute() > lastMinute, day + ": bar sets in order, none twice");
                        lastMinute = r.barSet().minute();
                        barSets++;
                        for (int s = 0; s < r.barSet().symbolCount(); s++) {
                            if (!r.barSet().present(s)) {
                                // every minute of the data has every bar: this one timed out before they came
                                incomplete++;
                                break;
                            }
                        }
                    }
                }
            }
            assertEquals(SessionCalendar.closeMinute(day) + 1, barSets, day + ": every minute journaled once\n" + story);
            Cli replay = Cli.run("replay", "--journal", root.resolve(day + "/journal").toString());
            assertEquals(ExitCodes.OK, replay.exitCode, day + " replays identically:\n" + replay + "\n" + story);
        }
        story.append("session ends compared daemon = broker ").append(positionLines).append(", journals replayed ")
            .append(days.size()).append(", divergences 0, minutes published before all their bars came (timed out) ")
            .append(incomplete).append('\n');
        if (incomplete == 0) {
            // With every minute complete the learners saw exactly the data's bars: warmup's state.
            Path warmedUp = dir.resolve("warmup.state");
            Cli w = Cli.run("warmup", "--data", fx.dataDir.toString(), "--symbols", fx.symbolsFile.toString(), "--params",
                fx.paramsFile.toString(), "--until", last.plusDays(1).toString(), "--blocks",
                String.valueOf(WARMUP_SESSIONS + sessions), "--out", warmedUp.toString());
            assertEquals(ExitCodes.OK, w.exitCode, w.toString());
            assertArrayEquals(Files.readAllBytes(warmedUp), Files.readAllBytes(root.resolve("state.bin")),
                "the state after the last session is warmup's\n" + story);
            story.append("state after the last session = warmup's over the same sessions\n");
        } else {
            story.append("state not compared with warmup's: forward-filled minutes trained the learners otherwise\n");
        }
        Files.writeString(Path.of("target", "daemon-soak-" + seed + ".txt"), story);
        System.out.print(story);
    }

    /** One fault of each kind, at seeded minutes and orders; minute faults recur every session. */
    private static FaultPlan faults(Random random) {
        FaultPlan f = new FaultPlan();
        f.dropAtMinute = 30 + random.nextInt(300);
        f.silentFromMinute = 30 + random.nextInt(300);
        f.rateLimitAtOrder = 2 + random.nextInt(6);
        f.rejectNthOrder = 1 + random.nextInt(8);
        f.partialFills = random.nextBoolean();
        f.tradeUpdatesDownAtMinute = 30 + random.nextInt(300);
        f.tradeUpdatesDownMinutes = 5 + random.nextInt(20);
        f.garbageEvery = random.nextBoolean() ? 40 + random.nextInt(40) : 0;
        return f;
    }

    /** Waits until {@code condition} holds (true) or the process ended (false); at most 10 minutes. */
    private static boolean await(SentioProcess p, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (!p.alive() || System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }
}
