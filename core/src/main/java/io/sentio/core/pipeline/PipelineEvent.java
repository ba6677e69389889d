package io.sentio.core.pipeline;

import com.lmax.disruptor.EventFactory;
import com.lmax.disruptor.EventTranslatorOneArg;
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

    /** Copies a received bar set and its send stamp into the event. */
    public static final EventTranslatorOneArg<PipelineEvent, Publication> BAR_SET_TRANSLATOR = PipelineEvent::translateBarSet;
    /** Makes the event a CLOCK tick at {@link Publication#clockMillis}. */
    public static final EventTranslatorOneArg<PipelineEvent, Publication> CLOCK_TRANSLATOR = PipelineEvent::translateClock;

    public int kind;
    /** Run-wide index of this event, assigned by the publisher. */
    public long index;
    public long publishNanos;
    /**
     * Per handler slot ({@link Stages}): that handler threw on this event. One flag per slot so
     * parallel handlers never write the same field; a stage acts only if no earlier slot failed.
     */
    private final boolean[] failedSlots;
    /** Per handler slot: the class of what that handler threw (a reference, so recording it allocates nothing). */
    private final Class<?>[] failureCause;
    /** CLOCK events: the tick's epoch millis as the clock source gave it. */
    public long clockMillis;
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

    public final FillBatch fills;
    public final OrderBatch orders;
    /** Equity at this bar's close, after this bar's fills; NaN when not marked. */
    public double equity;
    /** This bar's mark tripped the circuit breaker. */
    public boolean circuitBreakerTripped;
    /** This is the session's close minute: {@link #sessionReturn} is its return. */
    public boolean sessionEnd;
    public double sessionReturn;

    private PipelineEvent(int symbols, int slots) {
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
        fills = new FillBatch(symbols);
        orders = new OrderBatch(symbols);
    }

    public static EventFactory<PipelineEvent> factory(int symbols, int handlerSlots) {
        return () -> new PipelineEvent(symbols, handlerSlots);
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
        e.reset(BAR_SET, sequence, p.stampNanos);
        e.received.copyFrom(p.barSet);
    }

    private static void translateClock(PipelineEvent e, long sequence, Publication p) {
        e.reset(CLOCK, sequence, p.stampNanos);
        e.clockMillis = p.clockMillis;
    }

    private void reset(int eventKind, long sequence, long stampNanos) {
        kind = eventKind;
        index = sequence;
        publishNanos = stampNanos;
        java.util.Arrays.fill(failedSlots, false);
        skipped = false;
        recovered = false;
        clockMillis = 0;
        fills.clear();
        orders.clear();
        equity = Double.NaN;
        circuitBreakerTripped = false;
        sessionEnd = false;
        sessionReturn = Double.NaN;
    }

    /**
     * What the publisher hands to {@link #BAR_SET_TRANSLATOR}: a reused holder, so publishing
     * boxes nothing. {@code stampNanos} is the System.nanoTime from which end-to-end latency is
     * measured (the planned send time under a paced load, against coordinated omission).
     */
    public static final class Publication {
        public BarSet barSet;
        public long stampNanos;
        public long clockMillis;
    }
}
