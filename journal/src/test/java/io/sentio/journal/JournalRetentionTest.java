package io.sentio.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.openhft.chronicle.core.io.BackgroundResourceReleaser;
import net.openhft.chronicle.core.time.SetTimeProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalRetentionTest {
    private static final long DAY_MS = 86_400_000L;

    @TempDir
    Path dir;

    private final SetTimeProvider time = new SetTimeProvider(Instant.parse("2026-01-05T15:00:00Z"));

    private Journal open(int retentionDays) {
        return Journal.open(new Journal.Context().directory(dir).symbolCount(JournalTestSupport.N)
            .retentionDays(retentionDays).timeProvider(time));
    }

    private List<String> cycleFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".cq4")).sorted()
                .collect(Collectors.toList());
        }
    }

    /** Writes one record per day for {@code days} days, the clock ending on the last of them. */
    private void writeDays(Journal journal, int days) {
        JournalWriter w = journal.createWriter();
        for (int d = 0; d < days; d++) {
            if (d > 0) {
                time.advanceMillis(DAY_MS);
            }
            w.appendClock(time.currentTimeMillis());
        }
    }

    @Test
    void shouldDeleteCyclesOlderThanTheRetentionButKeepTheRecentOnes() throws Exception {
        try (Journal journal = open(2)) {
            writeDays(journal, 6);
            BackgroundResourceReleaser.releasePendingResources();
            journal.pruneExpiredCycles();
            assertEquals(List.of("20260108F.cq4", "20260109F.cq4", "20260110F.cq4"), cycleFiles());
            JournalReader r = journal.createReader();
            assertTrue(r.next());
            assertEquals(Instant.parse("2026-01-08T15:00:00Z").toEpochMilli(), r.clock().epochMillis());
        }
    }

    @Test
    void shouldPruneOnItsOwnWhenTheWriterRollsToANewDay() throws Exception {
        try (Journal journal = open(1)) {
            writeDays(journal, 4);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (cycleFiles().size() > 2 && System.nanoTime() < deadline) {
                BackgroundResourceReleaser.releasePendingResources();
                journal.createWriter().appendClock(time.currentTimeMillis());
                Thread.sleep(50);
            }
            assertEquals(List.of("20260107F.cq4", "20260108F.cq4"), cycleFiles());
        }
    }

    @Test
    void shouldNeverDeleteTheNewestCycleEvenWhenItIsOlderThanTheRetention() throws Exception {
        try (Journal journal = open(1)) {
            writeDays(journal, 3);
            time.advanceMillis(10 * DAY_MS);
            BackgroundResourceReleaser.releasePendingResources();
            journal.pruneExpiredCycles();
            assertEquals(List.of("20260107F.cq4"), cycleFiles());
        }
    }

    @Test
    void shouldKeepAnOldCycleThatAReaderStillHoldsOpen() throws Exception {
        try (Journal journal = open(1)) {
            JournalWriter w = journal.createWriter();
            w.appendClock(1);
            w.appendClock(2);
            try (JournalReader r = JournalReader.open(dir)) {
                assertTrue(r.next());
                time.advanceMillis(5 * DAY_MS);
                w.appendClock(3);
                BackgroundResourceReleaser.releasePendingResources();
                journal.pruneExpiredCycles();
                assertEquals(List.of("20260105F.cq4", "20260110F.cq4"), cycleFiles());
                assertTrue(r.next());
                assertEquals(2, r.clock().epochMillis());
            }
            BackgroundResourceReleaser.releasePendingResources();
            journal.pruneExpiredCycles();
            assertEquals(List.of("20260110F.cq4"), cycleFiles());
        }
    }

    @Test
    void shouldKeepEverythingWithoutARetention() throws Exception {
        try (Journal journal = open(0)) {
            writeDays(journal, 4);
            BackgroundResourceReleaser.releasePendingResources();
            assertEquals(0, journal.pruneExpiredCycles());
            assertEquals(4, cycleFiles().size());
        }
    }
}
