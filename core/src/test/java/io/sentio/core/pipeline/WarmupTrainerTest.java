package io.sentio.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sentio.core.config.StrategyParams;
import io.sentio.core.learn.OnlineLearner;
import io.sentio.core.market.BarSet;
import io.sentio.core.market.Universe;
import io.sentio.core.sync.SessionMinuteMerger;
import io.sentio.core.synth.SyntheticMarket;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WarmupTrainerTest {
    private static final StrategyParams PARAMS = StrategyParams.defaults();
    private static final SyntheticMarket MARKET = SyntheticMarket.generate(7, LocalDate.of(2025, 4, 1), 4);

    private static OnlineLearner[] learners(int n) {
        OnlineLearner[] l = new OnlineLearner[n];
        for (int s = 0; s < n; s++) {
            l[s] = new OnlineLearner(PARAMS.oes, PARAMS.buyThreshold);
        }
        return l;
    }

    private static BarSet[] sets(Universe u) {
        List<BarSet> out = new ArrayList<>();
        try (SessionMinuteMerger m = new SessionMinuteMerger(MARKET.sources())) {
            BarSet b = new BarSet(u.size());
            while (m.next(b)) {
                BarSet copy = new BarSet(u.size());
                copy.copyFrom(b);
                out.add(copy);
            }
        }
        return out.toArray(new BarSet[0]);
    }

    @Test
    void shouldLeaveEveryLearnerAndTheSynchronizerAsThePipelineDoes() {
        Universe u = MARKET.universe();
        Pipeline pipeline = new Pipeline(new PipelineContext().universe(u).params(PARAMS).shards(2)
            .learnerFactory(s -> new OnlineLearner(PARAMS.oes, PARAMS.buyThreshold)).conclude());
        pipeline.run(MARKET.sources());
        BarSet[] sets = sets(u);
        OnlineLearner[] sequentialLearners = learners(u.size());
        OnlineLearner[] parallelLearners = learners(u.size());
        WarmupTrainer parallel = new WarmupTrainer(parallelLearners, PARAMS.maxForwardFill, PARAMS.maxMissingSymbols);
        parallel.train(sets, 2);
        WarmupTrainer sequential = new WarmupTrainer(sequentialLearners, PARAMS.maxForwardFill, PARAMS.maxMissingSymbols);
        for (BarSet b : sets) {
            sequential.train(b);
        }
        assertEquals(sets.length, parallel.barSets());
        for (int s = 0; s < u.size(); s++) {
            long inRing = pipeline.learner(s).stateHash();
            assertEquals(inRing, parallelLearners[s].stateHash(), u.symbol(s));
            assertEquals(inRing, sequentialLearners[s].stateHash(), u.symbol(s));
        }
        assertEquals(pipeline.syncState().stateHash(), parallel.syncState().stateHash());
        assertEquals(pipeline.syncState().stateHash(), sequential.syncState().stateHash());
    }
}
