package io.sentio.launcher.cli;

import io.sentio.core.execution.ExecutionReport;
import io.sentio.core.market.BarSet;
import io.sentio.core.market.BarSource;
import io.sentio.core.market.Universe;
import io.sentio.core.pipeline.Layout;
import io.sentio.core.pipeline.Pacer;
import io.sentio.core.pipeline.Pipeline;
import io.sentio.core.pipeline.PipelineContext;
import io.sentio.core.pipeline.RunResult;
import io.sentio.core.sync.SessionMinuteMerger;
import io.sentio.journal.JournalCorruptException;
import io.sentio.journal.JournalDivergenceException;
import io.sentio.journal.JournalException;
import io.sentio.journal.JournalSpaceException;
import io.sentio.journal.JournalWriteException;
import io.sentio.journal.codec.JournalFormat;
import io.sentio.journal.codec.RunHeader;
import io.sentio.journal.codec.RunMode;
import io.sentio.journal.pipeline.RunJournal;
import io.sentio.launcher.BuildInfo;
import io.sentio.launcher.ExitCodes;
import io.sentio.launcher.SentioException;
import java.io.PrintStream;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Runs the pipeline for backtest and mock with the optional {@code --state} warm start and
 * {@code --journal}. With a journal directory that already holds this run (a restart after a
 * crash), it first re-publishes the journaled inputs, unpaced, in recovery mode (outputs are
 * checked against the journal, journaled orders are not sent again), then continues the source
 * from the first minute not journaled.
 */
final class EngineRun {
    private EngineRun() {
    }

    static RunResult run(RunOptions run, RunMode mode, Universe universe, WarmState warm, PipelineContext ctx,
                         BarSource[] sources, Pacer pacer, PrintStream err) {
        // A paced mock is latency-bound like live; a backtest is throughput-bound.
        PipelineContext options = run.apply(ctx, mode == RunMode.MOCK ? Layout.LATENCY : Layout.THROUGHPUT);
        RunJournal journal = run.journal == null ? null : openJournal(run, mode, universe, warm, options.shards());
        try (SessionMinuteMerger merger = new SessionMinuteMerger(sources)) {
            Pipeline pipeline = new Pipeline(journal == null ? options
                : options.copy().journalIn(journal.journalIn()).journalOut(journal.journalOut())
                    .shadowRecorder(journal.shadowRecorder()).conclude());
            pipeline.start();
            BarSet scratch = new BarSet(universe.size());
            long lastJournaled = Long.MIN_VALUE;
            if (journal != null && journal.resumed()) {
                lastJournaled = journal.replayInputs(scratch, new RunJournal.InputSink() {
                    @Override
                    public void barSet(BarSet set, boolean backfilled) {
                        pipeline.publish(set, System.nanoTime(), backfilled);
                    }

                    @Override
                    public void clock(long epochMillis) {
                        pipeline.publishClock(epochMillis, System.nanoTime());
                    }

                    @Override
                    public void report(ExecutionReport report) {
                        pipeline.publishReport(report);
                    }
                });
                err.println("sentio: resuming journal " + run.journal + " after "
                    + (lastJournaled == Long.MIN_VALUE ? "no bar set" : "minute " + lastJournaled));
            }
            RunResult result;
            try {
                while (merger.next(scratch) && (journal == null || journal.failure() == null)) {
                    if (scratch.epochSecond > lastJournaled) {
                        pipeline.publish(scratch, pacer.awaitSlot(scratch));
                    }
                }
            } finally {
                result = pipeline.finish();
            }
            if (journal != null) {
                finishJournal(journal, result);
            }
            return result;
        } finally {
            if (journal != null) {
                journal.close();
            }
        }
    }

    private static void finishJournal(RunJournal journal, RunResult result) {
        RuntimeException failure = journal.failure();
        if (failure == null) {
            try {
                journal.finish(result);
            } catch (JournalException e) {
                failure = e;
            }
        }
        if (failure instanceof JournalWriteException) {
            throw new SentioException(ExitCodes.JOURNAL_FAILED, failure.getMessage()
                + "; the run stopped taking decisions and sent nothing it had not journaled", failure);
        }
        if (failure instanceof JournalDivergenceException) {
            throw new SentioException(ExitCodes.REPLAY_DIVERGED, "--journal " + journal.directory() + ": "
                + failure.getMessage(), failure);
        }
        if (failure != null) {
            throw new SentioException(ExitCodes.FAILURE, "--journal " + journal.directory() + ": journaling failed: "
                + failure, failure);
        }
    }

    private static RunJournal openJournal(RunOptions run, RunMode mode, Universe universe, WarmState warm, int shards) {
        int longestSymbol = 0;
        for (String s : universe.symbols()) {
            longestSymbol = Math.max(longestSymbol, s.length());
        }
        // run id (".s<desk>" more for a shadow desk), '-', 10-digit minute, '-', symbol, '-', order sequence of up
        // to 10 digits
        int shadowSuffix = run.shadows.isEmpty() ? 0 : 2 + String.valueOf(run.shadows.size()).length();
        if (run.runId.length() + shadowSuffix + longestSymbol + 23 > JournalFormat.CLIENT_ORDER_ID_MAX) {
            throw SentioException.badUsage("--run-id " + run.runId + " is too long to journal: client order ids hold at"
                + " most " + JournalFormat.CLIENT_ORDER_ID_MAX + " characters (run id, minute, symbol, sequence)");
        }
        RunHeader header = new RunHeader(run.runId, BuildInfo.codeVersion(), mode, System.currentTimeMillis(),
            warm == null ? 0 : warm.fingerprint(), universe.symbols(), run.paramsBytes(), run.symbolsBytes());
        try {
            return RunJournal.open(run.journal, run.journalMinFreeMb << 20, header, run.deskDefinitions(), shards,
                warm == null ? 0 : warm.fingerprint(), warm == null ? null : new UnsafeBuffer(warm.bytes()));
        } catch (JournalCorruptException e) {
            throw SentioException.badData("--journal: cannot resume: " + e.getMessage());
        } catch (JournalSpaceException | JournalWriteException e) {
            throw new SentioException(ExitCodes.JOURNAL_FAILED, "--journal: " + e.getMessage(), e);
        } catch (JournalException | IllegalArgumentException e) {
            throw SentioException.badUsage("--journal: " + e.getMessage());
        }
    }
}
