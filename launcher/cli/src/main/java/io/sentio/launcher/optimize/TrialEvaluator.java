package io.sentio.launcher.optimize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sentio.core.config.StrategyParams;
import io.sentio.core.metrics.Metrics;
import io.sentio.core.pipeline.LearnerFactory;
import io.sentio.core.pipeline.Pipeline;
import io.sentio.core.pipeline.PipelineContext;
import io.sentio.core.pipeline.RunResult;
import io.sentio.launcher.SentioException;
import io.sentio.launcher.config.ParamsLoader;
import java.time.LocalDate;
import java.util.function.Function;

/**
 * Runs one trial (tools/WORKER-PROTOCOL.md {@code evaluate}): validates the trial's params with
 * the file rules, pins the costs to the worker's, and backtests {@code [from, to]} through a fresh
 * pipeline: new learners (untrained at {@code from}) and a new portfolio, exactly like
 * {@code sentio backtest --from --to} without {@code --state}.
 */
public final class TrialEvaluator {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final LoadedMarket market;
    private final StrategyParams costsFrom;
    private final Function<StrategyParams, LearnerFactory> learners;
    private final int shards;

    /**
     * @param costsFrom the params file given to the worker: the only source of costs
     * @param shards learner shards per pipeline
     */
    public TrialEvaluator(LoadedMarket market, StrategyParams costsFrom, Function<StrategyParams, LearnerFactory> learners,
                          int shards) {
        this.market = market;
        this.costsFrom = costsFrom;
        this.learners = learners;
        this.shards = shards;
    }

    /** Validated params of a request; a bad key or value is a {@link SentioException} naming it. */
    public StrategyParams params(JsonNode params, String source) {
        StrategyParams p = ParamsLoader.fromJson(params, source);
        if (params.has("costs")) {
            checkCost(source, "costs.slippage_bps", p.slippageBps, costsFrom.slippageBps);
            checkCost(source, "costs.commission_per_share", p.commissionPerShare, costsFrom.commissionPerShare);
            return p;
        }
        ObjectNode withCosts = ((ObjectNode) params).deepCopy();
        withCosts.set("costs", NODES.objectNode().put("slippage_bps", costsFrom.slippageBps)
            .put("commission_per_share", costsFrom.commissionPerShare));
        return ParamsLoader.fromJson(withCosts, source);
    }

    private static void checkCost(String source, String key, double trial, double worker) {
        if (Double.compare(trial, worker) != 0) {
            throw SentioException.badUsage(source + ": key '" + key + "': " + trial
                + " differs from the worker's --params (" + worker + "): costs are fixed by the worker, never searched");
        }
    }

    /** The backtest of {@code params} over the sessions {@code [from, to]}. */
    public RunResult run(StrategyParams params, LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw SentioException.badUsage("from " + from + " is after to " + to);
        }
        if (market.sessionsBetween(from, to) == 0) {
            throw SentioException.badUsage("no session in the data between " + from + " and " + to);
        }
        PipelineContext ctx = new PipelineContext().universe(market.universe()).params(params)
            .learnerFactory(learners.apply(params)).shards(shards).conclude();
        return new Pipeline(ctx).run(market.sources(from, to));
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
