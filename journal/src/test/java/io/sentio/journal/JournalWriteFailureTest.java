package io.sentio.journal;

import static io.sentio.journal.JournalTestSupport.MINUTE;
import static io.sentio.journal.JournalTestSupport.N;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalWriteFailureTest {
    @TempDir
    Path dir;

    @Test
    void shouldRefuseToOpenWithLessFreeSpaceThanTheMinimum() {
        Path journalDir = dir.resolve("j");
        JournalSpaceException e = assertThrows(JournalSpaceException.class, () -> Journal.open(
            new Journal.Context().directory(journalDir).symbolCount(N).minFreeBytes(Long.MAX_VALUE)));
        assertTrue(e.getMessage().contains(journalDir.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("needs at least"), e.getMessage());
        assertTrue(Files.notExists(journalDir), "nothing is created when the check fails");
    }

    /** A cycle file cut short under the writer: its next access to the mapped pages faults, as on a full disk. */
    @Test
    void shouldFailEveryLaterAppendOfEveryWriterOnceOneWriteFaulted() throws IOException {
        try (Journal journal = JournalTestSupport.open(dir)) {
            JournalWriter first = journal.createWriter();
            JournalWriter second = journal.createWriter();
            JournalTestSupport.appendBarSet(first, MINUTE, 0);
            truncateCycleFiles();
            JournalWriteException failure = assertThrows(JournalWriteException.class, () -> {
                for (int k = 1; k < 100_000; k++) {
                    JournalTestSupport.appendBarSet(first, MINUTE + 60L * k, k);
                }
            });
            assertTrue(failure.getMessage().contains("journal " + dir + ": write failed"), failure.getMessage());
            assertSame(failure, journal.writeFailure());
            assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
                assertSame(failure, assertThrows(JournalWriteException.class, () -> second.appendClock(1L)));
                assertSame(failure, assertThrows(JournalWriteException.class,
                    () -> JournalTestSupport.appendBarSet(first, MINUTE, 0)));
            }, "a failed journal must not wait on Chronicle's write lock");
        }
    }

    @Test
    void shouldReportNoFailureWhileWritesSucceed() {
        try (Journal journal = JournalTestSupport.open(dir)) {
            JournalTestSupport.appendBarSet(journal.createWriter(), MINUTE, 0);
            assertNull(journal.writeFailure());
            assertEquals(1, journal.nextSequence());
        }
    }

    private void truncateCycleFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".cq4"))::iterator) {
                try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
                    raf.setLength(0);
                }
            }
        }
    }
}
