package io.sentio.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Free space of a journal's file system. Chronicle maps each daily cycle file in full (80 MB,
 * sparse where the file system allows) and faults, rather than failing a call, when a mapped page
 * cannot be backed: so space is checked before a journal is opened, and watched while it is open.
 */
public final class JournalSpace {
    /** Default minimum free space to open a journal for writing: one preallocated cycle file and margin. */
    public static final long MIN_FREE_BYTES = 128L << 20;
    /** Default free space below which an open journal's watcher warns. */
    public static final long WARN_FREE_BYTES = 512L << 20;

    private JournalSpace() {
    }

    /** Usable bytes on the file system that holds (or will hold) {@code directory}; -1 if unknown. */
    public static long usableBytes(Path directory) {
        Path p = directory.toAbsolutePath();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        if (p == null) {
            return -1;
        }
        try {
            return Files.getFileStore(p).getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }

    /** Throws {@link JournalSpaceException} unless the directory's file system has {@code minFree} bytes free. */
    static void requireFree(Path directory, long minFree) {
        long free = usableBytes(directory);
        if (free >= 0 && free < minFree) {
            throw new JournalSpaceException("journal " + directory + ": only " + megabytes(free)
                + " free on its file system; writing a journal needs at least " + megabytes(minFree)
                + " (Chronicle maps 80 MB per daily cycle file)");
        }
    }

    static String describeFree(Path directory) {
        long free = usableBytes(directory);
        return free < 0 ? "free space unknown" : megabytes(free) + " free";
    }

    static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (double) (1L << 20));
    }
}
