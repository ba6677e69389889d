package io.sentio.launcher.live;

import io.sentio.core.execution.ExecutionReport;
import io.sentio.core.execution.WorkingOrders;
import io.sentio.core.market.BarSet;
import io.sentio.core.market.Universe;
import io.sentio.core.pipeline.Pipeline;
import io.sentio.journal.JournalException;
import io.sentio.journal.pipeline.RunJournal;
import io.sentio.launcher.ExitCodes;
import io.sentio.launcher.SentioException;
import io.sentio.launcher.alpaca.trading.Broker;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingDeque;

/**
 * A daemon restarted (after {@code kill -9}, a crash, a power cut) in a session its journal already
 * holds. The journaled inputs go through the ring again, unsent: the learners, the portfolio and the
 * order sequence come back exactly as they were, and every output is checked against the journal.
 * Events whose outputs the journal holds are not acted on again (nothing is re-sent); orders still
 * working that the journal holds no final word on are looked up at the broker by their
 * deterministic client order ids. The
 * positions that result are reconciled with the broker's before trading goes on from the minute
 * after the journal's last, whose bars the market-data stream backfills. A session stopped by SIGTERM
 * ended its journal with a RUN_END: the re-run must stand there before it goes on past it.
 */
final class SessionRecovery {
    private final RunJournal journal;
    private final Pipeline pipeline;
    private final AlpacaVenue venue;
    private final LiveStatus status;
    private final BlockingDeque<LiveInput> inputs;
    private final Universe universe;
    private final PrintStream err;

    SessionRecovery(RunJournal journal, Pipeline pipeline, AlpacaVenue venue, LiveStatus status,
                    BlockingDeque<LiveInput> inputs, Universe universe, PrintStream err) {
        this.journal = journal;
        this.pipeline = pipeline;
        this.venue = venue;
        this.status = status;
        this.inputs = inputs;
        this.universe = universe;
        this.err = err;
    }

    /**
     * Re-publishes the journal's inputs, settles the orders left open with the broker's word on them,
     * and waits until the ring has taken it all in. Returns the start second of the journal's last bar
     * set (Long.MIN_VALUE if it holds none).
     */
    long replay() throws IOException, InterruptedException {
        long[] counts = new long[3];
        status.quiet(true);
        long last = journal.replayInputs(new BarSet(universe.size()), new RunJournal.InputSink() {
            @Override
            public void barSet(BarSet set, boolean backfilled) {
                pipeline.publish(set, System.nanoTime(), backfilled);
                counts[0]++;
            }

            @Override
            public void clock(long epochMillis) {
                pipeline.publishClock(epochMillis);
                counts[1]++;
            }

            @Override
            public void report(ExecutionReport report) {
                pipeline.publishReport(report);
                counts[2]++;
            }
        });
        pipeline.awaitDrained();
        // Before the broker's word on open orders below: a stop's RUN_END was written at this point.
        try {
            journal.checkStop(counts[0]);
        } catch (JournalException e) {
            throw diverged(e);
        }
        status.quiet(false);
        err.println("sentio live: resuming journal " + journal.directory() + ": replayed " + counts[0] + " bar sets, "
            + counts[1] + " clocks, " + counts[2] + " execution reports"
            + (last == Long.MIN_VALUE ? "" : "; last minute " + Instant.ofEpochSecond(last)));
        venue.recover(pipeline.workingOrders());
        // Only reports can be queued yet (market data starts after this): the ring takes them now,
        // so the reconciliation below sees them.
        for (LiveInput in; (in = inputs.peekFirst()) instanceof LiveInput.Report; ) {
            inputs.pollFirst();
            pipeline.publishReport(((LiveInput.Report) in).report());
        }
        pipeline.awaitDrained();
        if (journal.failure() != null) {
            throw diverged(journal.failure());
        }
        return last;
    }

    private SentioException diverged(RuntimeException cause) {
        return new SentioException(ExitCodes.REPLAY_DIVERGED, "--journal " + journal.directory() + ": the replayed "
            + "session differs from its journal (" + cause.getMessage() + "); not trading on it", cause);
    }


    /**
     * The broker's positions against the daemon's after {@link #replay}: the portfolio's, plus the
     * fills reported on a working order that the next bar set settles.
     */
    Reconciliation reconcile(List<Broker.Position> broker) {
        WorkingOrders working = pipeline.workingOrders();
        long[] daemon = new long[universe.size()];
        for (int s = 0; s < daemon.length; s++) {
            daemon[s] = pipeline.shares(s);
            status.position(s, daemon[s]);
            if (working.has(s)) {
                long filled = venue.reportedUnsettled(s, working.sequence(s));
                daemon[s] += working.quantity(s) > 0 ? filled : -filled;
            }
        }
        return Reconciliation.of(universe, broker, daemon, "as its journal of this session says");
    }
}
