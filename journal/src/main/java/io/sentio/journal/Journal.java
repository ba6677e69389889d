package io.sentio.journal;

import io.sentio.journal.codec.JournalFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import net.openhft.chronicle.core.time.SystemTimeProvider;
import net.openhft.chronicle.core.time.TimeProvider;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.queue.impl.StoreFileListener;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * A run's journal: one Chronicle Queue directory, daily cycles rolled at 00:00 UTC, optional
 * retention of old cycles. Owns the queue; hands out one {@link JournalWriter} per writing thread
 * and {@link JournalReader}s. Record sequence numbers are shared by all writers of the journal and
 * continue from the last record on disk, so a restarted run extends the same sequence.
 */
public final class Journal implements AutoCloseable {
    private final SingleChronicleQueue queue;
    private final CycleRetention retention;
    private final int symbolCount;
    private final AtomicLong nextSequence;
    private final List<AutoCloseable> opened = new ArrayList<>();
    private final JournalSpaceWatcher space;
    private volatile JournalWriteException writeFailure;

    private Journal(Context ctx) {
        JournalSpace.requireFree(ctx.directory, ctx.minFreeBytes);
        this.symbolCount = ctx.symbolCount;
        this.retention = ctx.retentionDays > 0 ? new CycleRetention(ctx.retentionDays, RollCycles.FAST_DAILY) : null;
        this.queue = builder(ctx.directory)
            .timeProvider(ctx.timeProvider)
            .storeFileListener(retention == null ? StoreFileListener.noOp() : retention)
            .build();
        this.nextSequence = new AtomicLong(lastSequence(queue) + 1);
        if (retention != null) {
            retention.attach(queue);
            retention.prune();
        }
        this.space = new JournalSpaceWatcher(ctx.directory, ctx.warnFreeBytes, ctx.spacePollMillis);
    }

    static SingleChronicleQueueBuilder builder(Path directory) {
        return SingleChronicleQueueBuilder.binary(directory)
            .rollCycle(RollCycles.FAST_DAILY)
            .rollTime(LocalTime.MIDNIGHT, ZoneOffset.UTC);
    }

    public static Journal open(Context ctx) {
        return new Journal(ctx.conclude());
    }

    private static long lastSequence(SingleChronicleQueue queue) {
        try (ExcerptTailer tailer = queue.createTailer()) {
            tailer.direction(TailerDirection.BACKWARD).toEnd();
            try (DocumentContext dc = tailer.readingDocument()) {
                if (!dc.isPresent()) {
                    return -1;
                }
                var bytes = dc.wire().bytes();
                return bytes.readLong(bytes.readPosition() + JournalFormat.SEQUENCE);
            }
        }
    }

    /** A writer for the calling thread: Chronicle appenders must not be shared between threads. */
    public synchronized JournalWriter createWriter() {
        JournalWriter writer = new JournalWriter(this, queue.createAppender(), symbolCount, nextSequence);
        opened.add(writer);
        return writer;
    }

    public synchronized JournalReader createReader() {
        JournalReader reader = new JournalReader(queue, false);
        opened.add(reader);
        return reader;
    }

    /**
     * Records of {@code kinds} already in the journal when it was opened, for a recovering writer
     * ({@link JournalWriter#verifyAgainst}); create it on the thread that will use it.
     */
    public RecordVerifier createVerifier(long sequenceLimit, io.sentio.journal.codec.RecordKind... kinds) {
        return createVerifier(sequenceLimit, 0, io.sentio.journal.codec.JournalFormat.MAX_DESK, kinds);
    }

    /** {@link #createVerifier(long, io.sentio.journal.codec.RecordKind...)} of the records of desks {@code deskFrom..deskTo}. */
    public synchronized RecordVerifier createVerifier(long sequenceLimit, int deskFrom, int deskTo,
                                                     io.sentio.journal.codec.RecordKind... kinds) {
        RecordVerifier v = new RecordVerifier(new JournalReader(queue, false), sequenceLimit, deskFrom, deskTo, kinds);
        opened.add(v);
        return v;
    }

    /** Deletes expired cycle files now; 0 when no retention is configured. */
    public int pruneExpiredCycles() {
        return retention == null ? 0 : retention.prune();
    }

    public Path directory() {
        return queue.file().toPath();
    }

    /** The sequence number the next record will get. */
    public long nextSequence() {
        return nextSequence.get();
    }

    public boolean isClosed() {
        return queue.isClosed();
    }

    /** The first failed append of any writer of this journal, or null; once set, every append throws it. */
    public JournalWriteException writeFailure() {
        return writeFailure;
    }

    /** Whether free space was below the warning threshold at the last poll. */
    public boolean spaceLow() {
        return space.low();
    }

    void requireWritable() {
        JournalWriteException f = writeFailure;
        if (f != null) {
            throw f;
        }
    }

    /** Records the first write failure (later ones are consequences of it) and returns it. */
    synchronized JournalWriteException writeFailed(Throwable cause) {
        if (writeFailure == null) {
            writeFailure = new JournalWriteException(directory(), cause);
        }
        return writeFailure;
    }

    /**
     * Closes writers, readers and the queue. After a write failure closing is best effort: the
     * mapped file may fault again, and the failure already says what went wrong.
     */
    @Override
    public synchronized void close() {
        space.close();
        for (AutoCloseable c : opened) {
            try {
                c.close();
            } catch (Exception | InternalError e) {
                if (writeFailure == null) {
                    throw new JournalException("closing " + c + " failed", e);
                }
            }
        }
        opened.clear();
        if (retention != null) {
            retention.close();
        }
        try {
            queue.close();
        } catch (RuntimeException | InternalError e) {
            if (writeFailure == null) {
                throw e;
            }
        }
    }

    /** Settings of a journal, validated by {@link #conclude()}. */
    public static final class Context {
        private Path directory;
        private int symbolCount;
        private int retentionDays;
        private TimeProvider timeProvider = SystemTimeProvider.INSTANCE;
        private long minFreeBytes = JournalSpace.MIN_FREE_BYTES;
        private long warnFreeBytes = JournalSpace.WARN_FREE_BYTES;
        private long spacePollMillis = 5_000;

        public Context directory(Path directory) {
            this.directory = directory;
            return this;
        }

        /** Number of symbols of the universe: the width of BAR_SET and SIGNALS records. */
        public Context symbolCount(int symbolCount) {
            this.symbolCount = symbolCount;
            return this;
        }

        /** Keep the current daily cycle and this many before it; 0 keeps everything (the default). */
        public Context retentionDays(int retentionDays) {
            this.retentionDays = retentionDays;
            return this;
        }

        /** Chronicle's clock for cycle rolling only; records never read it. */
        public Context timeProvider(TimeProvider timeProvider) {
            this.timeProvider = timeProvider;
            return this;
        }

        /** Opening fails with {@link JournalSpaceException} when less than this is free (default 128 MB). */
        public Context minFreeBytes(long minFreeBytes) {
            this.minFreeBytes = minFreeBytes;
            return this;
        }

        /** The space watcher warns when less than this is free (default 512 MB). */
        public Context warnFreeBytes(long warnFreeBytes) {
            this.warnFreeBytes = warnFreeBytes;
            return this;
        }

        /** How often the space watcher polls (default 5 s). */
        public Context spacePollMillis(long spacePollMillis) {
            this.spacePollMillis = spacePollMillis;
            return this;
        }

        public Context conclude() {
            if (directory == null) {
                throw new IllegalArgumentException("journal directory is not set");
            }
            if (Files.exists(directory) && !Files.isDirectory(directory)) {
                throw new IllegalArgumentException("journal path is not a directory: " + directory);
            }
            if (symbolCount < 1 || symbolCount > JournalFormat.MAX_SYMBOLS) {
                throw new IllegalArgumentException("journal symbolCount must be in [1, "
                    + JournalFormat.MAX_SYMBOLS + "]: " + symbolCount);
            }
            if (retentionDays < 0) {
                throw new IllegalArgumentException("journal retentionDays must be >= 0: " + retentionDays);
            }
            if (minFreeBytes < 0 || warnFreeBytes < 0) {
                throw new IllegalArgumentException("journal minFreeBytes and warnFreeBytes must be >= 0: "
                    + minFreeBytes + ", " + warnFreeBytes);
            }
            if (spacePollMillis < 1) {
                throw new IllegalArgumentException("journal spacePollMillis must be >= 1: " + spacePollMillis);
            }
            if (timeProvider == null) {
                throw new IllegalArgumentException("journal timeProvider is not set");
            }
            return this;
        }
    }
}
