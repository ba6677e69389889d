package io.sentio.core.testing;

import io.sentio.core.config.StrategyParams;
import io.sentio.core.execution.FillTiming;
import io.sentio.core.market.Universe;
import io.sentio.core.pipeline.Pipeline;
import io.sentio.core.pipeline.PipelineContext;
import io.sentio.core.pipeline.RunResult;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * A scripted market for rotation tests: symbols S0..Sn-1 with per-minute p scripts (C = 1, so
 * strength = p), prices and gaps from functions, run through the real pipeline.
 */
public final class Scenario {
    public final RecordingListener listener = new RecordingListener();
    private final int symbols;
    private final ScriptedLearner.Script[] p;
    private List<LocalDate> days = List.of(LocalDate.of(2025, 4, 1));
    private StrategyParams params = StrategyParams.defaults();
    private ScriptedMarket.Price open = (s, d, m) -> 100.0;
    private ScriptedMarket.Price close = (s, d, m) -> 100.0;
    private ScriptedMarket.Presence present = (s, d, m) -> true;
    private int shards = 1;
    private FillTiming fillTiming = FillTiming.NEXT_OPEN;

    public Scenario(int symbols) {
        this.symbols = symbols;
        this.p = new ScriptedLearner.Script[symbols];
        Arrays.fill(p, (ScriptedLearner.Script) (d, m) -> 0.5);
    }

    public Scenario p(int symbol, ScriptedLearner.Script script) {
        p[symbol] = script;
        return this;
    }

    public Scenario days(LocalDate... v) {
        days = List.of(v);
        return this;
    }

    public Scenario params(StrategyParams v) {
        params = v;
        return this;
    }

    public Scenario open(ScriptedMarket.Price v) {
        open = v;
        return this;
    }

    public Scenario close(ScriptedMarket.Price v) {
        close = v;
        return this;
    }

    public Scenario present(ScriptedMarket.Presence v) {
        present = v;
        return this;
    }

    public Scenario shards(int v) {
        shards = v;
        return this;
    }

    public Scenario fillTiming(FillTiming v) {
        fillTiming = v;
        return this;
    }

    public RunResult run() {
        String[] names = new String[symbols];
        for (int s = 0; s < symbols; s++) {
            names[s] = "S" + s;
        }
        PipelineContext ctx = new PipelineContext()
            .universe(Universe.of(names))
            .params(params)
            .shards(shards)
            .learnerFactory(s -> new ScriptedLearner(p[s], (d, m) -> 1.0, params.buyThreshold))
            .listener(listener)
            .fillTiming(fillTiming)
            .conclude();
        return new Pipeline(ctx).run(ScriptedMarket.build(symbols, days, open, close, present));
    }
}
