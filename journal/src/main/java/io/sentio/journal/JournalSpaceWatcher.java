package io.sentio.journal;

import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Polls an open journal's free space off the hot path (one daemon thread) and warns once each
 * time it falls below the threshold, so an operator hears of a filling disk before a write faults.
 * Never touches records: the journal's content does not depend on it.
 */
final class JournalSpaceWatcher implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("io.sentio.journal");
    private final Path directory;
    private final long warnBelow;
    private final ScheduledExecutorService timer;
    private boolean warned;

    JournalSpaceWatcher(Path directory, long warnBelow, long periodMillis) {
        this.directory = directory;
        this.warnBelow = warnBelow;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sentio-journal-space");
            t.setDaemon(true);
            return t;
        });
        poll();
        timer.scheduleWithFixedDelay(this::poll, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** Whether free space is below the threshold now (as of the last poll). */
    synchronized boolean low() {
        return warned;
    }

    private synchronized void poll() {
        long free = JournalSpace.usableBytes(directory);
        boolean low = free >= 0 && free < warnBelow;
        if (low && !warned) {
            LOG.log(System.Logger.Level.WARNING, "journal " + directory + ": only " + JournalSpace.megabytes(free)
                + " free on its file system (warning below " + JournalSpace.megabytes(warnBelow)
                + "); a full disk stops the run");
        }
        warned = low;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
