package io.sentio.launcher.live;

import io.sentio.core.pipeline.Pipeline;
import io.sentio.core.pipeline.PipelineContext;
import io.sentio.core.pipeline.RunResult;
import io.sentio.core.pipeline.TradeListener;
import io.sentio.journal.pipeline.RunJournal;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Settings of one {@link LiveDaemon} session. The connections are what it talks to. The pipeline
 * context carries universe, params, learners, ring options and run id; the daemon adds the venue and
 * listeners to it, so journal hooks set on it by the journal wiring plug in unchanged.
 */
public final class LiveSettings {
    PipelineContext pipeline;
    LiveConnections connections;
    boolean adopt;
    boolean sessionRunId;
    boolean flattenOnExit;
    /** A failed journal write: close the session's positions (true, the default) or halt holding them. */
    boolean flattenOnJournalFailure = true;
    long tickMillis = 100;
    PrintStream out = System.out;
    PrintStream err = System.err;
    TradeListener extraListener;
    SessionObserver observer = SessionObserver.NONE;
    JournalOpener journal;
    LocalDate warmLastDay;
    StateSink stateOut;

    public LiveSettings pipeline(PipelineContext v) { pipeline = v; return this; }
    /** What the session talks to; its feeds start once, so one session per connections. */
    public LiveSettings connections(LiveConnections v) { connections = v; return this; }
    public LiveSettings adopt(boolean v) { adopt = v; return this; }
    /**
     * Replace the context's run id by {@code L<yyyymmdd>} of the session being traded (market time):
     * a restart the same session reuses it, so a resent order keeps its client order id.
     */
    public LiveSettings sessionRunId(boolean v) { sessionRunId = v; return this; }
    public LiveSettings flattenOnExit(boolean v) { flattenOnExit = v; return this; }
    public LiveSettings flattenOnJournalFailure(boolean v) { flattenOnJournalFailure = v; return this; }
    /** Real milliseconds between CLOCK events (divided by the market speed against the exchange). */
    public LiveSettings tickMillis(long v) { tickMillis = v; return this; }
    public LiveSettings out(PrintStream v) { out = v; return this; }
    public LiveSettings err(PrintStream v) { err = v; return this; }
    /** Also told of every order, fill and bar set (tests, recorders). */
    public LiveSettings extraListener(TradeListener v) { extraListener = v; return this; }
    /** Watches the session from outside the trading path (metrics, status page). */
    public LiveSettings observer(SessionObserver v) { observer = Objects.requireNonNull(v, "observer"); return this; }

    /** Journal the session (inputs, outputs, RUN_END): opened once the session's run id is known. */
    public LiveSettings journal(JournalOpener v) { journal = v; return this; }

    /** The last session a --state warm start was trained on: the daemon refuses to trade it or an earlier one. */
    public LiveSettings warmLastDay(LocalDate v) { warmLastDay = v; return this; }
    /** Told the drained pipeline after a clean end (end of session or SIGTERM), for --state-out. */
    public LiveSettings stateOut(StateSink v) { stateOut = v; return this; }

    /** Writes the state of a cleanly finished session. */
    @FunctionalInterface
    public interface StateSink {
        void write(Pipeline pipeline, RunResult result, LocalDate session);
    }

    /** Opens the session's journal for the final run id (header mode LIVE or LIVE_PAPER). */
    @FunctionalInterface
    public interface JournalOpener {
        RunJournal open(String runId, int shards);
    }

    LiveSettings conclude() {
        Objects.requireNonNull(pipeline, "pipeline context");
        Objects.requireNonNull(connections, "connections");
        if (tickMillis < 1) {
            throw new IllegalArgumentException("tick >= 1 ms, got " + tickMillis);
        }
        return this;
    }
}
