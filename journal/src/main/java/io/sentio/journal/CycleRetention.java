package io.sentio.journal;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.StoreFileListener;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.util.FileUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes daily cycle files older than the retention. A file is deleted only if all of these hold:
 * its cycle is more than {@code retentionDays} before the current cycle; it is neither the current
 * cycle nor the newest cycle on disk (an idle writer still appends to the newest); and Chronicle
 * lists it as a removable candidate, i.e. no process (this one included) holds it open, so a
 * tailer still reading an old day keeps that day alive. Runs when the journal is opened and, on
 * its own daemon thread, whenever Chronicle releases a cycle file (at the daily roll, 00:00 UTC):
 * Chronicle calls the listener on the appending thread, and listing the open files of every
 * process takes long enough (~0.5 s on a busy machine) that it must not stall an append.
 */
final class CycleRetention implements StoreFileListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CycleRetention.class);
    private static final long DAY_MILLIS = 86_400_000L;

    private final int retentionDays;
    private final DateTimeFormatter fileDate;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sentio-journal-retention");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean pending = new AtomicBoolean();
    private SingleChronicleQueue queue;

    CycleRetention(int retentionDays, RollCycle rollCycle) {
        if (rollCycle.lengthInMillis() != DAY_MILLIS) {
            throw new IllegalArgumentException("retention needs a daily roll cycle, not " + rollCycle);
        }
        this.retentionDays = retentionDays;
        this.fileDate = DateTimeFormatter.ofPattern(rollCycle.format()).withZone(ZoneOffset.UTC);
    }

    void attach(SingleChronicleQueue queue) {
        this.queue = queue;
    }

    @Override
    public void onReleased(int cycle, File file) {
        if (queue != null && !queue.isClosing() && pending.compareAndSet(false, true)) {
            background.execute(() -> {
                pending.set(false);
                prune();
            });
        }
    }

    /** Waits for a running prune to finish, so the queue can be closed under it. */
    @Override
    public void close() {
        background.shutdown();
        try {
            if (!background.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("journal retention: pruning still running after 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Deletes the expired, released cycle files; returns how many were deleted. */
    synchronized int prune() {
        if (queue.isClosing()) {
            return 0;
        }
        int current = queue.cycle();
        int newest = queue.lastCycle();
        long oldestKept = (long) current - retentionDays;
        List<File> candidates = FileUtil.removableRollFileCandidates(queue.file()).collect(Collectors.toList());
        int deleted = 0;
        for (File file : candidates) {
            long cycle = cycleOf(file);
            if (cycle >= 0 && cycle < oldestKept && cycle < current && cycle != newest) {
                try {
                    Files.deleteIfExists(file.toPath());
                    deleted++;
                    LOG.info("journal retention: deleted {} (cycle {}, current {}, keep {} days)",
                        file, cycle, current, retentionDays);
                } catch (IOException e) {
                    LOG.warn("journal retention: cannot delete {}: {}", file, e.toString());
                }
            }
        }
        if (deleted > 0) {
            queue.refreshDirectoryListing();
        }
        return deleted;
    }

    /** The cycle (days since 1970-01-01 UTC) a daily cycle file holds, or -1 if the name is not one. */
    long cycleOf(File file) {
        String name = file.getName();
        if (!name.endsWith(SingleChronicleQueue.SUFFIX)) {
            return -1;
        }
        try {
            return LocalDate.parse(name.substring(0, name.length() - SingleChronicleQueue.SUFFIX.length()), fileDate)
                .toEpochDay();
        } catch (DateTimeParseException e) {
            return -1;
        }
    }
}
