package io.sentio.journal;

import io.sentio.journal.codec.BarSetRecord;
import io.sentio.journal.codec.ClockRecord;
import io.sentio.journal.codec.ExecReportRecord;
import io.sentio.journal.codec.DecisionRecord;
import io.sentio.journal.codec.DeskDefinition;
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
 * Every record is checked (checksum, format version, length, kind) before it is returned.
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
    private final RecordCheck check;
    private int kindMask = -1;
    private int deskFrom;
    private int deskTo = JournalFormat.MAX_DESK;
    private long index = -1;
    private RecordKind kind;
    private int length;

    JournalReader(SingleChronicleQueue queue, boolean ownsQueue) {
        this.queue = queue;
        this.ownsQueue = ownsQueue;
        this.tailer = queue.createTailer();
        this.check = new RecordCheck(queue.file().toPath());
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

    /**
     * Only records of desks {@code from..to} (inclusive) are returned from now on: {@code (0, 0)} the
     * trading desk with every input and control record, {@code (1, MAX_DESK)} the shadow desks'.
     */
    public JournalReader desks(int from, int to) {
        deskFrom = from;
        deskTo = to;
        return this;
    }

    public JournalReader toStart() {
        tailer.toStart();
        check.forget(true);
        return this;
    }

    /** Positions so the next record returned is the one at this Chronicle index; false if there is none. */
    public boolean toIndex(long chronicleIndex) {
        check.forget(false);
        return tailer.moveToIndex(chronicleIndex);
    }

    /**
     * Positions so the next record returned is the first with a sequence number at least
     * {@code sequence}; false if there is none yet. Scans from the start: for tools, not hot paths.
     */
    public boolean toSequence(long sequence) {
        check.forget(false);
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

    /**
     * Advances to the next record of a selected kind; false when none is available now. Every
     * record is checked, selected or not, so damage is found wherever it is; a damaged record
     * throws {@link JournalCorruptException}.
     */
    public boolean next() {
        while (true) {
            try (DocumentContext dc = tailer.readingDocument()) {
                if (!dc.isPresent()) {
                    return false;
                }
                Bytes<?> bytes = dc.wire().bytes();
                int size = (int) bytes.readRemaining();
                record.checkLimit(size);
                bytes.read(record.byteArray(), 0, size);
                validate(dc.index(), size);
                int desk = desk();
                if ((kindMask & (1 << kind.code())) != 0 && desk >= deskFrom && desk <= deskTo) {
                    return true;
                }
            }
        }
    }

    private void validate(long at, int size) {
        index = at;
        kind = check.check(record, size, at);
        length = record.getInt(JournalFormat.LENGTH, JournalFormat.ORDER);
    }

    /**
     * For a journal no one is writing, after {@link #next()} returned false: throws
     * {@link JournalCorruptException} when Chronicle's own index knows of records beyond the last one
     * read, i.e. a damaged document header ended the reading early (checksums cannot see that). A
     * record torn by a killed writer is not listed there, so it stays the normal, silent end.
     */
    public void requireEnd() {
        long last = queue.lastIndex();
        if (last > index) {
            throw check.corrupt(index < 0 ? queue.firstIndex() : index + 1, "the Chronicle document header is damaged: "
                + "reading stops here, but the queue's index lists records up to 0x" + Long.toHexString(last));
        }
    }

    /** Records read so far that carry no checksum (format version 1): read, but not checked. */
    public long uncheckedRecords() {
        return check.unchecked();
    }

    /** Records read and found intact since the start or the last jump, selected or not. */
    public long intactRecords() {
        return check.intact();
    }

    /** The minute of the last intact input record (BAR_SET, CLOCK), or Long.MIN_VALUE. */
    public long lastInputMinute() {
        return check.lastInputMinute();
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

    /** The desk the current record belongs to (0 for every record before format version 3). */
    public int desk() {
        return record.getShort(JournalFormat.DESK, JournalFormat.ORDER) & 0xFFFF;
    }

    /** The current record's bytes, from offset 0 to {@link #length()}. */
    public MutableDirectBuffer buffer() {
        return record;
    }

    public RunHeader runHeader() {
        expect(RecordKind.RUN_HEADER);
        return RunHeader.decode(record, 0);
    }

    public DeskDefinition deskDefinition() {
        expect(RecordKind.DESK);
        return DeskDefinition.decode(record, 0);
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
