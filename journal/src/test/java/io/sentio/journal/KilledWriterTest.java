package io.sentio.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.journal.codec.BarSetRecord;
import io.sentio.journal.codec.RecordKind;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A writer process killed with SIGKILL leaves a journal readable up to its last complete record. */
class KilledWriterTest {
    @TempDir
    Path dir;

    private Process startWriter(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("--add-") || arg.startsWith("-Dchronicle") || arg.startsWith("--enable-native")
                || arg.startsWith("--sun-misc")) {
                cmd.add(arg);
            }
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(KilledWriterMain.class.getName());
        cmd.add(dir.toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(new File(dir.toFile(), "child.err")).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertEquals("READY", out.readLine()),
            "child writer did not start; see child.err");
        return p;
    }

    private static void kill9(Process p) throws InterruptedException {
        p.destroyForcibly();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, p.exitValue(), "killed by SIGKILL");
    }

    /** Reads every record, checking each is a whole bar set with the next sequence number. */
    private static long readAllBarSets(JournalReader r) {
        long count = 0;
        while (r.next()) {
            assertEquals(RecordKind.BAR_SET, r.kind());
            assertEquals(count, r.sequence());
            BarSetRecord bars = r.barSet();
            assertEquals(JournalTestSupport.MINUTE + 60 * count, bars.minute());
            assertEquals(1000.0 * 3 + count, bars.volume(3));
            count++;
        }
        return count;
    }

    @Test
    void shouldReadUpToTheLastCompleteRecordAndAppendAgainAfterTheWriterDiedInsideADocument() throws Exception {
        kill9(startWriter("mid-record", "100"));
        try (JournalReader r = JournalReader.open(dir)) {
            assertEquals(100, readAllBarSets(r));
            assertFalse(r.next());
            r.requireEnd();
        }
        try (Journal journal = JournalTestSupport.open(dir)) {
            assertEquals(100, journal.nextSequence());
            JournalTestSupport.appendBarSet(journal.createWriter(), JournalTestSupport.MINUTE + 60 * 100, 100);
        }
        try (JournalReader r = JournalReader.open(dir)) {
            assertEquals(101, readAllBarSets(r));
        }
    }

    @Test
    void shouldReadEveryCompleteRecordWhenTheWriterIsKilledWhileAppending() throws Exception {
        kill9(startWriter("loop"));
        long count;
        try (JournalReader r = JournalReader.open(dir)) {
            count = readAllBarSets(r);
            r.requireEnd();
        }
        assertTrue(count >= KilledWriterMain.LOOP_READY_AFTER, count + " bar sets read");
        try (Journal journal = JournalTestSupport.open(dir)) {
            assertEquals(count, journal.nextSequence());
        }
    }
}
