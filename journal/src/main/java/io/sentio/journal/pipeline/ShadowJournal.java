package io.sentio.journal.pipeline;

import io.sentio.core.pipeline.PipelineEvent;
import io.sentio.core.pipeline.ShadowRecorder;
import io.sentio.journal.JournalWriter;
import java.util.List;

/**
 * Journals the shadow desks' outputs ({@link DeskRecords} under each desk's id), from the shadow
 * desks' thread with its own writer. Desk 0's and the shadows' records interleave by thread timing,
 * so readers and replay separate them by desk; within one desk their order is fixed.
 */
final class ShadowJournal implements ShadowRecorder {
    private final RunJournal journal;
    private final DeskRecords[] desks;
    private JournalWriter writer;

    ShadowJournal(RunJournal journal, String runId, List<String> symbols, int desks) {
        this.journal = journal;
        this.desks = new DeskRecords[desks];
        String[] names = symbols.toArray(new String[0]);
        for (int d = 0; d < desks; d++) {
            this.desks[d] = new DeskRecords(shadowRunId(runId, d + 1), names);
        }
    }

    /**
     * The run id in a shadow desk's client order ids: never sent, and never equal to an id of desk 0
     * (which the broker saw), so the journal tells them apart without its desk field too.
     */
    static String shadowRunId(String runId, int desk) {
        return runId + ".s" + desk;
    }

    @Override
    public void onStart() {
        writer = journal.shadowWriter();
    }

    @Override
    public void record(int desk, PipelineEvent outputs) {
        if (journal.hasDiverged()) {
            return;
        }
        try {
            desks[desk - 1].write(writer.desk(desk), outputs);
        } catch (RuntimeException e) {
            journal.noteFailure(e);
            throw e;
        }
    }
}
