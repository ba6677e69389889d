package io.sentio.launcher.journal;

import static io.sentio.launcher.journal.JournalRuns.assertOk;
import static io.sentio.launcher.journal.JournalRuns.hash;
import static io.sentio.launcher.journal.JournalRuns.records;
import static io.sentio.launcher.journal.JournalRuns.withConfig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.journal.codec.RecordKind;
import io.sentio.launcher.Cli;
import io.sentio.launcher.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sentio warmup over the synthetic market, and --state on backtest, mock and replay. */
class WarmStateTest {
    @TempDir
    Path tmp;
    Path state;
    String fingerprint;

    @BeforeEach
    void warmup() {
        state = tmp.resolve("w.state");
        Cli w = Cli.run(withConfig("warmup", "--blocks", "5", "--until", "2025-04-15", "--out", state.toString()));
        assertOk(w);
        fingerprint = hash(w);
        assertTrue(w.err.contains("on 5 sessions 2025-04-08..2025-04-14 (1955 bar sets)"), w.err);
    }

    @Test
    void shouldWriteTheSameStateFileForTheSameInputs() throws Exception {
        Path again = tmp.resolve("again.state");
        assertOk(Cli.run(withConfig("warmup", "--blocks", "5", "--until", "2025-04-15", "--out", again.toString())));
        assertArrayEquals(Files.readAllBytes(state), Files.readAllBytes(again));
    }

    @Test
    void shouldPrintTheLoadedFingerprintAndRecordItInTheJournalHeader() {
        Path journal = tmp.resolve("j");
        Cli run = Cli.run(withConfig("backtest", "--state", state.toString(), "--to", "2025-04-17", "--journal",
            journal.toString()));
        assertOk(run);
        assertTrue(run.err.contains("loaded state " + fingerprint + " (12 symbols, 5 sessions 2025-04-08..2025-04-14"),
            run.err);
        assertTrue(records(journal, RecordKind.RUN_HEADER).get(0).contains("stateFingerprint=" + fingerprint.replaceFirst("^0+", "")));
        assertEquals(List.of("STATE_SNAPSHOT fingerprint=" + fingerprint + " bytes=" + fileSize()),
            records(journal, RecordKind.STATE_SNAPSHOT));
        assertTrue(records(journal, RecordKind.BAR_SET).get(0).contains("2025-04-15T09:30"),
            "the run starts after the state's last session");
        Cli replay = Cli.run("replay", "--journal", journal.toString());
        assertEquals(ExitCodes.OK, replay.exitCode, replay.toString());
        assertEquals(hash(run), hash(replay));
    }

    private long fileSize() {
        try {
            return Files.size(state);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void shouldStartWarmNotCold() {
        Cli warm = Cli.run(withConfig("backtest", "--state", state.toString(), "--to", "2025-04-17"));
        Cli cold = Cli.run(withConfig("backtest", "--from", "2025-04-15", "--to", "2025-04-17"));
        assertOk(warm);
        assertOk(cold);
        assertNotEquals(hash(cold), hash(warm));
    }

    @Test
    void shouldMockTheSessionsAfterTheStateUnpacedThenTheDate() {
        Cli mock = Cli.run(withConfig("mock", "--speed", "0", "--state", state.toString(), "--date", "2025-04-17"));
        assertOk(mock);
        assertTrue(mock.err.contains("loaded state " + fingerprint), mock.err);
        Cli early = Cli.run(withConfig("mock", "--speed", "0", "--state", state.toString(), "--date", "2025-04-14"));
        assertEquals(ExitCodes.BAD_USAGE, early.exitCode, early.toString());
        assertTrue(early.err.contains("look-ahead"), early.err);
    }

    @Test
    void shouldRefuseABacktestFromBeforeTheStatesLastSession() {
        Cli run = Cli.run(withConfig("backtest", "--state", state.toString(), "--from", "2025-04-10"));
        assertEquals(ExitCodes.BAD_USAGE, run.exitCode, run.toString());
        assertTrue(run.err.contains("look-ahead"), run.err);
    }

    private Cli backtestWith(Path file) {
        return Cli.run(withConfig("backtest", "--state", file.toString(), "--to", "2025-04-16"));
    }

    private void assertRefused(Path file, String reason) {
        Cli run = backtestWith(file);
        assertEquals(ExitCodes.BAD_USAGE, run.exitCode, run.toString());
        assertTrue(run.err.contains(reason), run.err);
    }

    @Test
    void shouldRefuseATruncatedStateFile() throws Exception {
        byte[] b = Files.readAllBytes(state);
        Path cut = Files.write(tmp.resolve("cut.state"), Arrays.copyOf(b, b.length / 2));
        assertRefused(cut, "truncated");
    }

    @Test
    void shouldRefuseACorruptedStateFile() throws Exception {
        byte[] b = Files.readAllBytes(state);
        b[b.length / 2] ^= 0x40;
        assertRefused(Files.write(tmp.resolve("bad.state"), b), "corrupted: checksum mismatch");
    }

    @Test
    void shouldRefuseAStateFileOfAnotherVersion() throws Exception {
        byte[] b = Files.readAllBytes(state);
        b[8] = 99;
        assertRefused(Files.write(tmp.resolve("v99.state"), b), "unsupported version");
    }

    @Test
    void shouldRefuseAStateFileOfOtherSymbols() throws Exception {
        Path symbols = tmp.resolve("symbols.json");
        String json = Files.readString(Cli.configDir().resolve("symbols.json"));
        Files.writeString(symbols, json.replaceFirst("\"SVIX\",\\s*\"SVXY\"", "\"SVXY\", \"SVIX\""));
        Cli run = Cli.run("backtest", "--state", state.toString(), "--params", JournalRuns.params().toString(),
            "--symbols", symbols.toString());
        assertEquals(ExitCodes.BAD_USAGE, run.exitCode, run.toString());
        assertTrue(run.err.contains("symbols mismatch"), run.err);
    }

    @Test
    void shouldRefuseAStateFileTrainedWithOtherParams() throws Exception {
        Path params = tmp.resolve("p.json");
        Files.writeString(params, Files.readString(JournalRuns.params()).replace("\"cash_buffer\": 0.02", "\"cash_buffer\": 0.03"));
        Cli run = Cli.run("backtest", "--state", state.toString(), "--params", params.toString(), "--symbols",
            Cli.configDir().resolve("symbols.json").toString());
        assertEquals(ExitCodes.BAD_USAGE, run.exitCode, run.toString());
        assertTrue(run.err.contains("params mismatch"), run.err);
    }
}
