package io.sentio.journal.pipeline;

import io.sentio.core.market.BarSet;
import io.sentio.core.pipeline.LatencyStats;
import io.sentio.core.pipeline.PipelineEvent;
import io.sentio.core.pipeline.StageHandler;
import io.sentio.journal.JournalWriter;

/**
 * Journal-in (DESIGN §3 stage 1, in parallel with sync): every bar set exactly as received,
 * before forward-fill, and every CLOCK tick. Allocates nothing per event.
 */
public final class JournalInHandler extends StageHandler {
    private final RunJournal journal;
    private final boolean[] notBackfilled;
    private final LatencyStats latency = new LatencyStats("journal-in");
    private JournalWriter writer;

    JournalInHandler(RunJournal journal, int symbols) {
        this.journal = journal;
        this.notBackfilled = new boolean[symbols];
    }

    /** Service time per event. */
    public LatencyStats.Summary latency() {
        return latency.summary();
    }

    @Override
    public void onStart() {
        writer = journal.inputWriter();
    }

    @Override
    protected void handle(PipelineEvent ev) {
        if (journal.hasDiverged()) {
            return;
        }
        long start = System.nanoTime();
        try {
            if (ev.kind == PipelineEvent.BAR_SET) {
                BarSet b = ev.received;
                writer.appendBarSet(b.epochSecond, b.present, notBackfilled, b.open, b.high, b.low, b.close, b.volume);
            } else if (ev.kind == PipelineEvent.CLOCK) {
                writer.appendClock(ev.clockMillis);
            }
            latency.record(System.nanoTime() - start);
        } catch (RuntimeException e) {
            journal.noteFailure(e);
            throw e;
        }
    }
}
