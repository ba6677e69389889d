package io.sentio.core.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.sentio.core.execution.ExecutionReport;
import io.sentio.core.execution.WorkingOrders;
import io.sentio.core.execution.ExecutionVenue;
import io.sentio.core.learn.Learner;
import io.sentio.core.learn.ModelOutputs;
import io.sentio.core.market.BarSet;
import io.sentio.core.market.BarSource;
import io.sentio.core.state.Stateful;
import io.sentio.core.sync.BarSetSynchronizer;
import io.sentio.core.sync.SessionMinuteMerger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * One run of the engine over one Disruptor ring (DESIGN §3):
 * <pre>
 *   journal-in (optional) ────────────────────────────────┐
 *   sync ──> learner shard 0..K-1 (parallel) ──> portfolio ┴─> journal-out (optional) ──> execution
 *                                            └──> shadow desks (optional; after journal-in too when journaled)
 * </pre>
 * on a thread per stage ({@link Layout#THROUGHPUT}) or on a lead thread and a helper per other
 * shard ({@link Layout#LATENCY}); the learners' deferred updates run after their shard's outputs
 * are published.
 * Single use: a pipeline owns fresh learners and portfolio state; build another for another run.
 * The producer publishes one bar set per session minute through a static translator; in steady
 * state nothing on the path from publish to execution allocates.
 */
public final class Pipeline {
    private final PipelineContext ctx;
    private final int symbols;
    private final Learner[] learners;
    private final BarSetSynchronizer sync;
    private final ExecutionVenue venue;
    private final TradingDesk desk;
    private final List<ShadowDesk> shadows = new ArrayList<>();
    private final int modelWidth;
    private final Stages stages;
    private final LatencyStats[] stageLatency;
    /** Per shard, the learners' deferred updates (after the shard's outputs are published). */
    private final LatencyStats[] learnLatency;
    private final LatencyStats endToEnd = new LatencyStats("end-to-end");
    private final LatencyStats toJournaled = new LatencyStats("in->orders-journaled");
    private final LatencyStats toVenue = new LatencyStats("in->venue-called");
    private final LatencyStats shadowLatency = new LatencyStats("shadow-desks");
    private final AtomicLong failures = new AtomicLong();
    private final List<EventHandler<PipelineEvent>> endOfChain = new ArrayList<>();
    /** Stages whose deferred work (the learners' updates) runs after their sequence is published. */
    private final List<StageHandler> deferring = new ArrayList<>();
    private final StageThreads threads = new StageThreads();
    private final PipelineEvent.Publication publication = new PipelineEvent.Publication();
    private Disruptor<PipelineEvent> disruptor;
    private RingBuffer<PipelineEvent> ring;
    private long published;
    private long startedNanos;
    private long elapsedNanos;
    private boolean halted;

    public Pipeline(PipelineContext context) {
        context.checkConcluded();
        this.ctx = context;
        this.symbols = context.universe().size();
        this.learners = new Learner[symbols];
        for (int s = 0; s < symbols; s++) {
            learners[s] = context.learnerFactory().create(s);
            if (learners[s] == null) {
                throw new IllegalArgumentException("learner factory returned null for symbol " + s);
            }
        }
        this.sync = new BarSetSynchronizer(symbols, context.params().maxForwardFill, context.params().maxMissingSymbols);
        if (context.syncLastClose() != null) {
            for (int s = 0; s < symbols; s++) {
                sync.restore(s, context.syncLastClose()[s], context.syncMissingRun()[s]);
            }
        }
        this.venue = context.venueOrSimulated();
        this.desk = new TradingDesk(symbols, context.params(), venue, context.expectedBars());
        if (context.calibrationState() != null) {
            desk.expectedReturn().calibration().restore(context.calibrationState());
        }
        for (PipelineContext.ShadowSpec spec : context.shadows()) {
            shadows.add(new ShadowDesk(spec.name(), spec.params(), symbols, context));
        }
        boolean needsOutputs = !shadows.isEmpty() || desk.needsModelOutputs();
        if (needsOutputs && learners[0].modelOutputs() == null) {
            throw new IllegalArgumentException("shadow desks and decision expected_return need learners with a model"
                + " (OnlineLearner), not " + learners[0].getClass().getSimpleName());
        }
        this.modelWidth = needsOutputs ? ModelOutputs.width(context.params().oes.horizonCount()) : 0;
        this.stages = new Stages(context.shards());
        this.stageLatency = new LatencyStats[stages.execution() + 1];
        for (int slot = 0; slot < stageLatency.length; slot++) {
            stageLatency[slot] = new LatencyStats(stages.name(slot));
        }
        this.learnLatency = new LatencyStats[context.shards()];
        for (int s = 0; s < learnLatency.length; s++) {
            learnLatency[s] = new LatencyStats("learn-" + s);
        }
    }

    /** Runs over one source per symbol (universe order) and closes them. */
    public RunResult run(BarSource[] sources) {
        if (sources.length != symbols) {
            throw new IllegalArgumentException("need one bar source per symbol: " + symbols + ", got " + sources.length);
        }
        try (SessionMinuteMerger merger = new SessionMinuteMerger(sources)) {
            return run(merger);
        }
    }

    /** Publishes every minute of {@code merger}, paced by the context's pacer, then drains. */
    public RunResult run(SessionMinuteMerger merger) {
        start();
        BarSet scratch = new BarSet(symbols);
        Pacer pacer = ctx.pacer();
        try {
            while (merger.next(scratch)) {
                publish(scratch, pacer.awaitSlot(scratch));
            }
        } finally {
            stopRing();
        }
        return result();
    }

    /**
     * Before {@link #start}: every latency a stage records (names as {@link Stages#name}, plus
     * "learn-k" for the shards' deferred learning, "end-to-end" and "shadow-desks") is also handed to {@code taps.apply(name)}, on that stage's
     * thread; a null tap leaves the stage alone. For a live metrics exporter.
     */
    public void tapLatency(Function<String, LongConsumer> taps) {
        if (disruptor != null) {
            throw new IllegalStateException("tap the latencies before the ring starts");
        }
        for (LatencyStats l : stageLatency) {
            l.tap(taps.apply(l.name()));
        }
        for (LatencyStats l : learnLatency) {
            l.tap(taps.apply(l.name()));
        }
        endToEnd.tap(taps.apply(endToEnd.name()));
        shadowLatency.tap(taps.apply(shadowLatency.name()));
    }

    /** Starts the handler threads; then {@link #publish} bar sets and {@link #finish()}. */
    public void start() {
        if (disruptor != null) {
            throw new IllegalStateException("a pipeline runs once; build a new one");
        }
        disruptor = build();
        ring = disruptor.start();
        startedNanos = System.nanoTime();
    }

    /**
     * Publishes one bar set as received (copied into the ring; {@code set} may be reused at once).
     * Blocks while the ring is full. {@code stampNanos} is the nanoTime end-to-end latency is
     * measured from: now, or the planned send time under a paced load.
     */
    public void publish(BarSet set, long stampNanos) {
        publish(set, stampNanos, false);
    }

    /** As {@link #publish(BarSet, long)}, flagging a set assembled from backfilled bars (live, after a reconnect). */
    public void publish(BarSet set, long stampNanos, boolean backfilled) {
        publication.barSet = set;
        publication.stampNanos = stampNanos;
        publication.backfilled = backfilled;
        ring.publishEvent(PipelineEvent.BAR_SET_TRANSLATOR, publication);
        published++;
    }

    /**
     * Publishes a clock tick (DESIGN §3: time enters only through events). Ticks are journaled and
     * replayed in order with the bar sets; no stage of a simulated run acts on them.
     */
    public void publishClock(long epochMillis, long stampNanos) {
        publication.clockMillis = epochMillis;
        publication.stampNanos = stampNanos;
        ring.publishEvent(PipelineEvent.CLOCK_TRANSLATOR, publication);
    }

    /** {@link #publishClock(long, long)} stamped now: the live clock source's call. */
    public void publishClock(long epochMillis) {
        publishClock(epochMillis, System.nanoTime());
    }

    /**
     * Publishes a live venue's execution report (copied); the portfolio stage hands it to the venue,
     * or applies an adopted position. Same thread as {@link #publish}.
     */
    public void publishReport(ExecutionReport report) {
        publication.report.copyFrom(report);
        publication.stampNanos = System.nanoTime();
        ring.publishEvent(PipelineEvent.FILL_TRANSLATOR, publication);
    }

    /** Waits until every published bar set went through every stage, stops the ring, returns the result. */
    public RunResult finish() {
        stopRing();
        return result();
    }

    /**
     * Waits, without stopping the ring, until every bar set published so far went through every
     * stage. (Disruptor#shutdown is not used: it ignores handlers whose thread has not started
     * yet, so a short run could stop with events unprocessed.)
     */
    public void awaitDrained() {
        long cursor = ring.getCursor();
        for (EventHandler<PipelineEvent> h : endOfChain) {
            while (disruptor.getSequenceValueFor(h) < cursor) {
                LockSupport.parkNanos(10_000);
            }
        }
        // The learners' deferred updates of the last bar set may still run after execution is done.
        for (StageHandler h : deferring) {
            while (h.completedSequence() < cursor) {
                LockSupport.parkNanos(10_000);
            }
        }
    }

    /**
     * Clears the end-to-end and stage latency histograms, so a benchmark can exclude its warm-up.
     * Only between {@link #awaitDrained()} and the next publish (the handlers are idle).
     */
    public void resetLatency() {
        endToEnd.reset();
        toJournaled.reset();
        toVenue.reset();
        for (LatencyStats s : stageLatency) {
            s.reset();
        }
        for (LatencyStats s : learnLatency) {
            s.reset();
        }
    }

    private void stopRing() {
        if (!halted) {
            halted = true;
            awaitDrained();
            disruptor.halt();
            elapsedNanos = System.nanoTime() - startedNanos;
            desk.finish();
            for (ShadowDesk shadow : shadows) {
                shadow.desk().finish();
            }
        }
    }

    private RunResult result() {
        return ResultAssembler.assemble(this, published, elapsedNanos);
    }

    /** The handler threads of a started pipeline (for allocation and CPU diagnostics). */
    public List<Thread> handlerThreads() {
        return threads.started();
    }

    private Disruptor<PipelineEvent> build() {
        WaitStrategy wait = ctx.waitStrategy().get();
        Disruptor<PipelineEvent> d = new Disruptor<>(PipelineEvent.factory(symbols, stages.slots(), modelWidth), ctx.ringSize(),
            threads, ProducerType.SINGLE, wait);
        int k = ctx.shards();
        LearnerShardHandler[] shards = new LearnerShardHandler[k];
        for (int s = 0; s < k; s++) {
            shards[s] = new LearnerShardHandler(s, k, learners, stageLatency[stages.shard(s)], learnLatency[s],
                modelWidth);
        }
        SyncHandler syncHandler = new SyncHandler(sync, stageLatency[Stages.SYNC]);
        DeskHandler deskHandler = new DeskHandler(desk, stages.desk(), stageLatency[stages.desk()]);
        ExecutionHandler exec = new ExecutionHandler(venue, ctx.listener(), stages, stageLatency[stages.execution()],
            endToEnd, toJournaled, toVenue);
        StageWiring wiring = new StageWiring(d, ctx, stages, failures);
        List<StageHandler> signalling = ctx.layout() == Layout.LATENCY
            ? wiring.latency(syncHandler, shards, deskHandler, exec)
            : wiring.throughput(syncHandler, shards, deskHandler, exec);
        deferring.addAll(wiring.deferring());
        endOfChain.addAll(wiring.endOfChain());
        if (!shadows.isEmpty()) {
            ShadowDeskHandler shadowHandler = new ShadowDeskHandler(shadows, stages, k, shadowLatency,
                ctx.shadowRecorder());
            List<EventHandler<PipelineEvent>> before = new ArrayList<>();
            if (ctx.layout() == Layout.LATENCY) {
                // The lead has run journal-in and every shard (it waits for the helpers) before it publishes.
                before.addAll(endOfChain);
            } else {
                before.addAll(List.of(shards));
                if (ctx.journalIn() != null) {
                    // A shadow desk's journaled outputs, like desk 0's, follow the inputs they come from.
                    before.add(ctx.journalIn());
                }
            }
            @SuppressWarnings("unchecked")
            EventHandler<PipelineEvent>[] upstream = before.toArray(new EventHandler[0]);
            d.after(upstream).handleEventsWith(shadowHandler);
            wiring.guard(shadowHandler, stages.shadows());
            signalling.add(shadowHandler);
            endOfChain.add(shadowHandler);
        }
        if (wait instanceof StageBlockingWaitStrategy) {
            for (StageHandler h : signalling) {
                h.signalThrough((StageBlockingWaitStrategy) wait);
            }
        }
        return d;
    }


    /** Whether the ring has been started (and may take {@link #publish}). */
    public boolean started() {
        return disruptor != null;
    }

    /** The hash of {@link RunState}'s walk: sync, every learner (symbol order), the portfolio stage. */
    public long stateHash() {
        return new RunState(sync, learners, desk).stateHash();
    }

    PipelineContext context() {
        return ctx;
    }

    TradingDesk desk() {
        return desk;
    }

    /** The shadow desks, in the order given (read after {@link #finish}). */
    public List<ShadowDesk> shadows() {
        return List.copyOf(shadows);
    }

    BarSetSynchronizer synchronizer() {
        return sync;
    }

    long failures() {
        return failures.get();
    }

    List<LatencyStats.Summary> stageSummaries() {
        List<LatencyStats.Summary> out = new ArrayList<>(stageLatency.length + learnLatency.length);
        for (LatencyStats l : stageLatency) {
            out.add(l.summary());
        }
        for (LatencyStats l : learnLatency) {
            out.add(l.summary());
        }
        return out;
    }

    LatencyStats.Summary endToEndSummary() {
        return endToEnd.summary();
    }

    /** Bar set in (publish stamp) to orders journaled, to venue called, to execution done. */
    List<LatencyStats.Summary> criticalPathSummaries() {
        return List.of(toJournaled.summary(), toVenue.summary(), endToEnd.summary());
    }

    /** The synchronizer's last real close of a symbol (after {@link #finish}: the state a warm start resumes). */
    public double syncLastClose(int symbol) {
        return sync.lastClose(symbol);
    }

    /** The synchronizer's state walk (after {@link #finish}: the state a warm start resumes). */
    public Stateful syncState() {
        return sync;
    }

    /** The expected_return desk's calibration (after {@link #finish}: what a warm start resumes), or null. */
    public Stateful calibrationState() {
        return desk.needsModelOutputs() ? desk.expectedReturn().calibration() : null;
    }

    /** Shares of a symbol the portfolio holds; only while the ring is drained ({@link #awaitDrained}) or finished. */
    public long shares(int symbol) {
        return desk.portfolio().shares(symbol);
    }

    /** The orders sent and not yet settled; only while the ring is drained or finished. */
    public WorkingOrders workingOrders() {
        return desk.working();
    }

    public Learner learner(int symbol) {
        return learners[symbol];
    }

    /** Handler threads: daemon, named by stage order, so a crashed run never pins the JVM. */
    private static final class StageThreads implements ThreadFactory {
        private final List<Thread> started = new CopyOnWriteArrayList<>();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "sentio-stage-" + started.size());
            t.setDaemon(true);
            started.add(t);
            return t;
        }

        List<Thread> started() {
            return List.copyOf(started);
        }
    }
}
