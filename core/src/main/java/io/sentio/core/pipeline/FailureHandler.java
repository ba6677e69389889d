package io.sentio.core.pipeline;

import com.lmax.disruptor.ExceptionHandler;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Disruptor exception handler for one handler slot: flags the event failed in that slot (later
 * stages then skip it), counts and logs the failure, and returns so the ring keeps running. Only
 * runs when something threw, so logging here is off the hot path. A stage that fails on every
 * event (a full disk under journal-out) would bury the first, telling trace: after
 * {@link #LOGGED_PER_STAGE} failures a stage's further ones are only counted.
 */
final class FailureHandler implements ExceptionHandler<PipelineEvent> {
    private static final System.Logger LOG = System.getLogger("io.sentio.core.pipeline");
    private final int slot;
    private final String stage;
    static final int LOGGED_PER_STAGE = 3;
    private final AtomicLong failures;
    private long stageFailures;

    FailureHandler(int slot, String stage, AtomicLong failures) {
        this.slot = slot;
        this.stage = stage;
        this.failures = failures;
    }

    @Override
    public void handleEventException(Throwable ex, long sequence, PipelineEvent event) {
        event.markFailed(slot, ex);
        failures.incrementAndGet();
        stageFailures++;
        if (stageFailures <= LOGGED_PER_STAGE) {
            LOG.log(System.Logger.Level.WARNING, "stage " + stage + " failed on event " + sequence
                + " (bar " + event.received.epochSecond + "); later stages skip it"
                + (stageFailures == LOGGED_PER_STAGE ? "; further failures of this stage are counted, not logged" : ""),
                ex);
        }
    }

    @Override
    public void handleOnStartException(Throwable ex) {
        LOG.log(System.Logger.Level.ERROR, "stage " + stage + " failed to start", ex);
    }

    @Override
    public void handleOnShutdownException(Throwable ex) {
        LOG.log(System.Logger.Level.ERROR, "stage " + stage + " failed to shut down", ex);
    }
}
