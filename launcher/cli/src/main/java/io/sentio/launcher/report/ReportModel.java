package io.sentio.launcher.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything a backtest tear sheet shows, as plain immutable data: the engine's results are
 * converted into this model and {@link HtmlReportWriter} renders it. Arrays are copied in and
 * out so the model cannot change after {@link Builder#conclude()}.
 */
public final class ReportModel {
    public final String title;
    public final String runId;
    public final Costs costs;
    public final List<Param> params;
    private final long[] barEpochSeconds;
    private final double[] equity;
    private final double[] buyAndHold;
    public final List<DailyReturn> dailyReturns;
    public final List<Metric> metrics;
    public final List<HoldingInterval> holdings;
    public final List<SymbolPnl> contributions;
    public final List<FillConvention> fillConventions;
    public final List<Percentile> latency;

    private ReportModel(Builder b) {
        this.title = b.title;
        this.runId = b.runId;
        this.costs = b.costs;
        this.params = List.copyOf(b.params);
        this.barEpochSeconds = b.barEpochSeconds.clone();
        this.equity = b.equity.clone();
        this.buyAndHold = b.buyAndHold.clone();
        this.dailyReturns = List.copyOf(b.dailyReturns);
        this.metrics = List.copyOf(b.metrics);
        this.holdings = List.copyOf(b.holdings);
        this.contributions = List.copyOf(b.contributions);
        this.fillConventions = List.copyOf(b.fillConventions);
        this.latency = List.copyOf(b.latency);
    }

    public int barCount() {
        return barEpochSeconds.length;
    }

    /** Bar close times, epoch seconds, strictly increasing. */
    public long[] barEpochSeconds() {
        return barEpochSeconds.clone();
    }

    /** Strategy equity marked at each bar close. */
    public double[] equity() {
        return equity.clone();
    }

    /** Equal-weight buy-and-hold equity over the same bars; empty when not computed. */
    public double[] buyAndHold() {
        return buyAndHold.clone();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects the parts of a report; {@link #conclude()} checks they fit together. */
    public static final class Builder {
        private String title = "sentio backtest";
        private String runId = "";
        private Costs costs;
        private final List<Param> params = new ArrayList<>();
        private long[] barEpochSeconds = new long[0];
        private double[] equity = new double[0];
        private double[] buyAndHold = new double[0];
        private final List<DailyReturn> dailyReturns = new ArrayList<>();
        private final List<Metric> metrics = new ArrayList<>();
        private final List<HoldingInterval> holdings = new ArrayList<>();
        private final List<SymbolPnl> contributions = new ArrayList<>();
        private final List<FillConvention> fillConventions = new ArrayList<>();
        private final List<Percentile> latency = new ArrayList<>();

        public Builder title(String v) {
            title = Objects.requireNonNull(v, "title");
            return this;
        }

        public Builder runId(String v) {
            runId = Objects.requireNonNull(v, "runId");
            return this;
        }

        public Builder costs(Costs v) {
            costs = v;
            return this;
        }

        public Builder param(String key, String value) {
            params.add(new Param(key, value));
            return this;
        }

        /** Per-bar equity; {@code buyAndHold} may be empty or must have one value per bar. */
        public Builder equityCurve(long[] epochSeconds, double[] strategy, double[] equalWeightBuyAndHold) {
            barEpochSeconds = epochSeconds.clone();
            equity = strategy.clone();
            buyAndHold = equalWeightBuyAndHold.clone();
            return this;
        }

        public Builder dailyReturn(DailyReturn v) {
            dailyReturns.add(Objects.requireNonNull(v));
            return this;
        }

        public Builder metric(Metric v) {
            metrics.add(Objects.requireNonNull(v));
            return this;
        }

        public Builder holding(HoldingInterval v) {
            holdings.add(Objects.requireNonNull(v));
            return this;
        }

        public Builder contribution(SymbolPnl v) {
            contributions.add(Objects.requireNonNull(v));
            return this;
        }

        public Builder fillConvention(FillConvention v) {
            fillConventions.add(Objects.requireNonNull(v));
            return this;
        }

        public Builder latency(Percentile v) {
            latency.add(Objects.requireNonNull(v));
            return this;
        }

        public ReportModel conclude() {
            if (costs == null) {
                throw new IllegalArgumentException("costs: a report must state the costs it assumed");
            }
            if (equity.length != barEpochSeconds.length) {
                throw new IllegalArgumentException("equity: " + equity.length + " values for "
                    + barEpochSeconds.length + " bars");
            }
            if (buyAndHold.length != 0 && buyAndHold.length != barEpochSeconds.length) {
                throw new IllegalArgumentException("buyAndHold: " + buyAndHold.length + " values for "
                    + barEpochSeconds.length + " bars");
            }
            for (int i = 1; i < barEpochSeconds.length; i++) {
                if (barEpochSeconds[i] <= barEpochSeconds[i - 1]) {
                    throw new IllegalArgumentException("barEpochSeconds: not strictly increasing at index " + i);
                }
            }
            checkFinite("equity", equity);
            checkFinite("buyAndHold", buyAndHold);
            return new ReportModel(this);
        }

        private static void checkFinite(String name, double[] values) {
            for (int i = 0; i < values.length; i++) {
                if (!Double.isFinite(values[i])) {
                    throw new IllegalArgumentException(name + ": non-finite value at index " + i);
                }
            }
        }
    }
}
