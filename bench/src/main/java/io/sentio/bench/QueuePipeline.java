package io.sentio.bench;

import com.lmax.disruptor.EventHandler;
import io.sentio.core.config.StrategyParams;
import io.sentio.core.execution.FillTiming;
import io.sentio.core.execution.SimulatedBroker;
import io.sentio.core.learn.Learner;
import io.sentio.core.market.BarSet;
import io.sentio.core.pipeline.DeskHandler;
import io.sentio.core.pipeline.ExecutionHandler;
import io.sentio.core.pipeline.LatencyStats;
import io.sentio.core.pipeline.LearnerFactory;
import io.sentio.core.pipeline.LearnerShardHandler;
import io.sentio.core.pipeline.PipelineEvent;
import io.sentio.core.pipeline.Stages;
import io.sentio.core.pipeline.RunState;
import io.sentio.core.pipeline.SyncHandler;
import io.sentio.core.pipeline.TradingDesk;
import io.sentio.core.sync.BarSetSynchronizer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The same handler objects as the ring (sync, K learner shards, portfolio, execution) connected by
 * ArrayBlockingQueues instead: the baseline the Disruptor is measured against. Events come from
 * a fixed pool, so neither variant allocates per bar set; the difference is the hand-off.
 * Fan-out to the shards is one queue per shard; the portfolio thread fans in by taking one
 * event from each shard queue (every shard sees events in the same order).
 */
final class QueuePipeline {
    private final int symbols;
    private final int shards;
    private final Stages stages;
    private final Learner[] learners;
    private final BarSetSynchronizer sync;
    private final TradingDesk desk;
    private final LatencyStats endToEnd = new LatencyStats("end-to-end");
    private final BlockingQueue<PipelineEvent> free;
    private final BlockingQueue<PipelineEvent> toSync;
    private final List<BlockingQueue<PipelineEvent>> toShard = new ArrayList<>();
    private final List<BlockingQueue<PipelineEvent>> fromShard = new ArrayList<>();
    private final BlockingQueue<PipelineEvent> toExec;
    private final List<Thread> threads = new ArrayList<>();
    private final PipelineEvent.Publication publication = new PipelineEvent.Publication();
    private long sequence;

    QueuePipeline(int symbols, int shards, int capacity, StrategyParams params, LearnerFactory factory, int expectedBars) {
        this.symbols = symbols;
        this.shards = shards;
        this.stages = new Stages(shards);
        this.learners = new Learner[symbols];
        for (int s = 0; s < symbols; s++) {
            learners[s] = factory.create(s);
        }
        this.sync = new BarSetSynchronizer(symbols, params.maxForwardFill, params.maxMissingSymbols);
        SimulatedBroker venue = SimulatedBroker.of(params, FillTiming.NEXT_OPEN);
        this.desk = new TradingDesk(symbols, params, venue, expectedBars);
        free = new ArrayBlockingQueue<>(capacity);
        for (int i = 0; i < capacity; i++) {
            free.add(PipelineEvent.factory(symbols, stages.slots()).newInstance());
        }
        toSync = new ArrayBlockingQueue<>(capacity);
        toExec = new ArrayBlockingQueue<>(capacity);
        for (int k = 0; k < shards; k++) {
            toShard.add(new ArrayBlockingQueue<>(capacity));
            fromShard.add(new ArrayBlockingQueue<>(capacity));
        }
        SyncHandler syncHandler = new SyncHandler(sync, new LatencyStats("sync"));
        threads.add(stage("queue-sync", toSync, syncHandler, toShard));
        for (int k = 0; k < shards; k++) {
            LearnerShardHandler h = new LearnerShardHandler(k, shards, learners, new LatencyStats("l" + k),
                new LatencyStats("learn" + k), 0);
            threads.add(stage("queue-learner-" + k, toShard.get(k), h, List.of(fromShard.get(k))));
        }
        DeskHandler deskHandler = new DeskHandler(desk, stages.desk(), new LatencyStats("desk"));
        threads.add(new Thread(() -> runDesk(deskHandler), "queue-desk"));
        ExecutionHandler exec = new ExecutionHandler(venue, null, stages, new LatencyStats("exec"), endToEnd,
            new LatencyStats("in->journaled"), new LatencyStats("in->venue"));
        threads.add(stage("queue-exec", toExec, exec, List.of(free)));
        for (Thread t : threads) {
            t.setDaemon(true);
            t.start();
        }
    }

    private Thread stage(String name, BlockingQueue<PipelineEvent> in, EventHandler<PipelineEvent> handler,
                         List<BlockingQueue<PipelineEvent>> outs) {
        return new Thread(() -> {
            try {
                while (true) {
                    PipelineEvent ev = in.take();
                    handler.onEvent(ev, ev.index, in.isEmpty());
                    for (int i = 0; i < outs.size(); i++) {
                        outs.get(i).put(ev);
                    }
                    if (ev.kind == PipelineEvent.CONTROL) {
                        return;
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(name + " failed", e);
            }
        }, name);
    }

    private void runDesk(DeskHandler handler) {
        try {
            while (true) {
                PipelineEvent ev = fromShard.get(0).take();
                for (int k = 1; k < shards; k++) {
                    if (fromShard.get(k).take() != ev) {
                        throw new IllegalStateException("shard queues out of order");
                    }
                }
                handler.onEvent(ev, ev.index, false);
                toExec.put(ev);
                if (ev.kind == PipelineEvent.CONTROL) {
                    return;
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("queue-desk failed", e);
        }
    }

    void publish(BarSet set, long stampNanos) throws InterruptedException {
        PipelineEvent ev = free.take();
        publication.barSet = set;
        publication.stampNanos = stampNanos;
        PipelineEvent.BAR_SET_TRANSLATOR.translateTo(ev, sequence++, publication);
        toSync.put(ev);
    }

    /** Sends the stop marker through every stage and waits for the threads. */
    void finish() throws InterruptedException {
        PipelineEvent ev = free.take();
        ev.kind = PipelineEvent.CONTROL;
        toSync.put(ev);
        for (Thread t : threads) {
            t.join();
        }
        desk.finish();
    }

    /** Waits until every published bar set is back in the free pool. */
    void awaitDrained(int capacity) throws InterruptedException {
        while (free.size() < capacity) {
            Thread.sleep(0, 10_000);
        }
    }

    List<Thread> threads() {
        return threads;
    }

    LatencyStats endToEnd() {
        return endToEnd;
    }

    /** The hash of {@link RunState}'s walk: sync, every learner (symbol order), the portfolio stage. */
    long stateHash() {
        return new RunState(sync, learners, desk).stateHash();
    }

    int symbols() {
        return symbols;
    }
}
