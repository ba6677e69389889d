package io.sentio.core.pipeline;

import io.sentio.core.learn.Learner;
import io.sentio.core.state.StateCodec;
import io.sentio.core.state.Stateful;
import io.sentio.core.sync.BarSetSynchronizer;

/**
 * The engine's whole state as one walk: the synchronizer, every learner in symbol order, then the
 * portfolio stage. Its hash is the run's state hash, which journals record and replay compares,
 * so every engine built from these parts (the ring, the queue benchmark) hashes the same way.
 */
public final class RunState implements Stateful {
    private final BarSetSynchronizer sync;
    private final Learner[] learners;
    private final TradingDesk desk;

    public RunState(BarSetSynchronizer sync, Learner[] learners, TradingDesk desk) {
        this.sync = sync;
        this.learners = learners;
        this.desk = desk;
    }

    @Override
    public void visit(StateCodec c) {
        sync.visit(c);
        for (Learner l : learners) {
            l.visit(c);
        }
        desk.visit(c);
    }
}
