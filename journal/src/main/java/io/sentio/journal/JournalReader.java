package io.sentio.journal;

import io.sentio.journal.codec.BarSetRecord;
import io.sentio.journal.codec.ClockRecord;
import io.sentio.journal.codec.ExecReportRecord;
import io.sentio.journal.codec.DecisionRecord;
import io.sentio.journal.codec.FailedRecord;
import io.sentio.journal.codec.FillRecord;
import io.sentio.journal.codec.JournalFormat;
import io.sentio.journal.codec.OrderRecord;
import io.sentio.journal.codec.RecordKind;
import io.sentio.journal.codec.RunEndRecord;
import io.sentio.journal.codec.RunHeader;
import io.sentio.journal.codec.SessionSummaryRecord;
import io.sentio.journal.codec.SignalsRecord;
import io.sentio.journal.codec.SkippedRecord;
import io.sentio.journal.codec.StateSnapshotRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Iterates a journal's records in queue order, optionally only some kinds. {@link #next()} never
 * blocks: it returns false at the current end, and a later call returns records appended since
 * (tailing). The current record is copied into a reusable buffer and read through the typed
 * flyweights ({@link #barSet()}, {@link #signals()}...), which stay valid until the next call.
 * Every record is checked (kind, format version, length) before it is returned.
 */
public final class JournalReader implements AutoCloseable {
    private final SingleChronicleQueue queue;
    private final boolean ownsQueue;
    private final ExcerptTailer tailer;
    private final ExpandableArrayBuffer record = new ExpandableArrayBuffer(1024);
    private final BarSetRecord barSet = new BarSetRecord();
    private final SignalsRecord signals = new SignalsRecord();
    private final ClockRecord clock = new ClockRecord();
    private final ExecReportRecord execReport = new ExecReportRecord();
    private final DecisionRecord decision = new DecisionRecord();
    private final OrderRecord order = new OrderRecord();
    private final FillRecord fill = new FillRecord();
    private final SkippedRecord skipped = new SkippedRecord();
    private final FailedRecord failed = new FailedRecord();
    private final SessionSummaryRecord summary = new SessionSummaryRecord();
    private final StateSnapshotRecord snapshot = new StateSnapshotRecord();
    private final RunEndRecord runEnd = new RunEndRecord();
    private int kindMask = -1;
    private long index = -1;
    private RecordKind kind;
    private int length;

    JournalReader(SingleChronicleQueue queue, boolean ownsQueue) {
        this.queue = queue;
        this.ownsQueue = ownsQueue;
        this.tailer = queue.createTailer();
    }

    /** Opens an existing journal read-only, e.g. from a tool while the run is still writing it. */
    public static JournalReader open(Path directory) {
        if (!Files.isDirectory(directory)
            || !Files.exists(directory.resolve(SingleChronicleQueue.QUEUE_METADATA_FILE))) {
            throw new JournalException("no journal at " + directory + " (expected a Chronicle Queue directory with "
                + SingleChronicleQueue.QUEUE_METADATA_FILE + ")");
        }
        return new JournalReader(Journal.builder(directory).readOnly(true).build(), true);
    }

    /** Only records of these kinds are returned from now on; no argument means all kinds. */
    public JournalReader kinds(RecordKind... kinds) {
        int mask = 0;
        for (RecordKind k : kinds) {
            mask |= 1 << k.code();
        }
        kindMask = kinds.length == 0 ? -1 : mask;
        return this;
    }

    public JournalReader toStart() {
        tailer.toStart();
        return this;
    }

    /** Positions so the next record returned is the one at this Chronicle index; false if there is none. */
    public boolean toIndex(long chronicleIndex) {
        return tailer.moveToIndex(chronicleIndex);
    }

    /**
     * Positions so the next record returned is the first with a sequence number at least
     * {@code sequence}; false if there is none yet. Scans from the start: for tools, not hot paths.
     */
    public boolean toSequence(long sequence) {
        tailer.toStart();
        while (true) {
            long at;
            try (DocumentContext dc = tailer.readingDocument()) {
                if (!dc.isPresent()) {
                    return false;
                }
                Bytes<?> bytes = dc.wire().bytes();
                if (bytes.readLong(bytes.readPosition() + JournalFormat.SEQUENCE) < sequence) {
                    continue;
                }
                at = dc.index();
            }
            return tailer.moveToIndex(at);
        }
    }

    /** Advances to the next record of a selected kind; false when none is available now. */
    public boolean next() {
        while (true) {
            try (DocumentContext dc = tailer.readingDocument()) {
                if (!dc.isPresent()) {
                    return false;
                }
                Bytes<?> bytes = dc.wire().bytes();
                long start = bytes.readPosition();
                int size = (int) bytes.readRemaining();
                int code = size > 0 ? bytes.readByte(start) : 0;
                if (code > 0 && code < 32 && (kindMask & (1 << code)) == 0) {
                    continue;
                }
                record.checkLimit(size);
                bytes.read(record.byteArray(), 0, size);
                validate(dc.index(), size);
                return true;
            }
        }
    }

    private void validate(long at, int size) {
        index = at;
        if (size < JournalFormat.HEADER_LENGTH) {
            throw corrupt(at, "record of " + size + " bytes is shorter than the " + JournalFormat.HEADER_LENGTH
                + "-byte header");
        }
        try {
            kind = RecordKind.fromCode(record.getByte(JournalFormat.KIND));
        } catch (IllegalArgumentException e) {
            throw corrupt(at, e.getMessage());
        }
        int version = record.getByte(JournalFormat.FORMAT_VERSION);
        if (version != JournalFormat.VERSION) {
            throw corrupt(at, "format version " + version + ", this build reads " + JournalFormat.VERSION);
        }
        length = record.getInt(JournalFormat.LENGTH, JournalFormat.ORDER);
        if (length != size) {
            throw corrupt(at, kind + " record declares " + length + " bytes but holds " + size);
        }
    }

    private static JournalException corrupt(long at, String why) {
        return new JournalException("journal record at index 0x" + Long.toHexString(at) + ": " + why);
    }

    /** Chronicle index of the current record. */
    public long index() {
        return index;
    }

    public RecordKind kind() {
        return kind;
    }

    public long sequence() {
        return record.getLong(JournalFormat.SEQUENCE, JournalFormat.ORDER);
    }

    public int length() {
        return length;
    }

    /** The current record's bytes, from offset 0 to {@link #length()}. */
    public MutableDirectBuffer buffer() {
        return record;
    }

    public RunHeader runHeader() {
        expect(RecordKind.RUN_HEADER);
        return RunHeader.decode(record, 0);
    }

    public BarSetRecord barSet() {
        expect(RecordKind.BAR_SET);
        return barSet.wrap(record, 0);
    }

    public SignalsRecord signals() {
        expect(RecordKind.SIGNALS);
        return signals.wrap(record, 0);
    }

    public ClockRecord clock() {
        expect(RecordKind.CLOCK);
        return clock.wrap(record, 0);
    }

    public ExecReportRecord execReport() {
        expect(RecordKind.EXEC_REPORT);
        return execReport.wrap(record, 0);
    }

    public DecisionRecord decision() {
        expect(RecordKind.DECISION);
        return decision.wrap(record, 0);
    }

    public OrderRecord order() {
        expect(RecordKind.ORDER);
        return order.wrap(record, 0);
    }

    public FillRecord fill() {
        expect(RecordKind.FILL);
        return fill.wrap(record, 0);
    }

    public SkippedRecord skipped() {
        expect(RecordKind.SKIPPED);
        return skipped.wrap(record, 0);
    }

    public FailedRecord failed() {
        expect(RecordKind.FAILED);
        return failed.wrap(record, 0);
    }

    public SessionSummaryRecord sessionSummary() {
        expect(RecordKind.SESSION_SUMMARY);
        return summary.wrap(record, 0);
    }

    public StateSnapshotRecord stateSnapshot() {
        expect(RecordKind.STATE_SNAPSHOT);
        return snapshot.wrap(record, 0);
    }

    public RunEndRecord runEnd() {
        expect(RecordKind.RUN_END);
        return runEnd.wrap(record, 0);
    }

    private void expect(RecordKind wanted) {
        if (kind != wanted) {
            throw new IllegalStateException("current record is " + kind + ", not " + wanted);
        }
    }

    @Override
    public void close() {
        tailer.close();
        if (ownsQueue) {
            queue.close();
        }
    }
}
