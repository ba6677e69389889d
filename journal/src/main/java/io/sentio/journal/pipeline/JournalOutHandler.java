package io.sentio.journal.pipeline;

import io.sentio.core.pipeline.LatencyStats;
import io.sentio.core.pipeline.PipelineEvent;
import io.sentio.core.pipeline.StageHandler;
import io.sentio.journal.JournalWriter;
import java.util.List;

/**
 * Journal-out (DESIGN §3 stage 4, after the portfolio stage and journal-in, before execution): per
 * bar set, desk 0's records ({@link DeskRecords}), or SKIPPED, or one FAILED per failed stage.
 * During crash recovery it marks an event {@link PipelineEvent#recovered} when its orders were
 * already journaled, so execution does not send them a second time.
 */
public final class JournalOutHandler extends StageHandler {
    private final RunJournal journal;
    private final DeskRecords records;
    private final int executionSlot;
    private final LatencyStats latency = new LatencyStats("journal-out");
    private JournalWriter writer;

    JournalOutHandler(RunJournal journal, String runId, List<String> symbols, int executionSlot) {
        this.journal = journal;
        this.records = new DeskRecords(runId, symbols.toArray(new String[0]));
        this.executionSlot = executionSlot;
    }

    /** Service time per bar set. */
    public LatencyStats.Summary latency() {
        return latency.summary();
    }

    @Override
    public void onStart() {
        writer = journal.outputWriter();
    }

    @Override
    protected void handle(PipelineEvent ev) {
        boolean lateFills = ev.kind == PipelineEvent.FILL && ev.fills.count() > 0;
        if (ev.kind != PipelineEvent.BAR_SET && !lateFills || journal.hasDiverged()) {
            return;
        }
        long start = System.nanoTime();
        try {
            if (lateFills) {
                // a final report after the session's last bar set settled its order (TradingDesk#onReport)
                records.settledAfterClose(writer, ev.fills, ev.report.venueMillis / 1000);
                return;
            }
            write(ev);
            latency.record(System.nanoTime() - start);
        } catch (RuntimeException e) {
            journal.noteFailure(e);
            throw e;
        }
    }

    private void write(PipelineEvent ev) {
        long minute = ev.received.epochSecond;
        long before = writer.appended();
        if (ev.failedBefore(executionSlot)) {
            for (int slot = 0; slot < executionSlot; slot++) {
                if (ev.failedAt(slot)) {
                    writer.appendFailed(minute, slot, ev.failureCause(slot).getName());
                }
            }
            return;
        }
        if (ev.skipped) {
            writer.appendSkipped(minute, ev.symbols() - ev.received.presentCount());
            return;
        }
        boolean ordersJournaledBefore = records.write(writer, ev);
        ev.recovered = writer.appended() == before || ordersJournaledBefore;
    }
}
