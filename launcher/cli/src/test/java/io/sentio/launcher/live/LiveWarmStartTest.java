package io.sentio.launcher.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.journal.JournalReader;
import io.sentio.journal.codec.RecordKind;
import io.sentio.journal.codec.RunHeader;
import io.sentio.journal.state.StateFile;
import io.sentio.launcher.Cli;
import io.sentio.launcher.ExitCodes;
import io.sentio.launcher.exchange.ExchangeServer;
import io.sentio.launcher.exchange.FaultPlan;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production path of DESIGN §8 end to end: {@code sentio warmup} through day 1, then
 * {@code sentio live --state} trading day 2 (2025-06-11, the next session in the data) against the
 * stand-in exchange on loopback, checked against {@code mock}/{@code backtest --state} of day 2,
 * {@code replay} of its journal, and the state it hands to day 3.
 */
class LiveWarmStartTest {
    private static final double SPEED = 200;
    private static final LocalDate DAY_2 = LocalDate.of(2025, 6, 11);
    private static final int BLOCKS = 20;

    @Test
    void shouldTradeTheDayAfterAWarmupExactlyAsTheBacktestFromTheSameStateAndHandOnWarmupsState(@TempDir Path dir)
        throws Exception {
        LiveFixture fx = new LiveFixture(dir);
        Path day1 = dir.resolve("day-1.state");
        String fingerprint = warmup(fx, DAY_2, BLOCKS, day1);
        Path journal = dir.resolve("journal");
        Path day2 = dir.resolve("day-2.state");
        Cli live;
        try (ExchangeServer x = fx.exchange(DAY_2, SPEED, new FaultPlan())) {
            live = Cli.run(fx.cliArgs(x, "--state", day1.toString(), "--journal", journal.toString(),
                "--state-out", day2.toString()));
            Files.writeString(Path.of("target", "live-warm-start.log"), live.toString());
            assertEquals(ExitCodes.OK, live.exitCode, live.toString());
            long orders = live.out.lines().filter(l -> l.contains("[" + LiveFixture.RUN_ID + "-")).count();
            assertEquals(orders, x.orderCount(), "every decided order reached the exchange once");
            assertEquals(List.of(), x.positions(), "broker flat after the session's flatten");
        }
        assertTrue(live.err.contains("loaded state " + fingerprint + " (4 symbols, " + BLOCKS + " sessions "), live.err);
        assertTrue(live.err.contains("sentio live: session " + DAY_2), live.err);
        assertFalse(live.err.contains("warning"), "a state through the day before is not stale: " + live.err);
        assertTrue(live.out.lines().anyMatch(l -> l.contains(" entry ")), "the session traded:\n" + live.out);

        byte[] stateBytes = Files.readAllBytes(day1);
        try (JournalReader r = JournalReader.open(journal)) {
            assertTrue(r.next());
            RunHeader h = r.runHeader();
            assertEquals(fingerprint, String.format("%016x", h.initialStateFingerprint()),
                "the journal header carries the state's fingerprint");
            assertTrue(r.next());
            assertEquals(RecordKind.STATE_SNAPSHOT, r.kind());
            UnsafeBuffer blob = new UnsafeBuffer(new byte[r.stateSnapshot().blobLength()]);
            r.stateSnapshot().getBlob(blob, 0);
            assertArrayEquals(stateBytes, blob.byteArray(), "the journal holds the state file's bytes");
        }

        List<String> decisions = LiveFixture.decisions(live.out);
        Cli mock = Cli.run(engine(fx, "mock", "--speed", "0", "--state", day1.toString(), "--date", DAY_2.toString()));
        assertEquals(ExitCodes.OK, mock.exitCode, mock.toString());
        assertEquals(LiveFixture.decisions(mock.out), decisions,
            "live decisions, orders, fills and state hash equal mock --state's of the same day");
        Cli backtest = Cli.run(engine(fx, "backtest", "--state", day1.toString(), "--to", DAY_2.toString()));
        assertEquals(ExitCodes.OK, backtest.exitCode, backtest.toString());
        String hash = hashLine(live.out);
        assertEquals(hash, hashLine(backtest.out), "backtest --state ends in the same state");
        Cli cold = Cli.run(engine(fx, "backtest", "--from", DAY_2.toString(), "--to", DAY_2.toString()));
        assertNotEquals(hashLine(cold.out), hash, "the warm start changed the session: the state was used");

        Cli replay = Cli.run("replay", "--journal", journal.toString());
        assertEquals(ExitCodes.OK, replay.exitCode, replay.toString());
        assertTrue(replay.out.contains("replay identical") && replay.out.contains(hash.substring("state hash: ".length())),
            replay.toString());

        // Day 2's --state-out is what warmup over the same sessions writes: day 3 starts as if warmed up through day 2.
        String wrote = live.err.lines().filter(l -> l.contains("wrote state ")).findFirst().orElseThrow();
        StateFile handedOn = StateFile.parse(Files.readAllBytes(day2), day2, LiveFixture.SYMBOLS);
        assertTrue(wrote.contains("wrote state " + handedOn.fingerprintHex()), wrote);
        Path warmedThroughDay2 = dir.resolve("warmup-through-day-2.state");
        warmup(fx, DAY_2.plusDays(1), BLOCKS + 1, warmedThroughDay2);
        assertArrayEquals(Files.readAllBytes(warmedThroughDay2), Files.readAllBytes(day2));
    }

    @Test
    void shouldRefuseAStateTrainedThroughTheSessionOrLaterBeforeAnyOrderOrJournal(@TempDir Path dir) throws Exception {
        LiveFixture fx = new LiveFixture(dir);
        Path throughDay = dir.resolve("through-session.state");
        warmup(fx, LiveFixture.DAY.plusDays(1), 2, throughDay);
        Path afterDay = dir.resolve("after-session.state");
        warmup(fx, DAY_2.plusDays(1), 2, afterDay);
        for (Path state : List.of(throughDay, afterDay)) {
            Path journal = dir.resolve("journal-" + state.getFileName());
            Path stateOut = dir.resolve("out-" + state.getFileName());
            try (ExchangeServer x = fx.exchange(LiveFixture.DAY, SPEED, new FaultPlan())) {
                Cli live = Cli.run(fx.cliArgs(x, "--state", state.toString(), "--journal", journal.toString(),
                    "--state-out", stateOut.toString()));
                assertEquals(ExitCodes.BAD_USAGE, live.exitCode, live.toString());
                assertTrue(live.err.contains("--state was trained through ") && live.err.contains("cannot trade the session "
                    + LiveFixture.DAY + " (that would be look-ahead)"), live.err);
                assertEquals(0, x.orderCount(), "no order placed");
            }
            assertFalse(Files.exists(journal), "no journal opened");
            assertFalse(Files.exists(stateOut), "no state written");
        }
    }

    @Test
    void shouldRefuseACorruptedStateOrOneOfOtherSymbolsNamingTheFile(@TempDir Path dir) throws Exception {
        LiveFixture fx = new LiveFixture(dir);
        Path good = dir.resolve("good.state");
        warmup(fx, LiveFixture.DAY, 2, good);
        byte[] b = Files.readAllBytes(good);
        b[b.length / 2] ^= 0x40;
        Path corrupted = Files.write(dir.resolve("corrupted.state"), b);
        Path threeSymbols = dir.resolve("three.json");
        Files.writeString(threeSymbols, Files.readString(fx.symbolsFile).replace("\"UVXY\",", ""));
        Path other = dir.resolve("other-symbols.state");
        Cli w = Cli.run("warmup", "--data", fx.dataDir.toString(), "--symbols", threeSymbols.toString(), "--params",
            fx.paramsFile.toString(), "--until", LiveFixture.DAY.toString(), "--blocks", "2", "--out", other.toString());
        assertEquals(ExitCodes.OK, w.exitCode, w.toString());
        try (ExchangeServer x = fx.exchange(SPEED, new FaultPlan())) {
            for (String[] c : List.of(new String[] {corrupted.toString(), "corrupted: checksum mismatch"},
                new String[] {other.toString(), "symbols mismatch"})) {
                Cli live = Cli.run(fx.cliArgs(x, "--state", c[0]));
                assertEquals(ExitCodes.BAD_USAGE, live.exitCode, live.toString());
                assertTrue(live.err.contains("--state: state file " + c[0] + ": " + c[1]), live.err);
            }
            assertEquals(0, x.orderCount(), "no order placed");
        }
    }

    @Test
    void shouldWarnThatAStateTrainedBeforeYesterdayLacksTheSessionsSince(@TempDir Path dir) throws Exception {
        LiveFixture fx = new LiveFixture(dir);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (ExchangeServer x = fx.exchange(SPEED, new FaultPlan())) {
            LiveDaemon[] daemon = new LiveDaemon[1];
            // A chain whose 2025-06-09 session ended without --state-out: 06-10 starts from 06-06's state.
            daemon[0] = new LiveDaemon(fx.settings(x, out, err).warmLastDay(LocalDate.of(2025, 6, 6))
                .extraListener(new LiveFaultsTest.Recorder(r -> daemon[0].requestStop("test: warned"))));
            assertEquals(ExitCodes.OK, daemon[0].run(), err.toString(StandardCharsets.UTF_8));
        }
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("sentio live: warning: --state was trained through "
            + "2025-06-06; the sessions after it, through 2025-06-09, are not in it (`sentio warmup --until 2025-06-10`"),
            err.toString(StandardCharsets.UTF_8));
    }

    /** {@code sentio warmup} over the fixture's data, symbols and params; returns the printed fingerprint. */
    private static String warmup(LiveFixture fx, LocalDate until, int blocks, Path out) {
        Cli w = Cli.run("warmup", "--data", fx.dataDir.toString(), "--symbols", fx.symbolsFile.toString(), "--params",
            fx.paramsFile.toString(), "--until", until.toString(), "--blocks", String.valueOf(blocks), "--out", out.toString());
        assertEquals(ExitCodes.OK, w.exitCode, w.toString());
        return hashLine(w.out).substring("state hash: ".length());
    }

    /** A backtest or mock over the fixture's data, symbols and params, with the live run's run id. */
    private static String[] engine(LiveFixture fx, String command, String... extra) {
        List<String> args = new ArrayList<>(List.of(command, "--data", fx.dataDir.toString(), "--symbols",
            fx.symbolsFile.toString(), "--params", fx.paramsFile.toString(), "--run-id", LiveFixture.RUN_ID));
        args.addAll(Arrays.asList(extra));
        return args.toArray(new String[0]);
    }

    private static String hashLine(String out) {
        return out.lines().filter(l -> l.startsWith("state hash: ")).reduce((a, b) -> b)
            .orElseThrow(() -> new AssertionError("no state hash in:\n" + out));
    }
}
