package io.sentio.core.pipeline;

/**
 * Where the shadow desks' outputs go after each bar set (the journal's hook; core knows no journal).
 * Called on the shadow desks' thread, after journal-in has recorded the bar set, desk by desk in
 * the order given, so a journal receives every shadow desk's records in a fixed order.
 */
public interface ShadowRecorder {
    /** Once, on the shadow desks' thread, before the first event. */
    void onStart();

    /**
     * Desk {@code desk} (1..k) has handled a bar set: {@code outputs} holds its signals, fills at
     * this open, orders at this close and session end, valid only during the call.
     */
    void record(int desk, PipelineEvent outputs);
}
