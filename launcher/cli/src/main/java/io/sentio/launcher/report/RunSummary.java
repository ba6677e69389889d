package io.sentio.launcher.report;

import io.sentio.core.metrics.Metrics;
import io.sentio.core.pipeline.LatencyStats;
import io.sentio.core.pipeline.RunResult;
import java.io.PrintStream;
import java.util.Locale;

/**
 * The human summary of a run for stdout: metrics, the costs they assume, baselines, latency,
 * throughput, and the final {@code state hash: <hex>} line every command prints (DESIGN §7).
 */
public final class RunSummary {
    private RunSummary() {
    }

    public static void print(RunResult r, PrintStream out) {
        Metrics m = r.metrics;
        out.printf(Locale.ROOT, "sessions %d, bar sets %d (skipped %d, failed %d), final equity %.2f%n",
            m.sessions, r.barSets, r.skippedBarSets, r.failedEvents, r.finalEquity);
        out.println("costs assumed: " + Costs.of(r).describe());
        out.printf(Locale.ROOT, "MRD %.4f%%  Sharpe %s  Sortino %s  max drawdown %.3f%%  total %.3f%%  CAGR %.3f%%  Calmar %s%n",
            m.mrdPct, fmt(m.sharpe), fmt(m.sortino), m.maxDrawdownPct, m.totalReturnPct, m.cagrPct, fmt(m.calmar));
        out.printf(Locale.ROOT, "trades %d (%.1f/day), round trips %d, win rate %s, profit factor %s, turnover %.2f/day, exposure %.2f%n",
            m.trades, m.tradesPerDay, m.roundTrips, fmt(m.winRate), fmt(m.profitFactor), m.turnover, m.exposure);
        out.printf(Locale.ROOT, "cancelled orders %d, circuit breaker trips %d%n", r.cancelledOrders, r.circuitBreakerTrips);
        out.printf(Locale.ROOT, "equal-weight buy-and-hold: total %.3f%%, MRD %.4f%%, Sharpe %s, max drawdown %.3f%%%n",
            r.equalWeight.totalReturnPct, r.equalWeight.mrdPct, fmt(r.equalWeight.sharpe), r.equalWeight.maxDrawdownPct);
        out.println("per symbol: contribution / buy-and-hold %");
        for (int s = 0; s < r.symbols.size(); s++) {
            out.printf(Locale.ROOT, "  %-6s %12.2f %9.3f%%%n", r.symbols.get(s), r.contribution[s], r.buyAndHoldPct[s]);
        }
        out.printf(Locale.ROOT, "throughput %.0f symbol-bars/s%n", r.symbolBarsPerSecond);
        // Unpaced, the publisher fills the ring and every bar set waits behind up to a ring's worth
        // of others: publish-to-fill is then queueing, not the latency a live bar would see.
        out.printf(Locale.ROOT, "publish-to-fill us over %d bar sets (latency when paced: mock --speed times its paced day"
            + " only; in an unpaced run it is queueing behind a full ring): p50 %.1f p99 %.1f p99.9 %.1f max %.1f%n",
            r.endToEnd.count, r.endToEnd.p50, r.endToEnd.p99, r.endToEnd.p999, r.endToEnd.max);
        if (!r.criticalPath.isEmpty() && r.criticalPath.get(0).count > 0) {
            out.println("critical path from bar set in (the same bar sets, us):");
            for (LatencyStats.Summary s : r.criticalPath) {
                out.println("  " + s);
            }
        }
        out.println("service time per stage (handler work only, no queueing):");
        for (LatencyStats.Summary s : r.stages) {
            out.println("  " + s);
        }
        for (RunResult shadow : r.shadows) {
            Metrics sm = shadow.metrics;
            out.printf(Locale.ROOT, "shadow desk %s (costs %s): MRD %.4f%%  Sharpe %s  max drawdown "
                    + "%.3f%%  total %.3f%%  trades %d (%.1f/day)  desk state %s%n", shadow.name, Costs.of(shadow).describe(),
                sm.mrdPct, fmt(sm.sharpe), sm.maxDrawdownPct, sm.totalReturnPct, sm.trades,
                sm.tradesPerDay, shadow.stateHashHex());
        }
        out.println("state hash: " + r.stateHashHex());
    }

    private static String fmt(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "n/a";
    }
}
