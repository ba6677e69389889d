package io.sentio.core.pipeline;

import io.sentio.core.metrics.BuyAndHoldBaseline;
import io.sentio.core.metrics.EquityRecorder;
import io.sentio.core.metrics.MetricsCalculator;
import io.sentio.core.portfolio.Portfolio;
import io.sentio.core.portfolio.RoundTripLog;

/** Builds a {@link RunResult} from a drained pipeline; runs once per run, off the hot path. */
final class ResultAssembler {
    private ResultAssembler() {
    }

    static RunResult assemble(Pipeline p, long barSets, long elapsedNanos) {
        RunResult.Builder b = assemble(p.desk(), p.context(), barSets, elapsedNanos);
        b.name = "desk 0";
        b.skippedBarSets = p.synchronizer().skippedSets();
        b.failedEvents = p.failures();
        b.endToEnd = p.endToEndSummary();
        b.criticalPath = p.criticalPathSummaries();
        b.stages = p.stageSummaries();
        b.stateHash = p.stateHash();
        for (ShadowDesk shadow : p.shadows()) {
            RunResult.Builder sb = assemble(shadow.desk(), p.context().universe().symbols(), shadow.params(),
                barSets, elapsedNanos);
            sb.skippedBarSets = b.skippedBarSets;
            sb.endToEnd = new LatencyStats("end-to-end").summary();
            sb.stages = java.util.List.of();
            sb.stateHash = sb.deskStateHash;
            sb.name = shadow.name();
            b.shadows.add(new RunResult(sb));
        }
        return new RunResult(b);
    }

    /** What a desk alone determines: metrics, curves, baselines and its state hash. */
    static RunResult.Builder assemble(TradingDesk desk, PipelineContext ctx, long barSets, long elapsedNanos) {
        return assemble(desk, ctx.universe().symbols(), ctx.params(), barSets, elapsedNanos);
    }

    static RunResult.Builder assemble(TradingDesk desk, java.util.List<String> symbols, io.sentio.core.config.StrategyParams params,
                                      long barSets, long elapsedNanos) {
        Portfolio pf = desk.portfolio();
        EquityRecorder eq = desk.equity();
        BuyAndHoldBaseline bh = desk.baseline();
        int n = pf.symbols();
        RoundTripLog trips = pf.roundTrips();
        double[] tripPnl = new double[trips.size()];
        for (int i = 0; i < tripPnl.length; i++) {
            tripPnl[i] = trips.netPnl(i);
        }
        double initial = pf.initialCapital();
        double[] sessionEnd = eq.sessionEndEquity();
        double[] barEquity = eq.barEquity();

        RunResult.Builder b = new RunResult.Builder();
        b.symbols = symbols;
        b.metrics = MetricsCalculator.compute(initial, sessionEnd, barEquity, tripPnl, pf.fills(),
            pf.tradedNotional(), eq.meanExposure());
        b.sessionDays = eq.sessionDays();
        b.dailyReturns = MetricsCalculator.dailyReturns(initial, sessionEnd);
        b.sessionEndEquity = sessionEnd;
        b.barEpochSeconds = eq.barEpochSeconds();
        b.barEquity = barEquity;
        b.barHoldings = eq.barHoldings();
        b.barEqualWeight = bh.equalWeightBars();
        b.roundTrips = trips;
        b.contribution = new double[n];
        b.buyAndHoldPct = new double[n];
        for (int s = 0; s < n; s++) {
            b.contribution[s] = pf.contribution(s);
            b.buyAndHoldPct[s] = bh.symbolReturnPct(s);
        }
        double[] ew = bh.equalWeightSessionEnd();
        b.equalWeight = MetricsCalculator.compute(initial, ew, ew, new double[0], 0, 0, 1.0);
        b.equalWeightDailyReturns = MetricsCalculator.dailyReturns(initial, ew);
        b.finalEquity = sessionEnd.length == 0 ? initial : sessionEnd[sessionEnd.length - 1];
        b.slippageBps = params.slippageBps;
        b.halfSpreadTicks = params.halfSpreadTicks;
        b.tickSize = params.tickSize;
        b.commissionPerShare = params.commissionPerShare;
        b.barSets = barSets;
        b.cancelledOrders = desk.cancels();
        b.circuitBreakerTrips = desk.risk().circuitBreakerTrips();
        b.symbolBarsPerSecond = elapsedNanos > 0 ? barSets * (double) n * 1e9 / elapsedNanos : Double.NaN;
        b.deskStateHash = desk.stateHash();
        return b;
    }
}
