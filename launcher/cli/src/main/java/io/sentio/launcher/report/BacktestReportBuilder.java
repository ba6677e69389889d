package io.sentio.launcher.report;

import io.sentio.core.config.ParamValues;
import io.sentio.core.config.StrategyParams;
import io.sentio.core.metrics.Metrics;
import io.sentio.core.pipeline.LatencyStats;
import io.sentio.core.pipeline.RunResult;
import io.sentio.core.portfolio.RoundTripLog;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts a finished backtest ({@link RunResult}) and its params into the {@link ReportModel}
 * of the tear sheet, plus the same run's metrics under other fill conventions.
 */
public final class BacktestReportBuilder {
    /** A one-minute bar's close is its start second plus this. */
    private static final long BAR_SECONDS = 60;

    private BacktestReportBuilder() {
    }

    /**
     * @param conventions each alternative run, labelled; the primary run is listed first by the
     *     caller under its own label
     */
    public static ReportModel build(String title, String runId, RunResult r, StrategyParams params,
                                    List<FillConvention> conventions) {
        ReportModel.Builder b = ReportModel.builder().title(title).runId(runId)
            .costs(Costs.of(r));
        params(b, params);
        long[] closes = new long[r.barEpochSeconds.length];
        for (int i = 0; i < closes.length; i++) {
            closes[i] = r.barEpochSeconds[i] + BAR_SECONDS;
        }
        b.equityCurve(closes, r.barEquity, r.barEqualWeight);
        for (int i = 0; i < r.sessionDays.length; i++) {
            b.dailyReturn(new DailyReturn(LocalDate.ofEpochDay(r.sessionDays[i]), 100 * r.dailyReturns[i]));
        }
        for (Metric m : metrics(r.metrics)) {
            b.metric(m);
        }
        b.metric(Metric.of("final equity", r.finalEquity));
        b.metric(Metric.of("equal-weight B&H total return %", r.equalWeight.totalReturnPct));
        b.metric(Metric.of("equal-weight B&H Sharpe", r.equalWeight.sharpe));
        b.metric(Metric.of("equal-weight B&H max drawdown %", r.equalWeight.maxDrawdownPct));
        b.metric(Metric.count("cancelled orders", r.cancelledOrders));
        b.metric(Metric.count("circuit breaker trips", r.circuitBreakerTrips));
        b.metric(Metric.count("skipped bar sets", r.skippedBarSets));
        b.metric(Metric.count("failed events", r.failedEvents));
        RoundTripLog trips = r.roundTrips;
        for (int i = 0; i < trips.size(); i++) {
            b.holding(new HoldingInterval(r.symbols.get(trips.symbol(i)), trips.entryEpochSecond(i),
                trips.exitEpochSecond(i), trips.netPnl(i)));
        }
        for (int s = 0; s < r.symbols.size(); s++) {
            b.contribution(new SymbolPnl(r.symbols.get(s), r.contribution[s]));
        }
        for (FillConvention c : conventions) {
            b.fillConvention(c);
        }
        LatencyStats.Summary e2e = r.endToEnd;
        b.latency(new Percentile("end-to-end p50", e2e.p50)).latency(new Percentile("end-to-end p99", e2e.p99))
            .latency(new Percentile("end-to-end p99.9", e2e.p999)).latency(new Percentile("end-to-end max", e2e.max));
        for (LatencyStats.Summary s : r.stages) {
            b.latency(new Percentile(s.name + " p50", s.p50)).latency(new Percentile(s.name + " p99", s.p99));
        }
        return b.conclude();
    }

    /** The metrics of one run as the report lists them (also the rows of a fill-convention column). */
    public static List<Metric> metrics(Metrics m) {
        List<Metric> out = new ArrayList<>();
        out.add(Metric.count("sessions", m.sessions));
        out.add(Metric.of("MRD %", m.mrdPct));
        out.add(Metric.of("Sharpe", m.sharpe));
        out.add(Metric.of("Sortino", m.sortino));
        out.add(Metric.of("max drawdown %", m.maxDrawdownPct));
        out.add(Metric.of("total return %", m.totalReturnPct));
        out.add(Metric.of("CAGR %", m.cagrPct));
        out.add(Metric.of("Calmar", m.calmar));
        out.add(Metric.of("win rate", m.winRate));
        out.add(Metric.of("profit factor", m.profitFactor));
        out.add(Metric.count("trades", m.trades));
        out.add(Metric.count("round trips", m.roundTrips));
        out.add(Metric.of("trades per day", m.tradesPerDay));
        out.add(Metric.of("turnover per day", m.turnover));
        out.add(Metric.of("exposure", m.exposure));
        return out;
    }

    private static void params(ReportModel.Builder b, StrategyParams p) {
        ParamValues values = p.values();
        for (var row : values.table().params()) {
            b.param(row.key(), values.format(row));
        }
    }
}
