package io.sentio.launcher.optimize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sentio.core.config.StrategyParams;
import io.sentio.core.metrics.Metrics;
import io.sentio.core.pipeline.BarTape;
import io.sentio.core.pipeline.DeskReplay;
import io.sentio.core.pipeline.LearnerFactory;
import io.sentio.core.pipeline.ModelTape;
import io.sentio.core.pipeline.Pipeline;
import io.sentio.core.pipeline.PipelineContext;
import io.sentio.core.pipeline.RunResult;
import io.sentio.core.sync.SessionMinuteMerger;
import io.sentio.launcher.SentioException;
import io.sentio.launcher.config.ParamsLoader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs one trial (tools/WORKER-PROTOCOL.md {@code evaluate}): validates the trial's params with
 * the file rules, pins the costs to the worker's, and backtests {@code [from, to]} from untrained
 * models and a new portfolio, exactly like {@code sentio backtest --from --to} without
 * {@code --state}. With a {@link TapeCache} the models run once per model-parameter set and range
 * and each trial is its desk replayed over that {@link ModelTape} (bit for bit the full backtest);
 * without one every trial runs the whole pipeline.
 */
public final class TrialEvaluator {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final LoadedMarket market;
    private final StrategyParams costsFrom;
    private final Function<StrategyParams, LearnerFactory> learners;
    private final int shards;
    private final TapeCache tapes;

    /**
     * @param costsFrom the params file given to the worker: the only source of costs
     * @param shards learner shards per full pipeline
     * @param tapeBudgetBytes heap for cached model tapes; negative: no tapes, every trial a full pipeline
     */
    public TrialEvaluator(LoadedMarket market, StrategyParams costsFrom, Function<StrategyParams, LearnerFactory> learners,
                          int shards, long tapeBudgetBytes) {
        this.market = market;
        this.costsFrom = costsFrom;
        this.learners = learners;
        this.shards = shards;
        this.tapes = tapeBudgetBytes < 0 ? null : new TapeCache(tapeBudgetBytes);
    }

    /**
     * Validated params of a request; a bad key or value is a {@link SentioException} naming it. Costs
     * the request leaves out are the worker's; costs it names must equal the worker's.
     */
    public StrategyParams params(JsonNode params, String source) {
        if (!params.isObject()) {
            return ParamsLoader.fromJson(params, source);
        }
        ObjectNode withCosts = ((ObjectNode) params).deepCopy();
        JsonNode given = params.get("costs");
        if (given == null || !given.isObject()) {
            if (given == null) {
                withCosts.set("costs", costs());
            }
            return ParamsLoader.fromJson(withCosts, source);
        }
        ObjectNode merged = costs();
        merged.setAll((ObjectNode) given);
        withCosts.set("costs", merged);
        StrategyParams p = ParamsLoader.fromJson(withCosts, source);
        checkCost(source, "costs.slippage_bps", p.slippageBps, costsFrom.slippageBps);
        checkCost(source, "costs.half_spread_ticks", p.halfSpreadTicks, costsFrom.halfSpreadTicks);
        checkCost(source, "costs.tick_size", p.tickSize, costsFrom.tickSize);
        checkCost(source, "costs.commission_per_share", p.commissionPerShare, costsFrom.commissionPerShare);
        return p;
    }

    /** The costs every trial of this worker assumes, as the params file spells them. */
    public ObjectNode costs() {
        return NODES.objectNode().put("slippage_bps", costsFrom.slippageBps)
            .put("half_spread_ticks", costsFrom.halfSpreadTicks).put("tick_size", costsFrom.tickSize)
            .put("commission_per_share", costsFrom.commissionPerShare);
    }

    private static void checkCost(String source, String key, double trial, double worker) {
        if (Double.compare(trial, worker) != 0) {
            throw SentioException.badUsage(source + ": key '" + key + "': " + trial
                + " differs from the worker's --params (" + worker + "): costs are fixed by the worker, never searched");
        }
    }

    /** The backtest of {@code params} over the sessions {@code [from, to]}. */
    public RunResult run(StrategyParams params, LocalDate from, LocalDate to) {
        checkRange(from, to);
        PipelineContext ctx = context(params);
        if (tapes == null) {
            return new Pipeline(ctx).run(market.sources(from, to));
        }
        BarTape bars = barTape(from, to);
        ModelTape tape = tapes.model(TapeCache.Key.of(params, from, to), () -> ModelTape.record(params, bars));
        return DeskReplay.run(ctx, tape, bars);
    }

    private void checkRange(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw SentioException.badUsage("from " + from + " is after to " + to);
        }
        if (market.sessionsBetween(from, to) == 0) {
            throw SentioException.badUsage("no session in the data between " + from + " and " + to);
        }
    }

    private PipelineContext context(StrategyParams params) {
        return new PipelineContext().universe(market.universe()).params(params)
            .learnerFactory(learners.apply(params)).shards(shards).conclude();
    }

    private BarTape barTape(LocalDate from, LocalDate to) {
        return tapes.bars(from, to, () -> {
            try (SessionMinuteMerger m = new SessionMinuteMerger(market.sources(from, to))) {
                return BarTape.record(market.universe().size(), m);
            }
        });
    }

    /** One trial of a batch: validated params and its range. */
    public record Trial(StrategyParams params, LocalDate from, LocalDate to) {
    }

    /** What became of one trial of a batch: its result, or the exception that refused or failed it. */
    public record Outcome(RunResult result, RuntimeException error) {
    }

    /**
     * The trials of a batch, answers in trial order, each identical to {@link #run} of that trial
     * alone. With tapes, the trials that share a model tape (model parameters and range) run as
     * desks side by side over one pass of it ({@link DeskReplay#runAll}), the tape recorded at most
     * once; a trial that cannot run fails alone.
     */
    public List<Outcome> runBatch(List<Trial> trials) {
        Outcome[] outcomes = new Outcome[trials.size()];
        Map<TapeCache.Key, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < outcomes.length; i++) {
            Trial t = trials.get(i);
            if (tapes == null) {
                outcomes[i] = attempt(() -> run(t.params(), t.from(), t.to()));
                continue;
            }
            try {
                checkRange(t.from(), t.to());
                groups.computeIfAbsent(TapeCache.Key.of(t.params(), t.from(), t.to()), k -> new ArrayList<>()).add(i);
            } catch (RuntimeException e) {
                outcomes[i] = new Outcome(null, e);
            }
        }
        for (Map.Entry<TapeCache.Key, List<Integer>> group : groups.entrySet()) {
            runGroup(group.getKey(), group.getValue(), trials, outcomes);
        }
        return List.of(outcomes);
    }

    private void runGroup(TapeCache.Key key, List<Integer> members, List<Trial> trials, Outcome[] outcomes) {
        LocalDate from = key.from();
        LocalDate to = key.to();
        List<Integer> ready = new ArrayList<>();
        List<PipelineContext> contexts = new ArrayList<>();
        ModelTape tape = null;
        BarTape bars = null;
        for (int i : members) {
            StrategyParams p = trials.get(i).params();
            try {
                PipelineContext ctx = context(p);
                BarTape b = barTape(from, to);
                // The first trial of the group records the tape (a miss), the others find it (hits).
                tape = tapes.model(key, () -> ModelTape.record(p, b));
                bars = b;
                contexts.add(ctx);
                ready.add(i);
            } catch (RuntimeException e) {
                outcomes[i] = new Outcome(null, e);
            }
        }
        if (ready.isEmpty()) {
            return;
        }
        try {
            List<RunResult> results = DeskReplay.runAll(contexts, tape, bars);
            for (int k = 0; k < ready.size(); k++) {
                outcomes[ready.get(k)] = new Outcome(results.get(k), null);
            }
        } catch (RuntimeException e) {
            for (int i : ready) {
                outcomes[i] = new Outcome(null, e);
            }
        }
    }

    private static Outcome attempt(java.util.function.Supplier<RunResult> run) {
        try {
            return new Outcome(run.get(), null);
        } catch (RuntimeException e) {
            return new Outcome(null, e);
        }
    }

    /** "tapes 3 (123 MB), hits 40, misses 3", or "no tapes" for a worker that runs every learner. */
    public String tapeSummary() {
        if (tapes == null) {
            return "no tapes";
        }
        return String.format(java.util.Locale.ROOT, "tapes %d (%d MB), hits %d, misses %d", tapes.size(),
            tapes.bytes() >> 20, tapes.hits(), tapes.misses());
    }

    /**
     * The protocol's {@code metrics} object. Undefined ratios are null; {@code max_drawdown_pct}
     * is {@code <= 0} (the protocol's sign; {@code backtest --json} writes the positive depth).
     */
    public static ObjectNode metrics(RunResult r) {
        Metrics m = r.metrics;
        ObjectNode o = NODES.objectNode();
        o.put("sessions", m.sessions);
        number(o, "mrd_pct", m.mrdPct);
        number(o, "sharpe", m.sharpe);
        number(o, "sortino", m.sortino);
        number(o, "max_drawdown_pct", m.maxDrawdownPct == 0 ? 0.0 : -m.maxDrawdownPct);
        number(o, "win_rate", m.winRate);
        number(o, "profit_factor", m.profitFactor);
        o.put("trades", m.trades);
        number(o, "total_return_pct", m.totalReturnPct);
        var daily = o.putArray("daily");
        for (int i = 0; i < r.sessionDays.length; i++) {
            ObjectNode d = daily.addObject();
            d.put("date", LocalDate.ofEpochDay(r.sessionDays[i]).toString());
            number(d, "return_pct", 100 * r.dailyReturns[i]);
        }
        // The equal-weight basket over the same sessions (buy and hold, no costs): the bar a
        // rotation must clear, compared day by day (paired) by the optimizer.
        var basket = o.putArray("basket_daily");
        for (int i = 0; i < r.sessionDays.length; i++) {
            ObjectNode d = basket.addObject();
            d.put("date", LocalDate.ofEpochDay(r.sessionDays[i]).toString());
            number(d, "return_pct", 100 * r.equalWeightDailyReturns[i]);
        }
        return o;
    }

    private static void number(ObjectNode o, String name, double v) {
        if (Double.isFinite(v)) {
            o.put(name, v);
        } else {
            o.putNull(name);
        }
    }
}
