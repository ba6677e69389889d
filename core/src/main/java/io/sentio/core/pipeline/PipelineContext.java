package io.sentio.core.pipeline;

import com.lmax.disruptor.WaitStrategy;
import io.sentio.core.config.StrategyParamTable;
import io.sentio.core.config.StrategyParams;
import io.sentio.core.execution.ClientOrderIds;
import io.sentio.core.execution.ExecutionVenue;
import io.sentio.core.execution.FillTiming;
import io.sentio.core.execution.SimulatedBroker;
import io.sentio.core.market.Universe;
import java.util.function.Supplier;

/**
 * Everything a {@link Pipeline} run needs, set fluently and validated once by {@link #conclude()}
 * (Aeron's rule: setters and a second conclude refuse after it). Defaults: K = min(cores, 4) learner shards, ring of 1024, blocking wait on every upstream stage (the
 * pipeline has more threads than this kind of machine has cores: see {@link StageBlockingWaitStrategy}),
 * the simulated broker with the
 * params' costs, no pacing, no listener, no journal hooks.
 */
public final class PipelineContext {
    private Universe universe;
    private StrategyParams params;
    private LearnerFactory learnerFactory;
    private int shards = Math.min(Runtime.getRuntime().availableProcessors(), 4);
    private int ringSize = 1024;
    private Supplier<WaitStrategy> waitStrategy = StageBlockingWaitStrategy::new;
    private Layout layout = Layout.THROUGHPUT;
    private ExecutionVenue venue;
    private FillTiming fillTiming = FillTiming.NEXT_OPEN;
    private StageHandler journalIn;
    private StageHandler journalOut;
    private TradeListener listener;
    private Pacer pacer = Pacer.UNPACED;
    private String runId = "run";
    private int expectedBars = 1 << 16;
    private java.util.List<ShadowSpec> shadows = java.util.List.of();
    private ShadowRecorder shadowRecorder;
    private double[] syncLastClose;
    private byte[] calibrationState;
    private int[] syncMissingRun;
    private boolean concluded;

    public PipelineContext universe(Universe v) {
        mutable();
        universe = v;
        return this;
    }

    public PipelineContext params(StrategyParams v) {
        mutable();
        params = v;
        return this;
    }

    /**
     * Shadow desks (DESIGN §3): each with its own signal and trading parameters over desk 0's
     * model outputs; their model and sync parameters must equal desk 0's (checked by conclude).
     */
    public PipelineContext shadows(java.util.List<ShadowSpec> v) {
        mutable();
        shadows = java.util.List.copyOf(v);
        return this;
    }

    /**
     * Receives every shadow desk's outputs (the journal); with journal hooks set, the shadow desks
     * also wait for journal-in, so their records follow the inputs they come from.
     */
    public PipelineContext shadowRecorder(ShadowRecorder v) {
        mutable();
        shadowRecorder = v;
        return this;
    }

    /** A shadow desk's name (as reports show it) and parameters. */
    public record ShadowSpec(String name, StrategyParams params) {
    }

    public PipelineContext learnerFactory(LearnerFactory v) {
        mutable();
        learnerFactory = v;
        return this;
    }

    /** Learner shards K: shard s owns the symbols with index % K == s. */
    public PipelineContext shards(int v) {
        mutable();
        shards = v;
        return this;
    }

    public PipelineContext ringSize(int v) {
        mutable();
        ringSize = v;
        return this;
    }

    public PipelineContext waitStrategy(Supplier<WaitStrategy> v) {
        mutable();
        waitStrategy = v;
        return this;
    }

    /** Stages onto threads ({@link Layout}); THROUGHPUT unless told. Journal and state hash do not depend on it. */
    public PipelineContext layout(Layout v) {
        mutable();
        layout = v;
        return this;
    }

    public PipelineContext venue(ExecutionVenue v) {
        mutable();
        venue = v;
        return this;
    }

    /** Fill timing of the default simulated broker (ignored when a venue is set); NEXT_OPEN unless told. */
    public PipelineContext fillTiming(FillTiming v) {
        mutable();
        fillTiming = v;
        return this;
    }

    /** Runs in parallel with sync on every event as received (DESIGN §3 stage 1). */
    public PipelineContext journalIn(StageHandler v) {
        mutable();
        journalIn = v;
        return this;
    }

    /**
     * Runs after the portfolio stage and journal-in, and before execution (DESIGN §3 stage 4), so
     * nothing leaves the process before its inputs and outputs are journaled; execution skips an
     * event on which either journal stage failed. Failures to journal are those of
     * {@code ev.failedBefore(execution slot)}.
     */
    public PipelineContext journalOut(StageHandler v) {
        mutable();
        journalOut = v;
        return this;
    }

    public PipelineContext listener(TradeListener v) {
        mutable();
        listener = v;
        return this;
    }

    public PipelineContext pacer(Pacer v) {
        mutable();
        pacer = v;
        return this;
    }

    /** Part of every client order id: 1-32 of [A-Za-z0-9_.]. */
    public PipelineContext runId(String v) {
        mutable();
        runId = v;
        return this;
    }

    /** Bar sets the run is expected to hold; pre-sizes the equity curve so the run never grows it. */
    public PipelineContext expectedBars(int v) {
        mutable();
        expectedBars = v;
        return this;
    }

    /**
     * Warm start of the synchronizer: per symbol the last real close and the run of missing bars
     * since, as a warmup left them (null: a cold start).
     */
    public PipelineContext syncState(double[] lastClose, int[] missingRun) {
        mutable();
        syncLastClose = lastClose;
        syncMissingRun = missingRun;
        return this;
    }

    /** Warm start of the expected_return desk's calibration: its state walk as a warmup left it (null: cold). */
    public PipelineContext calibrationState(byte[] walk) {
        mutable();
        calibrationState = walk;
        return this;
    }

    /** Validates once; afterwards the context is read-only (Aeron's rule): {@link #copy} it to change it. */
    public PipelineContext conclude() {
        mutable();
        if (universe == null) {
            throw new IllegalArgumentException("pipeline: universe is required");
        }
        if (params == null) {
            throw new IllegalArgumentException("pipeline: params are required");
        }
        if (learnerFactory == null) {
            throw new IllegalArgumentException("pipeline: learner factory is required");
        }
        if (shards < 1 || shards > universe.size()) {
            throw new IllegalArgumentException("pipeline: shards must be in [1, " + universe.size() + "], got " + shards);
        }
        if (ringSize < 2 || Integer.bitCount(ringSize) != 1) {
            throw new IllegalArgumentException("pipeline: ring size must be a power of two >= 2, got " + ringSize);
        }
        if (universe.size() > 64) {
            throw new IllegalArgumentException("pipeline: at most 64 symbols (holdings timeline is a bit mask)");
        }
        if (waitStrategy == null || layout == null || pacer == null || fillTiming == null || expectedBars < 0) {
            throw new IllegalArgumentException("pipeline: wait strategy, layout, pacer and fill timing must be set, expected bars >= 0");
        }
        if ((journalIn == null) != (journalOut == null)) {
            throw new IllegalArgumentException("pipeline: journal-in and journal-out hooks go together");
        }
        if ((syncLastClose == null) != (syncMissingRun == null) || (syncLastClose != null
            && (syncLastClose.length != universe.size() || syncMissingRun.length != universe.size()))) {
            throw new IllegalArgumentException("pipeline: sync state needs last closes and missing runs for every symbol");
        }
        if (calibrationState != null && params.decision != StrategyParams.Decision.EXPECTED_RETURN) {
            throw new IllegalArgumentException("pipeline: a calibration state warms only a desk with decision expected_return");
        }
        for (ShadowSpec shadow : shadows) {
            String differs = modelDifference(params, shadow.params());
            if (differs != null) {
                throw new IllegalArgumentException("pipeline: shadow desk " + shadow.name() + " has another " + differs
                    + " than desk 0: a shadow desk shares desk 0's model and sync, only signal and trading parameters may differ");
            }
        }
        ClientOrderIds.checkRunId(runId);
        concluded = true;
        return this;
    }

    /**
     * The first parameter a shadow desk must share with desk 0 in which {@code b} differs from
     * {@code a}, or null: the MODEL rows, and the forward-fill limit (the shadow reads desk 0's
     * stale flags).
     */
    static String modelDifference(StrategyParams a, StrategyParams b) {
        String model = a.modelDifference(b);
        if (model != null) {
            return model;
        }
        return a.maxForwardFill != b.maxForwardFill ? StrategyParamTable.MAX_FORWARD_FILL.key() : null;
    }

    public java.util.List<ShadowSpec> shadows() {
        return shadows;
    }

    public ShadowRecorder shadowRecorder() {
        return shadowRecorder;
    }

    /**
     * An unconcluded copy with the same settings: a concluded context is a template that a run which
     * adds its own parts (a venue, listeners, journal hooks) copies instead of changing.
     */
    public PipelineContext copy() {
        PipelineContext c = new PipelineContext();
        c.universe = universe;
        c.params = params;
        c.learnerFactory = learnerFactory;
        c.shards = shards;
        c.ringSize = ringSize;
        c.waitStrategy = waitStrategy;
        c.layout = layout;
        c.venue = venue;
        c.fillTiming = fillTiming;
        c.journalIn = journalIn;
        c.journalOut = journalOut;
        c.listener = listener;
        c.pacer = pacer;
        c.runId = runId;
        c.expectedBars = expectedBars;
        c.syncLastClose = syncLastClose;
        c.syncMissingRun = syncMissingRun;
        c.calibrationState = calibrationState;
        c.shadows = shadows;
        c.shadowRecorder = shadowRecorder;
        return c;
    }

    private void mutable() {
        if (concluded) {
            throw new IllegalStateException("pipeline context already concluded: copy() it to change it");
        }
    }

    void checkConcluded() {
        if (!concluded) {
            throw new IllegalStateException("pipeline context not concluded");
        }
    }

    public Universe universe() {
        return universe;
    }

    public StrategyParams params() {
        return params;
    }

    public LearnerFactory learnerFactory() {
        return learnerFactory;
    }

    public int shards() {
        return shards;
    }

    public int ringSize() {
        return ringSize;
    }

    public Supplier<WaitStrategy> waitStrategy() {
        return waitStrategy;
    }

    public Layout layout() {
        return layout;
    }

    /** The venue set, or a fresh simulated broker with the params' costs. */
    ExecutionVenue venueOrSimulated() {
        return venue != null ? venue : SimulatedBroker.of(params, fillTiming);
    }

    public StageHandler journalIn() {
        return journalIn;
    }

    public StageHandler journalOut() {
        return journalOut;
    }

    public FillTiming fillTiming() {
        return fillTiming;
    }

    public TradeListener listener() {
        return listener;
    }

    public Pacer pacer() {
        return pacer;
    }

    public String runId() {
        return runId;
    }

    double[] syncLastClose() {
        return syncLastClose;
    }

    int[] syncMissingRun() {
        return syncMissingRun;
    }

    byte[] calibrationState() {
        return calibrationState;
    }

    public int expectedBars() {
        return expectedBars;
    }
}
