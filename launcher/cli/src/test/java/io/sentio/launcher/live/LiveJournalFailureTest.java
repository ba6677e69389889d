package io.sentio.launcher.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.journal.codec.RunHeader;
import io.sentio.journal.codec.RunMode;
import io.sentio.journal.pipeline.RunJournal;
import io.sentio.launcher.ExitCodes;
import io.sentio.launcher.BuildInfo;
import io.sentio.launcher.exchange.ExchangeServer;
import io.sentio.launcher.exchange.FaultPlan;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live daemon against the stand-in exchange when its journal stops taking writes mid-session
 * while it holds a position: the journal's cycle file is cut short under it, so the next write
 * faults exactly as on a full disk. The session stops within seconds with the journal exit code,
 * flattening (the default) or keeping (halt) its positions, and says so on stderr and in the
 * fallback file beside the journal.
 */
class LiveJournalFailureTest {
    private static final double SPEED = 600;

    @Test
    void shouldFlattenAndExitWithTheJournalCodeWhenTheJournalFails(@TempDir Path dir) throws Exception {
        Outcome o = runUntilJournalFails(dir, true);
        assertEquals(ExitCodes.JOURNAL_FAILED, o.exit, o.log);
        assertTrue(o.log.contains("write failed"), o.log);
        assertTrue(o.log.contains("flattening the session's positions"), o.log);
        assertTrue(o.log.contains("sentio live: flatten: closing order for "), o.log);
        assertEquals(List.of(), o.brokerAtEnd, "flattened:\n" + o.log);
        assertTrue(o.fallback.contains("sentio live: flatten: closing order for "), o.fallback);
        assertTrue(o.fallback.contains("broker flat"), o.fallback);
    }

    @Test
    void shouldHaltKeepingThePositionsWhenToldTo(@TempDir Path dir) throws Exception {
        Outcome o = runUntilJournalFails(dir, false);
        assertEquals(ExitCodes.JOURNAL_FAILED, o.exit, o.log);
        assertTrue(o.log.contains("HALTED holding the session's positions"), o.log);
        assertFalse(o.log.contains("flatten: closing order"), o.log);
        assertFalse(o.brokerAtEnd.isEmpty(), "the position is kept:\n" + o.log);
        assertTrue(o.fallback.contains("HALTED"), o.fallback);
    }

    private static Outcome runUntilJournalFails(Path dir, boolean flatten) throws Exception {
        LiveFixture fx = new LiveFixture(dir);
        Path journal = dir.resolve("journal");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (ExchangeServer x = fx.exchange(SPEED, new FaultPlan())) {
            LiveSettings settings = fx.settings(x, out, err).flattenOnJournalFailure(flatten)
                .journal((runId, shards) -> RunJournal.open(journal, new RunHeader(runId, BuildInfo.codeVersion(),
                    RunMode.LIVE_PAPER, System.currentTimeMillis(), 0, fx.universe.symbols(), bytes(fx.paramsFile),
                    bytes(fx.symbolsFile)), shards, 0, null));
            CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> {
                try {
                    return new LiveDaemon(settings).run();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (x.positions().isEmpty() && !run.isDone() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertFalse(x.positions().isEmpty(), "the daemon took a position before the fault");
            cutCycleFiles(journal);
            long cut = System.nanoTime();
            int exit = run.get(60, TimeUnit.SECONDS);
            long stoppedAfterMillis = (System.nanoTime() - cut) / 1_000_000;
            String log = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
            Files.writeString(Path.of("target", "live-journal-failure-" + (flatten ? "flatten" : "halt") + ".log"), log);
            assertTrue(stoppedAfterMillis < 35_000, "stopped " + stoppedAfterMillis + " ms after the fault:\n" + log);
            Path fallback = dir.resolve("journal.failure.txt");
            assertTrue(Files.exists(fallback), "fallback file beside the journal:\n" + log);
            return new Outcome(exit, log, x.positions(), Files.readString(fallback));
        }
    }

    private static void cutCycleFiles(Path journal) throws IOException {
        try (Stream<Path> files = Files.list(journal)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".cq4"))::iterator) {
                try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
                    raf.setLength(0);
                }
            }
        }
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Outcome {
        final int exit;
        final String log;
        final List<String> brokerAtEnd;
        final String fallback;

        Outcome(int exit, String log, List<String> brokerAtEnd, String fallback) {
            this.exit = exit;
            this.log = log;
            this.brokerAtEnd = brokerAtEnd;
            this.fallback = fallback;
        }
    }
}
