package io.sentio.launcher.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** One live, paper or mock session: its fills, P&L, metrics and latency, as plain data. */
public final class DailyReport {
    public final LocalDate date;
    public final String runId;
    public final String mode;
    public final Costs costs;
    public final double startEquity;
    public final double endEquity;
    public final List<Trade> trades;
    public final List<SymbolPnl> symbolPnl;
    public final List<Metric> metrics;
    public final List<Percentile> latency;
    /** The run's shadow desks on this session, in desk order (empty without shadow desks). */
    public final List<ShadowDay> shadows;

    private DailyReport(Builder b) {
        date = b.date;
        runId = b.runId;
        mode = b.mode;
        costs = b.costs;
        startEquity = b.startEquity;
        endEquity = b.endEquity;
        trades = List.copyOf(b.trades);
        symbolPnl = List.copyOf(b.symbolPnl);
        metrics = List.copyOf(b.metrics);
        latency = List.copyOf(b.latency);
        shadows = List.copyOf(b.shadows);
    }

    public double pnl() {
        return endEquity - startEquity;
    }

    public double returnPct() {
        return (endEquity / startEquity - 1) * 100;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects a day's parts; {@link #conclude()} checks them. */
    public static final class Builder {
        private LocalDate date;
        private String runId = "";
        private String mode = "mock";
        private Costs costs;
        private double startEquity = Double.NaN;
        private double endEquity = Double.NaN;
        private final List<Trade> trades = new ArrayList<>();
        private final List<SymbolPnl> symbolPnl = new ArrayList<>();
        private final List<Metric> metrics = new ArrayList<>();
        private final List<Percentile> latency = new ArrayList<>();
        private final List<ShadowDay> shadows = new ArrayList<>();

        public Builder date(LocalDate v) {
            date = v;
            return this;
        }

        public Builder runId(String v) {
            runId = Objects.requireNonNull(v, "runId");
            return this;
        }

        /** "live", "paper" or "mock". */
        public Builder mode(String v) {
            mode = Objects.requireNonNull(v, "mode");
            return this;
        }

        public Builder costs(Costs v) {
            costs = v;
            return this;
        }

        public Builder equity(double start, double end) {
            startEquity = start;
            endEquity = end;
            return this;
        }

        public Builder trade(Trade v) {
            trades.add(Objects.requireNonNull(v));
            return this;
        }

        public Builder symbolPnl(SymbolPnl v) {
            symbolPnl.add(Objects.requireNonNull(v));
            return this;
        }

        public Builder metric(Metric v) {
            metrics.add(Objects.requireNonNull(v));
            return this;
        }

        public Builder latency(Percentile v) {
            latency.add(Objects.requireNonNull(v));
            return this;
        }

        public Builder shadow(ShadowDay v) {
            shadows.add(Objects.requireNonNull(v));
            return this;
        }

        public DailyReport conclude() {
            if (date == null) {
                throw new IllegalArgumentException("date: a daily report needs its session date");
            }
            if (costs == null) {
                throw new IllegalArgumentException("costs: a report must state the costs it assumed");
            }
            if (!(startEquity > 0) || !Double.isFinite(startEquity) || !Double.isFinite(endEquity)) {
                throw new IllegalArgumentException("equity: start must be finite and > 0 and end finite, got "
                    + startEquity + " and " + endEquity);
            }
            for (int i = 1; i < trades.size(); i++) {
                if (trades.get(i).epochSecond() < trades.get(i - 1).epochSecond()) {
                    throw new IllegalArgumentException("trades: out of time order at index " + i);
                }
            }
            return new DailyReport(this);
        }
    }
}
