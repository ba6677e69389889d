package io.sentio.launcher.journal;

import static io.sentio.launcher.journal.JournalRuns.assertOk;
import static io.sentio.launcher.journal.JournalRuns.count;
import static io.sentio.launcher.journal.JournalRuns.hash;
import static io.sentio.launcher.journal.JournalRuns.records;
import static io.sentio.launcher.journal.JournalRuns.withConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.core.testing.TestBars;
import io.sentio.journal.JournalReader;
import io.sentio.journal.codec.JournalFormat;
import io.sentio.journal.codec.RecordKind;
import io.sentio.launcher.Cli;
import io.sentio.launcher.ExitCodes;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** backtest/mock --journal over the synthetic market, then sentio replay both ways. */
class JournalReplayTest {
    @TempDir
    Path tmp;

    private Cli backtest(Path journal) {
        return Cli.run(withConfig("backtest", "--to", "2025-04-08", "--journal", journal.toString()));
    }

    @Test
    void shouldJournalEveryBarSetAndOneOutputSetPerBarSet() {
        Path journal = tmp.resolve("j");
        Cli run = backtest(journal);
        assertOk(run);
        long barSets = count(journal, RecordKind.BAR_SET);
        assertEquals(6 * 391, barSets, "six sessions of 391 minutes, as received");
        assertEquals(barSets, count(journal, RecordKind.SIGNALS) + count(journal, RecordKind.SKIPPED)
            + count(journal, RecordKind.FAILED));
        assertEquals(6, count(journal, RecordKind.SESSION_SUMMARY));
        assertTrue(count(journal, RecordKind.ORDER) > 0, "the synthetic market trades");
        assertEquals(count(journal, RecordKind.ORDER), count(journal, RecordKind.FILL),
            "every order filled or was cancelled by the end of its session");
        List<String> end = records(journal, RecordKind.RUN_END);
        assertEquals(List.of("RUN_END barSets=" + barSets + " stateHash=" + hash(run)), end);
    }

    @Test
    void shouldReplayABacktestJournalIdenticallyAndPrintTheHash() {
        Path journal = tmp.resolve("j");
        Cli run = backtest(journal);
        assertOk(run);
        Cli replay = Cli.run("replay", "--journal", journal.toString());
        assertEquals(ExitCodes.OK, replay.exitCode, replay.toString());
        assertTrue(replay.out.startsWith("replay identical: " + 6 * 391 + " events, "), replay.out);
        assertEquals(hash(run), hash(replay));
    }

    /** The latency layout (lead thread, helper, deferred learning) journals what the throughput layout does. */
    @Test
    void shouldJournalTheSameOutputsAndStateHashWithEitherLayout() {
        Path latency = tmp.resolve("latency");
        Path throughput = tmp.resolve("throughput");
        Cli l = Cli.run(withConfig("backtest", "--to", "2025-04-08", "--layout", "latency", "--journal", latency.toString()));
        Cli t = Cli.run(withConfig("backtest", "--to", "2025-04-08", "--layout", "throughput", "--journal",
            throughput.toString()));
        assertOk(l);
        assertOk(t);
        RecordKind[] outputs = {RecordKind.SIGNALS, RecordKind.DECISION, RecordKind.ORDER, RecordKind.FILL,
            RecordKind.SKIPPED, RecordKind.SESSION_SUMMARY, RecordKind.RUN_END};
        List<String> expected = records(throughput, outputs);
        assertTrue(expected.size() > 6 * 391, "a SIGNALS record per bar set at least: " + expected.size());
        assertEquals(expected, records(latency, outputs));
        assertEquals(hash(t), hash(l));
        Cli bad = Cli.run(withConfig("backtest", "--to", "2025-04-08", "--layout", "fast"));
        assertEquals(ExitCodes.BAD_USAGE, bad.exitCode, bad.toString());
        assertTrue(bad.err.contains("layout must be latency or throughput, got 'fast'"), bad.err);
    }

    /**
     * A journal of format version 3 (or 2) was computed by the learner arithmetic before fused
     * multiply-adds and the predict-first confidence: replay says so instead of diverging at some
     * last bit of a SIGNALS double.
     */
    @Test
    void shouldRefuseAJournalOfTheArithmeticBeforeFormatVersion4WithExitFour() throws Exception {
        Path journal = tmp.resolve("j");
        assertOk(backtest(journal));
        rewriteRunHeaderVersion(journal, JournalFormat.PRE_FMA_VERSION);
        Cli verify = Cli.run("journal", "verify", "--journal", journal.toString());
        assertEquals(ExitCodes.OK, verify.exitCode, "a version 3 journal still reads and checks: " + verify);
        Cli replay = Cli.run("replay", "--journal", journal.toString());
        assertEquals(ExitCodes.REPLAY_DIVERGED, replay.exitCode, replay.toString());
        assertTrue(replay.out.contains("was written with journal format version " + JournalFormat.PRE_FMA_VERSION)
            && replay.out.contains("replay it with the build that wrote it"), replay.out);
    }

    /** Sets the RUN_HEADER record's format version byte and rewrites its CRC32C, as an older build wrote it. */
    private static void rewriteRunHeaderVersion(Path journal, byte version) throws Exception {
        byte[] record;
        try (JournalReader r = JournalReader.open(journal)) {
            assertTrue(r.next());
            assertEquals(RecordKind.RUN_HEADER, r.kind());
            record = Arrays.copyOf(r.buffer().byteArray(), r.length());
        }
        Path file;
        try (Stream<Path> files = Files.list(journal)) {
            file = files.filter(f -> f.toString().endsWith(".cq4")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(file);
        int at = -1;
        for (int i = 0; at < 0 && i + record.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + record.length, record, 0, record.length)) {
                at = i;
            }
        }
        assertTrue(at >= 0, "RUN_HEADER found in " + file);
        bytes[at + JournalFormat.FORMAT_VERSION] = version;
        CRC32C crc = new CRC32C();
        crc.update(bytes, at, record.length);
        ByteBuffer.wrap(bytes, at + record.length, 4).order(JournalFormat.ORDER).putInt((int) crc.getValue());
        Files.write(file, bytes);
    }

    @Test
    void shouldReplayAnExpectedReturnDeskJournalIdentically() throws Exception {
        Path params = tmp.resolve("expected-return.json");
        String original = Files.readString(JournalRuns.params());
        Files.writeString(params, original.replaceFirst("\"decision\": \"probability\"", "\"decision\": \"expected_return\"")
            .replaceFirst("\"min_labels\": [0-9]+", "\"min_labels\": 200"));
        assertTrue(Files.readString(params).contains("expected_return"), "the test changes the rule");
        Path journal = tmp.resolve("er");
        Cli run = Cli.run("backtest", "--to", "2025-04-08", "--journal", journal.toString(), "--params", params.toString(),
            "--symbols", Cli.configDir().resolve("symbols.json").toString());
        assertOk(run);
        assertTrue(count(journal, RecordKind.ORDER) > 0, "the expected_return desk trades the synthetic market");
        Cli probability = backtest(tmp.resolve("p"));
        assertTrue(!hash(run).equals(hash(probability)), "another rule, another state");
        Cli replay = Cli.run("replay", "--journal", journal.toString());
        assertEquals(ExitCodes.OK, replay.exitCode, replay.toString());
        assertEquals(hash(run), hash(replay));
    }

    @Test
    void shouldReplayAMockJournalIdentically() {
        Path journal = tmp.resolve("m");
        Cli run = Cli.run(withConfig("mock", "--speed", "0", "--journal", journal.toString()));
        assertOk(run);
        Cli replay = Cli.run("replay", "--journal", journal.toString());
        assertEquals(ExitCodes.OK, replay.exitCode, replay.toString());
        assertEquals(hash(run), hash(replay));
    }

    @Test
    void shouldDivergeWithExitFourNamingEventKindFieldAndValuesWhenAParamChanges() throws Exception {
        Path journal = tmp.resolve("j");
        assertOk(backtest(journal));
        Path changed = tmp.resolve("params.json");
        String original = Files.readString(JournalRuns.params());
        Files.writeString(changed, original.replaceFirst("\"buy_threshold\": [0-9.]+", "\"buy_threshold\": 0.6"));
        assertTrue(!original.equals(Files.readString(changed)), "the test changes a value");
        Cli replay = Cli.run("replay", "--journal", journal.toString(), "--params", changed.toString());
        assertEquals(ExitCodes.REPLAY_DIVERGED, replay.exitCode, replay.toString());
        assertTrue(replay.out.matches("(?s)replay diverged at event \\d+ \\(minute .*\\), output #\\d+ .*: "
            + "(SIGNALS|DECISION|ORDER|FILL) field \\S+: expected \\S+, actual \\S+\\s*"), replay.out);
    }

    @Test
    void shouldReplayAJournalOfSessionsReadFromBarFilesIdentically() {
        Path data = Cli.syntheticData(tmp.resolve("synthetic"), "2025-08-25", 5);
        assertReplaysThreeSessionsOfBarFilesIdentically(data, Cli.configDir().resolve("symbols.json"));
    }

    @Test
    @Tag(TestBars.REAL_DATA)
    void shouldReplayAJournalOfRealSessionsIdentically() {
        assertReplaysThreeSessionsOfBarFilesIdentically(Cli.realData(), Cli.configDir().resolve("symbols-real.json"));
    }

    private void assertReplaysThreeSessionsOfBarFilesIdentically(Path data, Path symbols) {
        Path journal = tmp.resolve("files");
        Cli run = Cli.run("backtest", "--data", data.toString(), "--symbols", symbols.toString(),
            "--params", JournalRuns.params().toString(),
            "--from", "2025-08-27", "--to", "2025-08-29", "--journal", journal.toString());
        assertOk(run);
        assertEquals(3 * 391, count(journal, RecordKind.BAR_SET));
        Cli replay = Cli.run("replay", "--journal", journal.toString());
        assertEquals(ExitCodes.OK, replay.exitCode, replay.toString());
        assertEquals(hash(run), hash(replay));
    }

    @Test
    void shouldReplayIdenticallyWithAnUnchangedParamsFileGiven() {
        Path journal = tmp.resolve("j");
        assertOk(backtest(journal));
        Cli replay = Cli.run("replay", "--journal", journal.toString(), "--params", JournalRuns.params().toString());
        assertEquals(ExitCodes.OK, replay.exitCode, replay.toString());
    }

    @Test
    void shouldRerunAFinishedRunAgainstItsJournalWithoutAppending() {
        Path journal = tmp.resolve("j");
        Cli first = backtest(journal);
        assertOk(first);
        List<String> before = records(journal, RecordKind.values());
        Cli again = backtest(journal);
        assertOk(again);
        assertEquals(hash(first), hash(again));
        assertEquals(before, records(journal, RecordKind.values()), "a verified re-run appends nothing");
    }

    @Test
    void shouldRefuseAJournalOfAnotherRunWithExitTwo() {
        Path journal = tmp.resolve("j");
        assertOk(backtest(journal));
        Cli other = Cli.run(withConfig("backtest", "--to", "2025-04-08", "--run-id", "other", "--journal",
            journal.toString()));
        assertEquals(ExitCodes.BAD_USAGE, other.exitCode, other.toString());
        assertTrue(other.err.contains("holds another run (its run id"), other.err);
    }
}
