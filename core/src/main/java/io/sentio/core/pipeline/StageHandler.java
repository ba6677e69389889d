package io.sentio.core.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.WaitStrategy;

/**
 * Base of the pipeline's handlers: at the end of each batch it publishes its own sequence early
 * (Disruptor's sequence callback) and wakes downstream handlers blocked in a
 * {@link StageBlockingWaitStrategy}. Without such a strategy it only handles events.
 */
public abstract class StageHandler implements EventHandler<PipelineEvent> {
    private WaitStrategy signalled;
    private Sequence own;
    /** The last sequence whose deferred work ({@link #afterPublished}) is done; only for stages that defer. */
    private final Sequence completed = new Sequence(-1);

    /** Wakes blocked downstream handlers through {@code strategy} after every batch. */
    void signalThrough(StageBlockingWaitStrategy strategy) {
        this.signalled = strategy;
    }

    @Override
    public final void setSequenceCallback(Sequence sequenceCallback) {
        this.own = sequenceCallback;
    }

    @Override
    public final void onEvent(PipelineEvent ev, long sequence, boolean endOfBatch) {
        boolean defers = defersWork();
        try {
            handle(ev);
            // Only after a normal return: when handle throws, the event must be marked failed (by the
            // Disruptor's exception handler) before a downstream stage may see this sequence, or it
            // could act on an event this stage failed (send an order that was never journaled). The
            // processor then advances the sequence itself; waiters notice within their park bound.
            if (endOfBatch && (signalled != null || defers) && own != null) {
                own.set(sequence);
                if (signalled != null) {
                    signalled.signalAllWhenBlocking();
                }
            }
            if (defers) {
                afterPublished(ev);
            }
        } finally {
            if (defers) {
                completed.set(sequence);
            }
        }
    }

    /**
     * The last sequence this stage finished with, deferred work included (a stage that defers
     * publishes its own sequence before that work): what a drained ring waits for.
     */
    long completedSequence() {
        return completed.get();
    }

    protected abstract void handle(PipelineEvent ev);

    /** Whether {@link #afterPublished} has work: then the stage's sequence is published before it runs. */
    protected boolean defersWork() {
        return false;
    }

    /**
     * Work this stage does for {@code ev} that no downstream stage reads (the learners' deferred
     * updates), run after its sequence is published at the end of a batch and before the next
     * event. Downstream stages may already be acting on {@code ev}: it must not write the event.
     */
    protected void afterPublished(PipelineEvent ev) {
    }
}
