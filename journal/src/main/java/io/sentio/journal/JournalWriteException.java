package io.sentio.journal;

import java.nio.file.Path;

/**
 * A journal append that did not reach the file (full disk, a fault in Chronicle's mapped memory,
 * an I/O error). Sticky: after the first one, every append to the same journal throws it again
 * without touching the file, so no writer waits on a lock the failed one may still hold.
 */
public final class JournalWriteException extends JournalException {
    private static final long serialVersionUID = 1L;
    private final transient Path directory;

    JournalWriteException(Path directory, Throwable cause) {
        super("journal " + directory + ": write failed (" + JournalSpace.describeFree(directory) + "): " + cause,
            cause);
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }
}
