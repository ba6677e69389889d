package io.sentio.core.pipeline;

/**
 * One stage run inline by a thread of the {@link Layout#LATENCY} layout: a throw marks the event
 * failed in the stage's slot, exactly as the Disruptor's {@link FailureHandler} does for a stage
 * on its own thread, and the thread carries on with the next stage (which then skips the event).
 */
final class InlineStep {
    private final StageHandler stage;
    private final FailureHandler failure;

    InlineStep(StageHandler stage, FailureHandler failure) {
        this.stage = stage;
        this.failure = failure;
    }

    void run(PipelineEvent ev, long sequence) {
        try {
            stage.handle(ev);
        } catch (Throwable t) {
            failure.handleEventException(t, sequence, ev);
        }
    }

    StageHandler stage() {
        return stage;
    }
}
