package io.sentio.launcher.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.sentio.core.metrics.Metrics;
import io.sentio.core.pipeline.LatencyStats;
import io.sentio.core.pipeline.RunResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Writes a run's result as the {@code --json} document of DESIGN §7, plus the costs assumed, the
 * baselines and diagnostics. Non-finite ratios (e.g. profit factor without a losing trip) are
 * written as null.
 */
public final class RunResultJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private RunResultJson() {
    }

    public static void write(RunResult r, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(r, out);
        }
    }

    public static void write(RunResult r, OutputStream out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            Metrics m = r.metrics;
            g.writeNumberField("sessions", m.sessions);
            number(g, "mrd_pct", m.mrdPct);
            number(g, "sharpe", m.sharpe);
            number(g, "sortino", m.sortino);
            number(g, "max_drawdown_pct", m.maxDrawdownPct);
            number(g, "win_rate", m.winRate);
            number(g, "profit_factor", m.profitFactor);
            g.writeNumberField("trades", m.trades);
            g.writeNumberField("round_trips", m.roundTrips);
            number(g, "trades_per_day", m.tradesPerDay);
            number(g, "turnover", m.turnover);
            number(g, "exposure", m.exposure);
            number(g, "total_return_pct", m.totalReturnPct);
            number(g, "cagr_pct", m.cagrPct);
            number(g, "calmar", m.calmar);
            number(g, "final_equity", r.finalEquity);
            g.writeObjectFieldStart("costs");
            number(g, "slippage_bps", r.slippageBps);
            number(g, "half_spread_ticks", r.halfSpreadTicks);
            number(g, "tick_size", r.tickSize);
            number(g, "commission_per_share", r.commissionPerShare);
            g.writeEndObject();
            daily(g, r);
            latency(g, "latency_us", r.endToEnd);
            g.writeStringField("latency_note", "latency_us is publish-to-fill time of timed (paced) bar sets; in an unpaced"
                + " run it is queueing behind a full ring, not latency: stage_latency_us holds each stage's service time");
            g.writeObjectFieldStart("stage_latency_us");
            for (LatencyStats.Summary s : r.stages) {
                latency(g, s.name, s);
            }
            g.writeEndObject();
            number(g, "symbol_bars_per_s", r.symbolBarsPerSecond);
            g.writeObjectFieldStart("symbols");
            for (int s = 0; s < r.symbols.size(); s++) {
                g.writeObjectFieldStart(r.symbols.get(s));
                number(g, "contribution", r.contribution[s]);
                number(g, "buy_and_hold_pct", r.buyAndHoldPct[s]);
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeObjectFieldStart("equal_weight_buy_and_hold");
            number(g, "total_return_pct", r.equalWeight.totalReturnPct);
            number(g, "mrd_pct", r.equalWeight.mrdPct);
            number(g, "sharpe", r.equalWeight.sharpe);
            number(g, "max_drawdown_pct", r.equalWeight.maxDrawdownPct);
            g.writeEndObject();
            g.writeNumberField("bar_sets", r.barSets);
            g.writeNumberField("skipped_bar_sets", r.skippedBarSets);
            g.writeNumberField("failed_events", r.failedEvents);
            g.writeNumberField("cancelled_orders", r.cancelledOrders);
            g.writeNumberField("circuit_breaker_trips", r.circuitBreakerTrips);
            g.writeStringField("state_hash", r.stateHashHex());
            g.writeArrayFieldStart("shadows");
            for (RunResult shadow : r.shadows) {
                g.writeStartObject();
                g.writeStringField("name", shadow.name);
                g.writeNumberField("slippage_bps", shadow.slippageBps);
                g.writeNumberField("half_spread_ticks", shadow.halfSpreadTicks);
                g.writeNumberField("tick_size", shadow.tickSize);
                g.writeNumberField("commission_per_share", shadow.commissionPerShare);
                number(g, "mrd_pct", shadow.metrics.mrdPct);
                number(g, "sharpe", shadow.metrics.sharpe);
                number(g, "max_drawdown_pct", shadow.metrics.maxDrawdownPct);
                number(g, "total_return_pct", shadow.metrics.totalReturnPct);
                g.writeNumberField("trades", shadow.metrics.trades);
                daily(g, shadow);
                g.writeStringField("desk_state_hash", shadow.stateHashHex());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void daily(JsonGenerator g, RunResult r) throws IOException {
        g.writeArrayFieldStart("daily");
        for (int i = 0; i < r.sessionDays.length; i++) {
            g.writeStartObject();
            g.writeStringField("date", LocalDate.ofEpochDay(r.sessionDays[i]).toString());
            number(g, "return_pct", 100 * r.dailyReturns[i]);
            number(g, "equity", r.sessionEndEquity[i]);
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void latency(JsonGenerator g, String name, LatencyStats.Summary s) throws IOException {
        g.writeObjectFieldStart(name);
        number(g, "p50", s.p50);
        number(g, "p99", s.p99);
        number(g, "p999", s.p999);
        number(g, "max", s.max);
        g.writeEndObject();
    }

    private static void number(JsonGenerator g, String name, double v) throws IOException {
        if (Double.isFinite(v)) {
            g.writeNumberField(name, v);
        } else {
            g.writeNullField(name);
        }
    }
}
