package io.sentio.launcher.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.launcher.Cli;
import io.sentio.launcher.ExitCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journal on a 2 MB tmpfs (the reproduction; CI runs as root, elsewhere the tests are
 * skipped): the run ends within seconds with the journal exit code and a message naming the
 * directory, whether the space check refuses it up front or a write faults mid-run.
 */
class JournalFullDiskTest {
    @TempDir
    Path tmp;
    private Path mount;

    @BeforeEach
    void mountSmallTmpfs() throws Exception {
        mount = Files.createDirectory(tmp.resolve("tmpfs"));
        Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mount.toString()) == 0,
            "cannot mount a tmpfs here (needs root): skipped");
    }

    /** Lazily: Chronicle may still hold the failed cycle file mapped until its cleaner runs. */
    @AfterEach
    void unmount() throws Exception {
        if (mount != null) {
            run("umount", "-l", mount.toString());
        }
    }

    @Test
    void shouldRefuseToStartAJournalOnAnAlmostFullDisk() {
        Path journal = mount.resolve("j");
        long start = System.nanoTime();
        Cli run = Cli.run(JournalRuns.withConfig("backtest", "--journal", journal.toString()));
        assertEquals(ExitCodes.JOURNAL_FAILED, run.exitCode, run.toString());
        assertTrue(run.err.contains("journal " + journal + ": only 2.0 MB free"), run.err);
        assertTrue(run.err.contains("needs at least 128.0 MB"), run.err);
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(20), "took too long");
    }

    @Test
    void shouldStopWithTheJournalExitCodeWhenTheDiskFillsMidRun() {
        Path journal = mount.resolve("j");
        long start = System.nanoTime();
        Cli run = Cli.run(JournalRuns.withConfig("backtest", "--journal", journal.toString(),
            "--journal-min-free", "0"));
        assertEquals(ExitCodes.JOURNAL_FAILED, run.exitCode, run.toString());
        assertTrue(run.err.contains("sentio: journal " + journal + ": write failed"), run.err);
        assertTrue(run.err.contains("sent nothing it had not journaled"), run.err);
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(30), "took too long");
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(10, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }
}
