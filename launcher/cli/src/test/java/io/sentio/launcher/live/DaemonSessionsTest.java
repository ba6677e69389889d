package io.sentio.launcher.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.core.market.BarSource;
import io.sentio.launcher.Cli;
import io.sentio.launcher.ExitCodes;
import io.sentio.launcher.alpaca.ExchangeFixture;
import io.sentio.launcher.exchange.ExchangeContext;
import io.sentio.launcher.exchange.ExchangeServer;
import io.sentio.launcher.exchange.FaultPlan;
import io.sentio.launcher.exchange.SessionTape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sentio daemon} end to end: the stand-in serves three consecutive sessions of the fixture's
 * synthetic market (2025-06-10..12) at high speed, nights in a few real seconds; the paper daemon
 * warms up on history it downloads, trades each session, and hands its state on from day to day.
 */
class DaemonSessionsTest {
    private static final LocalDate DAY_1 = LiveFixture.DAY;
    private static final LocalDate DAY_3 = LocalDate.of(2025, 6, 12);
    /** The three sessions before DAY_1: the first day's warm-up, downloaded from the stand-in's history. */
    private static final int WARMUP_SESSIONS = 3;
    private static final double SPEED = 300;
    /** A night (17.5 market hours) in about 3 real seconds. */
    private static final double NIGHT_SPEED = 20_000;

    private static ExchangeServer exchange(LiveFixture fx, FaultPlan faults) throws IOException {
        BarSource[] sources = fx.wiring.bars(fx.dataDir, fx.universe, LocalDate.of(2025, 6, 2), DAY_3);
        SessionTape tape = SessionTape.load(fx.universe, Arrays.asList(sources));
        return ExchangeServer.start(new ExchangeContext().tape(tape).date(DAY_1).to(DAY_3).speed(SPEED)
            .nightSpeed(NIGHT_SPEED).credentials(ExchangeFixture.CREDENTIALS).faults(faults).fillAtArrival(true));
    }

    private static String[] daemonArgs(LiveFixture fx, ExchangeServer x, Path root, String... extra) {
        List<String> args = new ArrayList<>(List.of("daemon", "--root", root.toString(), "--symbols",
            fx.symbolsFile.toString(), "--params", fx.paramsFile.toString(), "--env-file", fx.envFile.toString(),
            "--trading-url", x.httpUrl(), "--data-url", x.httpUrl(), "--stream-url", x.streamUrl("iex"),
            "--market-speed", Double.toString(LiveFixture.DAEMON_CLOCK_SPEED)));
        args.addAll(List.of(extra));
        return args.toArray(new String[0]);
    }

    @Test
    void shouldTradeThreeSessionsEndingInWarmupsStateWithAJournalThatReplaysAndAReportPerDay(@TempDir Path dir)
        throws Exception {
        LiveFixture fx = new LiveFixture(dir);
        Path root = dir.resolve("daemon");
        Cli daemon;
        try (ExchangeServer x = exchange(fx, new FaultPlan())) {
            daemon = Cli.run(daemonArgs(fx, x, root, "--warmup-sessions", String.valueOf(WARMUP_SESSIONS),
                "--until", DAY_3.toString()));
            Files.writeString(Path.of("target", "daemon-sessions.log"), daemon.toString());
            assertEquals(ExitCodes.OK, daemon.exitCode, daemon.toString());
            assertEquals(3 * 391, x.minutesPublished(), "the stand-in served the three sessions");
            // Each session's portfolio starts at initial_capital, as live's does, while the account carries
            // yesterday's P&L: after a losing day the stand-in's cash account refuses (403) what it cannot pay for.
            int sent = daemon.err.lines().filter(l -> l.contains("sentio live: orders sent "))
                .mapToInt(l -> Integer.parseInt(l.replaceAll(".*orders sent (\\d+),.*", "$1"))).sum();
            assertEquals(sent, x.orderCount(), "every order sent reached the exchange once");
            assertTrue(sent > 0, daemon.err);
            assertEquals(0, x.duplicateClientOrderIds());
            assertEquals(List.of(), x.positions(), "flat after the last session's flatten");
        }
        assertTrue(daemon.err.contains("downloading 3 sessions 2025-06-05..2025-06-09"), daemon.err);
        assertTrue(daemon.err.contains("sentio daemon: done through " + DAY_3), daemon.err);

        List<LocalDate> days = List.of(DAY_1, LocalDate.of(2025, 6, 11), DAY_3);
        for (LocalDate day : days) {
            Path d = root.resolve(day.toString());
            assertTrue(daemon.err.contains("sentio daemon: session " + day + " done"), daemon.err);
            assertTrue(daemon.err.contains("sentio live: session " + day), daemon.err);
            String text = Files.readString(d.resolve("report.txt"));
            assertTrue(text.contains(day.toString()), text);
            assertTrue(Files.readString(d.resolve("report.html")).contains("<html"), "HTML report of " + day);
            Cli replay = Cli.run("replay", "--journal", d.resolve("journal").toString());
            assertEquals(ExitCodes.OK, replay.exitCode, replay.toString());
            assertTrue(replay.out.contains("replay identical"), replay.toString());
        }
        assertTrue(daemon.out.lines().anyMatch(l -> l.contains(" entry ")), "the sessions traded:\n" + daemon.out);

        Path warmedUp = dir.resolve("warmup.state");
        Cli w = Cli.run("warmup", "--data", fx.dataDir.toString(), "--symbols", fx.symbolsFile.toString(), "--params",
            fx.paramsFile.toString(), "--until", DAY_3.plusDays(1).toString(), "--blocks",
            String.valueOf(WARMUP_SESSIONS + 3), "--out", warmedUp.toString());
        assertEquals(ExitCodes.OK, w.exitCode, w.toString());
        assertArrayEquals(Files.readAllBytes(warmedUp), Files.readAllBytes(root.resolve("state.bin")),
            "after day 3 the daemon's state is warmup's over the same six sessions");
    }

    @Test
    void shouldRefuseToTradeWhenTheBrokersCalendarDisagreesWithItsOwn(@TempDir Path dir) throws Exception {
        LiveFixture fx = new LiveFixture(dir);
        FaultPlan faults = new FaultPlan();
        faults.calendarClosedDay = LocalDate.of(2025, 6, 11);
        Path root = dir.resolve("daemon");
        try (ExchangeServer x = exchange(fx, faults)) {
            Cli daemon = Cli.run(daemonArgs(fx, x, root));
            assertEquals(ExitCodes.CALENDAR_MISMATCH, daemon.exitCode, daemon.toString());
            assertTrue(daemon.err.contains("not trading " + DAY_1 + ": the broker's calendar has 2025-06-11 closed,"
                + " sentio's NYSE calendar open 09:30-16:00"), daemon.err);
            assertEquals(0, x.orderCount());
            assertEquals(0, x.minutesPublished(), "no subscription: the replay never started");
        }
        assertFalse(Files.exists(root.resolve(DAY_1.toString())), "no journal");
        assertFalse(Files.exists(root.resolve("history")), "no warm-up download");
    }

    @Test
    void shouldRefuseLivesPerSessionOptions(@TempDir Path dir) throws Exception {
        LiveFixture fx = new LiveFixture(dir);
        try (ExchangeServer x = exchange(fx, new FaultPlan())) {
            for (String[] option : List.of(new String[] {"--journal", "j"}, new String[] {"--state-out", "s"},
                new String[] {"--run-id", "R"})) {
                Cli daemon = Cli.run(daemonArgs(fx, x, dir.resolve("daemon"), option));
                assertEquals(ExitCodes.BAD_USAGE, daemon.exitCode, daemon.toString());
                assertTrue(daemon.err.contains("are the daemon's own"), daemon.err);
            }
            Cli keep = Cli.run(daemonArgs(fx, x, dir.resolve("daemon"), "--keep-sessions", "0"));
            assertEquals(ExitCodes.BAD_USAGE, keep.exitCode, keep.toString());
            assertTrue(keep.err.contains("--keep-sessions must be >= 1"), keep.err);
        }
    }
}
