package io.sentio.core.pipeline;

import io.sentio.core.metrics.Metrics;
import io.sentio.core.portfolio.RoundTripLog;
import io.sentio.core.state.StateCodec;
import java.util.List;

/** Everything a finished run reports (DESIGN §5.7, §7 {@code --json}). Plain data, built once. */
public final class RunResult {
    public final List<String> symbols;
    public final Metrics metrics;
    /** New York epoch days of the sessions, and each session's return (fraction). */
    public final long[] sessionDays;
    public final double[] dailyReturns;
    public final double[] sessionEndEquity;
    /** Per marked bar: start second, equity at its close, bit mask of held symbols. */
    public final long[] barEpochSeconds;
    public final double[] barEquity;
    public final long[] barHoldings;
    /** Per marked bar: equal-weight buy-and-hold value at its close (same length as barEquity). */
    public final double[] barEqualWeight;
    public final RoundTripLog roundTrips;
    /** Per symbol: realized plus open P&L net of commissions. */
    public final double[] contribution;
    /** Per symbol: buy-and-hold return in percent over the run's sessions. */
    public final double[] buyAndHoldPct;
    /** Equal-weight buy-and-hold over the same sessions, and its return per session (fraction). */
    public final Metrics equalWeight;
    public final double[] equalWeightDailyReturns;
    public final double finalEquity;
    public final double slippageBps;
    /** Fill cost floor per share: half_spread_ticks x tick_size (DESIGN §5.6). */
    public final double halfSpreadTicks;
    public final double tickSize;
    public final double commissionPerShare;
    public final long barSets;
    public final long skippedBarSets;
    public final long failedEvents;
    public final long cancelledOrders;
    public final long circuitBreakerTrips;
    public final LatencyStats.Summary endToEnd;
    /**
     * The critical path of the timed bar sets from their publish stamp: to orders journaled
     * (execution starts), to the venue called, to execution done (= {@link #endToEnd}).
     */
    public final List<LatencyStats.Summary> criticalPath;
    /**
     * One per stage: sync, learner-0..K-1 (the shards' predictions), portfolio, execution (service
     * time of the handler), then learn-0..K-1 (the shards' deferred learning, after their publish).
     */
    public final List<LatencyStats.Summary> stages;
    public final double symbolBarsPerSecond;
    public final long stateHash;
    /** The trading desk's own state (portfolio, orders, rotation, risk): equal for a desk replayed over a model tape. */
    public final long deskStateHash;
    /** "desk 0" for the desk that trades, the shadow's name for a shadow desk. */
    public final String name;
    /** Shadow desks of the run, in the order given (empty for a shadow's own result). */
    public final List<RunResult> shadows;

    RunResult(Builder b) {
        symbols = b.symbols;
        metrics = b.metrics;
        sessionDays = b.sessionDays;
        dailyReturns = b.dailyReturns;
        sessionEndEquity = b.sessionEndEquity;
        barEpochSeconds = b.barEpochSeconds;
        barEquity = b.barEquity;
        barHoldings = b.barHoldings;
        barEqualWeight = b.barEqualWeight;
        roundTrips = b.roundTrips;
        contribution = b.contribution;
        buyAndHoldPct = b.buyAndHoldPct;
        equalWeight = b.equalWeight;
        equalWeightDailyReturns = b.equalWeightDailyReturns;
        finalEquity = b.finalEquity;
        slippageBps = b.slippageBps;
        halfSpreadTicks = b.halfSpreadTicks;
        tickSize = b.tickSize;
        commissionPerShare = b.commissionPerShare;
        barSets = b.barSets;
        skippedBarSets = b.skippedBarSets;
        failedEvents = b.failedEvents;
        cancelledOrders = b.cancelledOrders;
        circuitBreakerTrips = b.circuitBreakerTrips;
        endToEnd = b.endToEnd;
        criticalPath = b.criticalPath;
        stages = b.stages;
        symbolBarsPerSecond = b.symbolBarsPerSecond;
        stateHash = b.stateHash;
        deskStateHash = b.deskStateHash;
        name = b.name;
        shadows = List.copyOf(b.shadows);
    }

    public String stateHashHex() {
        return StateCodec.hex(stateHash);
    }

    /** Mutable collector used by {@link Pipeline}. */
    static final class Builder {

        List<String> symbols;
        Metrics metrics;
        long[] sessionDays;
        double[] dailyReturns;
        double[] sessionEndEquity;
        long[] barEpochSeconds;
        double[] barEquity;
        long[] barHoldings;
        double[] barEqualWeight;
        RoundTripLog roundTrips;
        double[] contribution;
        double[] buyAndHoldPct;
        Metrics equalWeight;
        double[] equalWeightDailyReturns;
        double finalEquity;
        double slippageBps;
        double halfSpreadTicks;
        double tickSize;
        double commissionPerShare;
        long barSets;
        long skippedBarSets;
        long failedEvents;
        long cancelledOrders;
        long circuitBreakerTrips;
        LatencyStats.Summary endToEnd;
        List<LatencyStats.Summary> criticalPath = List.of();
        List<LatencyStats.Summary> stages;
        double symbolBarsPerSecond;
        long stateHash;
        long deskStateHash;
        String name = "desk 0";
        final java.util.ArrayList<RunResult> shadows = new java.util.ArrayList<>();
    }
}
