package io.sentio.journal;

import io.sentio.journal.codec.BarSetRecord;
import io.sentio.journal.codec.ClockRecord;
import io.sentio.journal.codec.ExecReportRecord;
import io.sentio.journal.codec.DecisionKind;
import io.sentio.journal.codec.DecisionRecord;
import io.sentio.journal.codec.DeskDefinition;
import io.sentio.journal.codec.FailedRecord;
import io.sentio.journal.codec.FillRecord;
import io.sentio.journal.codec.FillStatus;
import io.sentio.journal.codec.JournalFormat;
import io.sentio.journal.codec.OrderRecord;
import io.sentio.journal.codec.OrderType;
import io.sentio.journal.codec.RunEndRecord;
import io.sentio.journal.codec.RunHeader;
import io.sentio.journal.codec.SessionSummaryRecord;
import io.sentio.journal.codec.Side;
import io.sentio.journal.codec.SignalsRecord;
import io.sentio.journal.codec.SkippedRecord;
import io.sentio.journal.codec.StateSnapshotRecord;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32C;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

/**
 * Appends records to a {@link Journal}. One writer per thread (it owns a Chronicle appender and a
 * staging buffer). Every append encodes the record into the staging buffer through its
 * flyweight, then copies it into one Chronicle document: the document stays open only for that
 * copy. Per-bar appends allocate nothing. Each append returns the record's Chronicle index.
 * Records belong to desk 0 unless {@link #desk(int)} says otherwise (a shadow desk's outputs).
 */
public final class JournalWriter implements AutoCloseable {
    private final Journal journal;
    private final ExcerptAppender appender;
    private final int symbols;
    private final AtomicLong nextSequence;
    private final ExpandableArrayBuffer staging;
    private final CRC32C checksum = new CRC32C();
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
    private RecordVerifier verifier;
    private long appended;
    private int desk;

    JournalWriter(Journal journal, ExcerptAppender appender, int symbols, AtomicLong nextSequence) {
        this.journal = journal;
        this.appender = appender;
        this.symbols = symbols;
        this.nextSequence = nextSequence;
        this.staging = new ExpandableArrayBuffer(Math.max(JournalFormat.barSetLength(symbols), 256)
            + JournalFormat.CHECKSUM_LENGTH);
    }

    public long appendRunHeader(RunHeader header) {
        if (header.symbols().size() != symbols) {
            throw new IllegalArgumentException("run header lists " + header.symbols().size()
                + " symbols, journal was opened for " + symbols);
        }
        header.encode(staging, 0, 0);
        return commit(header.encodedLength());
    }

    /**
     * Defines shadow desk {@code d.desk()}; the desk id goes into the record's header, whatever
     * {@link #desk(int)} says.
     */
    public long appendDesk(DeskDefinition d) {
        staging.checkLimit(d.encodedLength() + JournalFormat.CHECKSUM_LENGTH);
        d.encode(staging, 0, 0);
        int current = desk;
        desk = d.desk();
        try {
            return commit(d.encodedLength());
        } finally {
            desk = current;
        }
    }

    /**
     * The desk the following records belong to: 0 the trading desk (the default), 1..k a shadow
     * desk ({@link JournalFormat}, header offset 2).
     */
    public JournalWriter desk(int d) {
        if (d < 0 || d > JournalFormat.MAX_DESK) {
            throw new IllegalArgumentException("desk id must be 0.." + JournalFormat.MAX_DESK + ", got " + d);
        }
        desk = d;
        return this;
    }

    /**
     * One minute's bars as received, before forward-fill. Arrays are indexed by symbol and hold at
     * least the journal's symbol count; {@code backfilled} marks bars that came from a history
     * backfill rather than the live stream.
     */
    public long appendBarSet(long minuteEpochSecond, boolean[] present, boolean[] backfilled,
                             double[] open, double[] high, double[] low, double[] close, double[] volume) {
        barSet.encode(staging, 0, 0, minuteEpochSecond, symbols);
        for (int i = 0; i < symbols; i++) {
            barSet.symbol(i, present[i], backfilled[i], open[i], high[i], low[i], close[i], volume[i]);
        }
        return commit(barSet.length());
    }

    public long appendClock(long epochMillis) {
        clock.encode(staging, 0, 0, epochMillis);
        return commit(clock.length());
    }

    /** A live venue's report as the ring received it ({@code status} is core's ExecutionReport code). */
    public long appendExecReport(long orderSequence, int symbol, int status, long filledQuantity, double averagePrice,
                                 long venueMillis) {
        execReport.encode(staging, 0, 0, orderSequence, symbol, status, filledQuantity, averagePrice, venueMillis);
        return commit(execReport.length());
    }

    /** Every learner's output for the minute; {@code signal} holds -1, 0 or 1 per symbol. */
    public long appendSignals(long minuteEpochSecond, double[] probability, double[] confidence,
                              double[] strength, int[] signal) {
        signals.encode(staging, 0, 0, minuteEpochSecond, symbols);
        for (int i = 0; i < symbols; i++) {
            signals.symbol(i, probability[i], confidence[i], strength[i], signal[i]);
        }
        return commit(signals.length());
    }

    public long appendDecision(long minuteEpochSecond, DecisionKind kind, int symbol, double strength,
                               double probability, int reasonCode) {
        decision.encode(staging, 0, 0, minuteEpochSecond, kind, symbol, strength, probability, reasonCode);
        return commit(decision.length());
    }

    public long appendOrder(CharSequence clientOrderId, long minuteEpochSecond, int symbol, Side side, long qty,
                            OrderType type) {
        order.encode(staging, 0, 0, clientOrderId, minuteEpochSecond, symbol, side, qty, type);
        return commit(order.length());
    }

    public long appendFill(CharSequence clientOrderId, long fillMinuteEpochSecond, int symbol, Side side, long qty,
                           double price, double commission, FillStatus status) {
        fill.encode(staging, 0, 0, clientOrderId, fillMinuteEpochSecond, symbol, side, qty, price, commission,
            status);
        return commit(fill.length());
    }

    public long appendSkipped(long minuteEpochSecond, int missingSymbols) {
        skipped.encode(staging, 0, 0, minuteEpochSecond, missingSymbols);
        return commit(skipped.length());
    }

    /** {@code stage} is the pipeline handler's number; the class name is truncated to 64 characters. */
    public long appendFailed(long minuteEpochSecond, int stage, CharSequence exceptionClassName) {
        failed.encode(staging, 0, 0, minuteEpochSecond, stage, exceptionClassName);
        return commit(failed.length());
    }

    public long appendSessionSummary(long nyEpochDay, double equity, double dayReturn, int trades) {
        summary.encode(staging, 0, 0, nyEpochDay, equity, dayReturn, trades);
        return commit(summary.length());
    }

    public long appendRunEnd(long barSets, long stateHash) {
        runEnd.encode(staging, 0, 0, barSets, stateHash);
        return commit(runEnd.length());
    }

    public long appendStateSnapshot(long fingerprint, DirectBuffer state, int offset, int length) {
        int total = JournalFormat.SNAPSHOT_BLOB + length;
        staging.checkLimit(total + JournalFormat.CHECKSUM_LENGTH);
        snapshot.encode(staging, 0, 0, fingerprint, length);
        snapshot.putBlob(state, offset);
        return commit(total);
    }

    /**
     * Crash recovery: while {@code v} holds records this writer wrote before the crash, every
     * append is checked against the next of them (all bytes but the sequence) instead of being
     * written; a difference throws {@link JournalDivergenceException}. Once they are used up,
     * appends go to the journal again.
     */
    public JournalWriter verifyAgainst(RecordVerifier v) {
        this.verifier = v;
        return this;
    }

    /** Records this writer actually appended (not verified against the journal). */
    public long appended() {
        return appended;
    }

    /**
     * Any failure of the copy into Chronicle (an exception, or the InternalError of a fault in
     * mapped memory when the disk is full) fails the whole journal: see {@link JournalWriteException}.
     */
    private long commit(int length) {
        staging.putShort(JournalFormat.DESK, (short) desk, JournalFormat.ORDER);
        if (verifier != null && verifier.pending()) {
            return verifier.verify(staging, length);
        }
        journal.requireWritable();
        appended++;
        try {
            return write(length);
        } catch (Throwable t) {
            throw journal.writeFailed(t);
        }
    }

    /**
     * Stamps the sequence, and the checksum that covers it, while Chronicle's write lock is held, so
     * sequence order is queue order even with several writers; a failed copy is rolled back rather
     * than left half-written.
     */
    private long write(int length) {
        DocumentContext dc = appender.writingDocument();
        try {
            long sequence = nextSequence.get();
            staging.putLong(JournalFormat.SEQUENCE, sequence, JournalFormat.ORDER);
            checksum.reset();
            checksum.update(staging.byteArray(), 0, length);
            staging.putInt(length, (int) checksum.getValue(), JournalFormat.ORDER);
            dc.wire().bytes().write(staging.byteArray(), 0, length + JournalFormat.CHECKSUM_LENGTH);
            nextSequence.lazySet(sequence + 1);
        } catch (Throwable e) {
            dc.rollbackOnClose();
            throw e;
        } finally {
            dc.close();
        }
        return appender.lastIndexAppended();
    }

    @Override
    public void close() {
        appender.close();
    }
}
