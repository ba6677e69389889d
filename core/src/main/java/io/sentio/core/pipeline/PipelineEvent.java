package io.sentio.core.pipeline;

import com.lmax.disruptor.EventFactory;
import com.lmax.disruptor.EventTranslatorOneArg;
import io.sentio.core.execution.ExecutionReport;
import io.sentio.core.execution.FillBatch;
import io.sentio.core.execution.OrderBatch;
import io.sentio.core.market.BarSet;

/**
 * One time step in the ring (DESIGN §3): flat, pre-allocated per-symbol primitive arrays, reused
 * for the life of the ring. Each stage writes only its own fields: the publisher {@link #received};
 * sync {@link #synced}, {@link #forwardFilled}, {@link #stale}, {@link #skipped}; learner shard s
 * the learner fields of its own symbols; the portfolio stage strength, fills, orders and marks.
 */
public final class PipelineEvent {
    public static final int BAR_SET = 1;
    public static final int CLOCK = 2;
    public static final int CONTROL = 3;
    /** A live venue's execution report ({@link #report}); the portfolio stage records or applies it. */
    public static final int FILL = 4;

    /** Copies a received bar set and its send stamp into the event. */
    public static final EventTranslatorOneArg<PipelineEvent, Publication> BAR_SET_TRANSLATOR = PipelineEvent::translateBarSet;
    /** A CLOCK event: the time in {@link Publication#clockMillis}. */
    public static final EventTranslatorOneArg<PipelineEvent, Publication> CLOCK_TRANSLATOR = PipelineEvent::translateClock;
    /** A FILL event: the report in {@link Publication#report}, copied. */
    public static final EventTranslatorOneArg<PipelineEvent, Publication> FILL_TRANSLATOR = PipelineEvent::translateFill;

    public int kind;
    /** Run-wide index of this event, assigned by the publisher. */
    public long index;
    public long publishNanos;
    /** CLOCK events: the time they carry (epoch milliseconds of the live clock source). */
    public long clockMillis;
    /** BAR_SET events: some bar of the set was fetched through the history API after a reconnect. */
    public boolean backfilled;
    /** FILL events: the report. */
    public final ExecutionReport report = new ExecutionReport();
    /**
     * Per handler slot ({@link Stages}): that handler threw on this event. One flag per slot so
     * parallel handlers never write the same field; a stage acts only if no earlier slot failed.
     */
    private final boolean[] failedSlots;
    /** Per handler slot: the class of what that handler threw (a reference, so recording it allocates nothing). */
    private final Class<?>[] failureCause;
    /**
     * Set by the journal-out stage during crash recovery: every output of this event was already in
     * the journal, so its orders have left before the crash and execution must not send them again.
     */
    public boolean recovered;

    public final BarSet received;
    public final BarSet synced;
    public final boolean[] forwardFilled;
    public final boolean[] stale;
    /** More than sync.max_missing_symbols were missing: nothing downstream acts on this set. */
    public boolean skipped;

    public final double[] probability;
    public final double[] confidence;
    public final int[] signal;
    public final double[] strength;
    /**
     * Every symbol's model outputs after this bar set (learner shard s writes its own symbols'
     * {@link io.sentio.core.learn.ModelOutputs} records), for shadow desks; empty without them.
     */
    public final double[] modelOutputs;

    public final FillBatch fills;
    public final OrderBatch orders;
    /** Equity at this bar's close, after this bar's fills; NaN when not marked. */
    public double equity;
    /** This bar's mark tripped the circuit breaker. */
    public boolean circuitBreakerTripped;
    /** This is the session's close minute: {@link #sessionReturn} is its return. */
    public boolean sessionEnd;
    public double sessionReturn;

    private PipelineEvent(int symbols, int slots, int modelWidth) {
        failedSlots = new boolean[slots];
        failureCause = new Class<?>[slots];
        received = new BarSet(symbols);
        synced = new BarSet(symbols);
        forwardFilled = new boolean[symbols];
        stale = new boolean[symbols];
        probability = new double[symbols];
        confidence = new double[symbols];
        signal = new int[symbols];
        strength = new double[symbols];
        modelOutputs = new double[symbols * modelWidth];
        fills = new FillBatch(symbols);
        orders = new OrderBatch(symbols);
    }

    public static EventFactory<PipelineEvent> factory(int symbols, int handlerSlots) {
        return factory(symbols, handlerSlots, 0);
    }

    /** Events that also carry {@code modelWidth} doubles of model outputs per symbol (shadow desks). */
    public static EventFactory<PipelineEvent> factory(int symbols, int handlerSlots, int modelWidth) {
        return () -> new PipelineEvent(symbols, handlerSlots, modelWidth);
    }

    void markFailed(int slot, Throwable cause) {
        failedSlots[slot] = true;
        failureCause[slot] = cause.getClass();
    }

    /** Whether the handler in {@code slot} threw on this event. */
    public boolean failedAt(int slot) {
        return failedSlots[slot];
    }

    /** What the handler in {@code slot} threw, or null. */
    public Class<?> failureCause(int slot) {
        return failedSlots[slot] ? failureCause[slot] : null;
    }

    /** Whether any handler threw on this event. */
    public boolean failed() {
        for (boolean f : failedSlots) {
            if (f) {
                return true;
            }
        }
        return false;
    }

    /** Whether a handler of a slot below {@code slot} threw on this event. */
    public boolean failedBefore(int slot) {
        for (int i = 0; i < slot; i++) {
            if (failedSlots[i]) {
                return true;
            }
        }
        return false;
    }

    /** Whether the handler in {@code slot} may act: a bar set that no earlier stage failed or skipped. */
    public boolean actionableAt(int slot) {
        return kind == BAR_SET && !skipped && !failedBefore(slot);
    }

    public int symbols() {
        return received.size();
    }

    private static void translateBarSet(PipelineEvent e, long sequence, Publication p) {
        begin(e, BAR_SET, sequence, p.stampNanos);
        e.backfilled = p.backfilled;
        e.received.copyFrom(p.barSet);
    }

    /** A bar set loaded outside a ring (a desk replayed over a model tape), reset as the translator resets it. */
    static void loadBarSet(PipelineEvent e, long index, BarSet set) {
        begin(e, BAR_SET, index, Pacer.UNTIMED);
        e.received.copyFrom(set);
    }

    private static void translateClock(PipelineEvent e, long sequence, Publication p) {
        begin(e, CLOCK, sequence, p.stampNanos);
        e.clockMillis = p.clockMillis;
    }

    private static void translateFill(PipelineEvent e, long sequence, Publication p) {
        begin(e, FILL, sequence, p.stampNanos);
        e.report.copyFrom(p.report);
    }

    /** Resets what every kind shares, so a reused slot carries nothing of its previous event. */
    private static void begin(PipelineEvent e, int kind, long sequence, long stampNanos) {
        e.kind = kind;
        e.index = sequence;
        e.publishNanos = stampNanos;
        java.util.Arrays.fill(e.failedSlots, false);
        e.skipped = false;
        e.backfilled = false;
        e.recovered = false;
        e.clockMillis = 0;
        e.fills.clear();
        e.orders.clear();
        e.equity = Double.NaN;
        e.circuitBreakerTripped = false;
        e.sessionEnd = false;
        e.sessionReturn = Double.NaN;
    }

    /**
     * What the publisher hands to {@link #BAR_SET_TRANSLATOR}: a reused holder, so publishing
     * boxes nothing. {@code stampNanos} is the System.nanoTime from which end-to-end latency is
     * measured (the planned send time under a paced load, against coordinated omission).
     */
    public static final class Publication {
        public BarSet barSet;
        public long stampNanos;
        public boolean backfilled;
        public long clockMillis;
        public final ExecutionReport report = new ExecutionReport();
    }
}
