package io.sentio.core.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.dsl.Disruptor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Puts a {@link Pipeline}'s stages onto the ring's threads by {@link Layout}. The same stages, the
 * same order of dependencies in both layouts, so the same journal and state hash; each stage
 * failure is marked in the stage's own slot either way.
 */
final class StageWiring {
    private final Disruptor<PipelineEvent> d;
    private final PipelineContext ctx;
    private final Stages stages;
    private final AtomicLong failures;
    private final List<StageHandler> deferring = new ArrayList<>();
    private final List<EventHandler<PipelineEvent>> endOfChain = new ArrayList<>();

    StageWiring(Disruptor<PipelineEvent> d, PipelineContext ctx, Stages stages, AtomicLong failures) {
        this.d = d;
        this.ctx = ctx;
        this.stages = stages;
        this.failures = failures;
    }

    /** Stages whose deferred work (the learners' updates) runs after their sequence is published. */
    List<StageHandler> deferring() {
        return deferring;
    }

    /** The handlers a drained ring waits for. */
    List<EventHandler<PipelineEvent>> endOfChain() {
        return endOfChain;
    }

    /** {@link Layout#THROUGHPUT}: a thread per stage; returns the stages that signal a stage-blocking wait. */
    List<StageHandler> throughput(SyncHandler syncHandler, LearnerShardHandler[] shards, DeskHandler deskHandler,
                                  ExecutionHandler exec) {
        StageHandler journalIn = ctx.journalIn();
        StageHandler journalOut = ctx.journalOut();
        List<StageHandler> signalling = new ArrayList<>();
        d.handleEventsWith(syncHandler);
        guard(syncHandler, Stages.SYNC);
        signalling.add(syncHandler);
        if (journalIn != null) {
            d.handleEventsWith(journalIn);
            guard(journalIn, stages.journalIn());
            signalling.add(journalIn);
        }
        d.after(syncHandler).handleEventsWith(shards);
        for (int s = 0; s < shards.length; s++) {
            guard(shards[s], stages.shard(s));
            signalling.add(shards[s]);
            deferring.add(shards[s]);
        }
        d.after(shards).handleEventsWith(deskHandler);
        guard(deskHandler, stages.desk());
        signalling.add(deskHandler);
        if (journalOut != null) {
            // Journal-out waits for journal-in too: a minute's outputs always follow its inputs in the journal.
            d.after(deskHandler, journalIn).handleEventsWith(journalOut);
            guard(journalOut, stages.journalOut());
            signalling.add(journalOut);
            d.after(journalOut).handleEventsWith(exec);
        } else {
            d.after(deskHandler).handleEventsWith(exec);
        }
        guard(exec, stages.execution());
        endOfChain.add(exec);
        return signalling;
    }

    /**
     * {@link Layout#LATENCY}: the lead thread runs every stage but shards 1..K-1 inline, one helper
     * thread per other shard; both consume the ring directly. Stage failures are marked per slot
     * as in the throughput layout ({@link InlineStep}).
     */
    List<StageHandler> latency(SyncHandler syncHandler, LearnerShardHandler[] shards, DeskHandler deskHandler,
                               ExecutionHandler exec) {
        Sequence synced = new Sequence(-1);
        // Journal-in runs after sync, while the helpers predict: it reads the bar set as received.
        List<InlineStep> whileHelpersPredict = new ArrayList<>();
        if (ctx.journalIn() != null) {
            whileHelpersPredict.add(step(ctx.journalIn(), stages.journalIn()));
        }
        List<InlineStep> after = new ArrayList<>();
        after.add(step(deskHandler, stages.desk()));
        if (ctx.journalOut() != null) {
            after.add(step(ctx.journalOut(), stages.journalOut()));
        }
        after.add(step(exec, stages.execution()));
        ShardHelperHandler[] helpers = new ShardHelperHandler[shards.length - 1];
        for (int s = 1; s < shards.length; s++) {
            helpers[s - 1] = new ShardHelperHandler(synced, step(shards[s], stages.shard(s)));
        }
        LeadHandler lead = new LeadHandler(synced, step(syncHandler, Stages.SYNC),
            whileHelpersPredict.toArray(new InlineStep[0]), step(shards[0], stages.shard(0)), helpers,
            after.toArray(new InlineStep[0]));
        List<StageHandler> signalling = new ArrayList<>();
        d.handleEventsWith(lead);
        guard(lead, Stages.SYNC);
        signalling.add(lead);
        deferring.add(lead);
        for (int s = 0; s < helpers.length; s++) {
            d.handleEventsWith(helpers[s]);
            guard(helpers[s], stages.shard(s + 1));
            deferring.add(helpers[s]);
        }
        endOfChain.add(lead);
        return signalling;
    }

    private InlineStep step(StageHandler stage, int slot) {
        return new InlineStep(stage, new FailureHandler(slot, stages.name(slot), failures));
    }

    void guard(EventHandler<PipelineEvent> handler, int slot) {
        d.handleExceptionsFor(handler).with(new FailureHandler(slot, stages.name(slot), failures));
    }
}
