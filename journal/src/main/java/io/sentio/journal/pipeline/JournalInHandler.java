package io.sentio.journal.pipeline;

import io.sentio.core.execution.ExecutionReport;
import io.sentio.core.market.BarSet;
import io.sentio.core.pipeline.LatencyStats;
import io.sentio.core.pipeline.PipelineEvent;
import io.sentio.core.pipeline.StageHandler;
import io.sentio.journal.JournalWriter;
import java.util.Arrays;

/**
 * Journal-in (DESIGN §3 stage 1, in parallel with sync): every bar set exactly as received,
 * before forward-fill (a live set assembled from backfilled bars flags every bar backfilled, the
 * ring carrying one flag per set), every CLOCK tick and every live execution report (EXEC_REPORT). Allocates nothing per event.
 */
public final class JournalInHandler extends StageHandler {
    private final RunJournal journal;
    private final boolean[] notBackfilled;
    private final boolean[] backfilled;
    private final LatencyStats latency = new LatencyStats("journal-in");
    private JournalWriter writer;

    JournalInHandler(RunJournal journal, int symbols) {
        this.journal = journal;
        this.notBackfilled = new boolean[symbols];
        this.backfilled = new boolean[symbols];
        Arrays.fill(backfilled, true);
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
                writer.appendBarSet(b.epochSecond, b.present, ev.backfilled ? backfilled : notBackfilled,
                    b.open, b.high, b.low, b.close, b.volume);
            } else if (ev.kind == PipelineEvent.CLOCK) {
                writer.appendClock(ev.clockMillis);
            } else if (ev.kind == PipelineEvent.FILL) {
                ExecutionReport x = ev.report;
                writer.appendExecReport(x.orderSequence, x.symbol, x.status, x.filledQuantity, x.averagePrice,
                    x.venueMillis);
            }
            latency.record(System.nanoTime() - start);
        } catch (RuntimeException e) {
            journal.noteFailure(e);
            throw e;
        }
    }
}
