package io.sentio.launcher.live;

import io.sentio.core.execution.ExecutionReport;
import io.sentio.core.live.MinuteAssembler;
import io.sentio.core.market.Universe;
import io.sentio.core.pipeline.Pipeline;
import io.sentio.core.pipeline.PipelineContext;
import io.sentio.core.pipeline.RunResult;
import io.sentio.core.pipeline.TradeListener;
import io.sentio.core.pipeline.TradePrinter;
import io.sentio.core.time.SessionCalendar;
import io.sentio.journal.pipeline.RunJournal;
import io.sentio.launcher.ExitCodes;
import io.sentio.launcher.SentioException;
import io.sentio.launcher.alpaca.trading.Broker;
import io.sentio.launcher.report.RunSummary;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code sentio live} for one session: reconcile, then market data in through the
 * {@link MinuteAssembler}, decisions through the same pipeline as backtest and mock, orders out
 * through {@link AlpacaVenue}, fills back in as ring events. What it talks to comes in as
 * {@link LiveConnections} (broker, clock, bar feed, order events). Ends at the session's close minute, on
 * {@link #requestStop}, or, after the market-data stream gave up reconnecting, with a flatten and
 * exit code {@link ExitCodes#VENUE_FAILURE}.
 */
public final class LiveDaemon {
    /** Well inside the shutdown hook's 60 s and systemd's default 90 s stop timeout. */
    private static final long FLATTEN_WAIT_MILLIS = 30_000;
    /**
     * For the final reports of orders still working after the last bar set: the broker expires DAY
     * market orders at the close, seconds before the close minute's bars are in.
     */
    private static final long FINAL_REPORTS_WAIT_MILLIS = 10_000;

    private final LiveSettings s;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile LiveSequencer sequencer;
    private volatile BlockingDeque<LiveInput> inputs;
    private volatile boolean stopRequested;
    private volatile LiveReport report;

    public LiveDaemon(LiveSettings settings) {
        this.s = settings.conclude();
    }

    /** Asks a running session to stop cleanly (SIGTERM); flattens if the settings say so. */
    public void requestStop(String why) {
        stopRequested = true;
        BlockingDeque<LiveInput> in = inputs;
        if (in != null) {
            in.add(new LiveInput.Stop(ExitCodes.OK, why, s.flattenOnExit));
        }
    }

    /** Waits until {@link #run} has returned (for a shutdown hook). */
    public boolean awaitFinished(long timeout, TimeUnit unit) throws InterruptedException {
        return finished.await(timeout, unit);
    }

    public LiveReport report() {
        return report;
    }

    public int run() throws Exception {
        try {
            return session();
        } finally {
            finished.countDown();
        }
    }

    private int session() throws Exception {
        PrintStream err = s.err;
        // The settings' context is a concluded template: this session adds its run id, venue, listeners
        // and journal hooks to a copy and concludes that once.
        PipelineContext ctx = s.pipeline.copy();
        Universe universe = ctx.universe();
        Broker broker = s.connections.broker();
        BlockingDeque<LiveInput> inputs = new LinkedBlockingDeque<>();
        this.inputs = inputs;
        LiveClock clock = s.connections.clock();
        clock.anchor();
        long now = clock.epochMillis();
        long day = SessionCalendar.nyEpochDay(now / 1000);
        if (!SessionCalendar.isTradingDay(day)
            || now / 1000 >= SessionCalendar.openEpochSecond(day) + 60L * (SessionCalendar.closeMinute(day) + 1)) {
            err.println("sentio live: the market is closed today (" + java.time.LocalDate.ofEpochDay(day)
                + "); start the daemon before or during a session");
            report = new LiveReport(ExitCodes.MARKET_CLOSED, null, "", 0, 0, 0, 0, "", 0, 0);
            return ExitCodes.MARKET_CLOSED;
        }
        if (s.warmLastDay != null && day <= s.warmLastDay.toEpochDay()) {
            throw SentioException.badUsage("--state was trained through " + s.warmLastDay + ": it cannot trade the session "
                + java.time.LocalDate.ofEpochDay(day) + " (that would be look-ahead)");
        }
        warnIfStale(s.warmLastDay, java.time.LocalDate.ofEpochDay(day), err);
        if (s.sessionRunId) {
            ctx.runId("L" + java.time.LocalDate.ofEpochDay(day).format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE));
        }
        List<Broker.Position> held = broker.positions();
        AlpacaVenue venue = new AlpacaVenue(universe, ctx.runId(), broker, inputs::add, err, s.observer);
        LiveStatus status = new LiveStatus(universe, clock, err);
        TradeListener watcher = s.observer.sessionStarting(new SessionObserver.Session(java.time.LocalDate.ofEpochDay(day),
            ctx.runId(), universe, ctx.params(), clock, status::position));
        ctx.venue(venue).listener(new Listeners(new TradePrinter(universe, s.out, day, ctx.runId()), status,
            s.extraListener, watcher));
        RunJournal journal = null;
        int exit = ExitCodes.FAILURE;
        try {
            journal = openJournal(ctx);
            ctx.conclude();
            Reconciliation fresh = null;
            if (journal == null || !journal.resumed()) {
                fresh = Reconciliation.of(universe, held);
                if (!fresh.matches() && !(s.adopt && fresh.adoptable())) {
                    exit = refuse(fresh);
                    return exit;
                }
                if (!fresh.matches() || !fresh.unmanaged.isEmpty()) {
                    err.println("sentio live: " + fresh.report()
                        + (fresh.matches() ? "" : "\nsentio live: adopting the broker's positions"));
                }
            }
            exit = trade(ctx, journal, fresh, universe, broker, inputs, clock, venue, status, day);
            return exit;
        } finally {
            if (journal != null) {
                journal.close();
            }
            s.observer.sessionEnded(exit);
        }
    }

    private int refuse(Reconciliation rec) {
        s.err.println("sentio live: " + rec.report());
        s.err.println(rec.adoptable() ? "sentio live: not trading; close those positions or pass --adopt to take them over"
            : "sentio live: not trading; close the short or fractional positions at the broker first");
        report = new LiveReport(ExitCodes.RECONCILIATION_MISMATCH, null, "", 0, 0, 0, 0, "", 0, 0);
        return ExitCodes.RECONCILIATION_MISMATCH;
    }

    /**
     * A daily chain of {@code --state-out}/{@code --state} breaks silently when a session ends
     * without writing its state (any non-zero exit): the next day trades on learners that never saw it.
     * Unlike mock and backtest, the daemon has no bars of the missed sessions to train on; say so.
     */
    static void warnIfStale(java.time.LocalDate warmLastDay, java.time.LocalDate session, PrintStream err) {
        if (warmLastDay != null && (!SessionCalendar.covers(warmLastDay)
            || warmLastDay.isBefore(SessionCalendar.previousTradingDay(session)))) {
            err.println("sentio live: warning: --state was trained through " + warmLastDay + "; the sessions after it, through "
                + SessionCalendar.previousTradingDay(session) + ", are not in it (`sentio warmup --until " + session
                + "` trains through them)");
        }
    }

    /**
     * Opens the session's journal and hooks it into {@code ctx}. One that already holds this session is the journal of a daemon
     * that died: the session resumes from it ({@link SessionRecovery}).
     */
    private RunJournal openJournal(PipelineContext ctx) {
        if (s.journal == null) {
            return null;
        }
        RunJournal journal = s.journal.open(ctx.runId(), ctx.shards());
        ctx.journalIn(journal.journalIn()).journalOut(journal.journalOut()).shadowRecorder(journal.shadowRecorder());
        return journal;
    }

    /** {@code fresh}: the start's reconciliation; null when resuming (reconciled after the journal's replay). */
    private int trade(PipelineContext ctx, RunJournal journal, Reconciliation fresh, Universe universe, Broker broker,
                      BlockingDeque<LiveInput> inputs, LiveClock clock, AlpacaVenue venue, LiveStatus status, long day)
        throws Exception {
        PrintStream err = s.err;
        Pipeline pipeline = new Pipeline(ctx);
        s.observer.pipelineBuilt(pipeline);
        pipeline.start();
        TradeUpdateFeed updates = s.connections.tradeUpdates();
        updates.start(venue);
        if (!updates.awaitListening(10, TimeUnit.SECONDS)) {
            venue.onStreamDown("no trade_updates subscription within 10 s");
            updates.late();
        }
        long resumeAfter = Long.MIN_VALUE;
        Reconciliation rec = fresh;
        if (fresh == null) {
            SessionRecovery recovery = new SessionRecovery(journal, pipeline, venue, status, inputs, universe, err);
            try {
                resumeAfter = recovery.replay();
                rec = recovery.reconcile(broker.positions());
            } catch (Exception e) {
                updates.close();
                pipeline.finish();
                throw e;
            }
            if (!rec.matches() && !(s.adopt && rec.adoptable())) {
                updates.close();
                pipeline.finish();
                return refuse(rec);
            }
            err.println("sentio live: " + rec.report() + (rec.matches() ? "" : "\nsentio live: adopting the broker's positions"));
        }
        for (Reconciliation.Mismatch m : rec.mismatched) {
            double price = m.daemon == 0 ? m.brokerAvgPrice : pipeline.syncLastClose(m.symbol);
            pipeline.publishReport(new ExecutionReport().set(m.symbol, -1, ExecutionReport.ADOPTED, m.broker - m.daemon,
                price, clock.epochMillis()));
        }

        // The local exchange starts its replay on the first subscription; bars that arrive while the
        // rest starts up wait in the queue.
        FeedState feed = new FeedState(inputs, err, s.observer);
        if (resumeAfter != Long.MIN_VALUE) {
            feed.startDown();
        }
        BarFeed stream = s.connections.bars();
        stream.start(resumeAfter, feed::onBar, feed);
        if (!feed.awaitSubscribed(10, TimeUnit.SECONDS)) {
            err.println("sentio live: no market-data subscription within 10 s; still trying");
        }
        clock.anchor();
        // a minute without any bar waits until the silence watchdog has had its say (MinuteAssembler)
        long syncTimeout = ctx.params().syncTimeoutMillis;
        MinuteAssembler assembler = new MinuteAssembler(universe.size(), day, syncTimeout,
            Math.max(syncTimeout, silenceTimeoutMillis(clock.speed())));
        if (resumeAfter != Long.MIN_VALUE) {
            assembler.resumeAfter(resumeAfter);
        }
        LiveSequencer seq = new LiveSequencer(inputs, pipeline, assembler, universe.symbols().toArray(new String[0]), err,
            s.observer);
        sequencer = seq;
        if (stopRequested) {
            inputs.add(new LiveInput.Stop(ExitCodes.OK, "stop requested", s.flattenOnExit));
        }
        venue.start(seq);

        ScheduledExecutorService timers = Executors.newScheduledThreadPool(1, r -> {
            Thread t = new Thread(r, "sentio-live-clock");
            t.setDaemon(true);
            return t;
        });
        long tickMicros = Math.max(200, (long) (s.tickMillis * 1000 / Math.max(1.0, clock.speed())));
        timers.scheduleAtFixedRate(() -> inputs.add(new LiveInput.Clock(clock.epochMillis())), 0, tickMicros,
            TimeUnit.MICROSECONDS);
        timers.scheduleWithFixedDelay(() -> pollIfDue(venue), 500, 500, TimeUnit.MILLISECONDS);
        if (clock.speed() > 0) {
            timers.scheduleWithFixedDelay(() -> reanchor(clock), 1, 1, TimeUnit.SECONDS);
        }
        if (journal != null) {
            JournalFailureWatch watch = new JournalFailureWatch(journal, inputs, s.flattenOnJournalFailure);
            timers.scheduleWithFixedDelay(watch::check, 20, 20, TimeUnit.MILLISECONDS);
        }
        err.println("sentio live: session " + java.time.LocalDate.ofEpochDay(day) + ", " + universe.size()
            + " symbols, run id " + ctx.runId() + ", trading " + s.connections.where());

        LiveInput.Stop stop = seq.run();
        stream.close();
        timers.shutdownNow();
        // The ring may still be deciding on the last bar sets (the session-end flatten among them): their
        // orders reach the sender before it is told to stop, or they would never leave.
        pipeline.awaitDrained();
        venue.closeAndDrain();
        if (stop == null) {
            SessionClose.awaitFinalReports(pipeline, seq, venue, universe, err, FINAL_REPORTS_WAIT_MILLIS);
        } else {
            seq.drainReports();
        }
        RunResult result = pipeline.finish();
        boolean flatten = stop != null && stop.flatten();
        if (stop != null && stop.exitCode() == ExitCodes.JOURNAL_FAILED) {
            err = JournalFailureWatch.alongsideFallbackFile(journal, err);
        }
        if (stop != null) {
            err.println("sentio live: stopping: " + stop.reason());
        }
        if (flatten) {
            SessionClose.flatten(broker, universe, err, FLATTEN_WAIT_MILLIS);
        }
        updates.close();
        String brokerPositions = SessionClose.brokerPositions(broker);
        err.println("sentio live: " + seq.summary());
        err.println("sentio live: orders sent " + venue.sent() + ", rejected " + venue.rejected()
            + "; " + venue.latency());
        err.println("sentio live: garbage dropped: market data " + s.connections.bars().garbageDropped()
            + ", trade_updates " + s.connections.tradeUpdates().garbageDropped());
        err.println("sentio live: positions: daemon " + status.positionsText() + ", broker " + brokerPositions);
        RunSummary.print(result, s.out);
        int exit = stop == null ? ExitCodes.OK : stop.exitCode();
        if (journal != null && !SessionClose.finishJournal(journal, result, err) && exit == ExitCodes.OK) {
            exit = ExitCodes.FAILURE;
        }
        if (s.stateOut != null && exit == ExitCodes.OK) {
            s.stateOut.write(pipeline, result, java.time.LocalDate.ofEpochDay(day));
        }
        report = new LiveReport(exit, result, brokerPositions, venue.sent(), venue.rejected(), seq.publishedSets(),
            seq.backfilledSets(), venue.latency().toString(), s.connections.bars().garbageDropped(),
            s.connections.tradeUpdates().garbageDropped());
        if (err != s.err) {
            err.close();
        }
        return exit;
    }

    private static void pollIfDue(AlpacaVenue venue) {
        try {
            venue.pollIfDue();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Against the exchange: its replay pauses when the host stalls, so its clock is read again every second. */
    private static void reanchor(LiveClock clock) {
        try {
            clock.anchor();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The stream's silence watchdog counts market time; at many times real time its 90 s would be
     * a few hundred real milliseconds, less than a stall of a loaded host: keep at least 5 real seconds.
     */
    static long silenceTimeoutMillis(double marketSpeed) {
        return (long) Math.max(90_000, 5_000 * marketSpeed);
    }
}
