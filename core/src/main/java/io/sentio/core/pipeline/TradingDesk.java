package io.sentio.core.pipeline;

import io.sentio.core.config.StrategyParams;
import io.sentio.core.decision.ExpectedReturnRule;
import io.sentio.core.execution.ExecutionReport;
import io.sentio.core.execution.ExecutionVenue;
import io.sentio.core.execution.FillBatch;
import io.sentio.core.execution.ReportedVenue;
import io.sentio.core.execution.WorkingOrders;
import io.sentio.core.metrics.BuyAndHoldBaseline;
import io.sentio.core.metrics.EquityRecorder;
import io.sentio.core.portfolio.Portfolio;
import io.sentio.core.rotation.RiskManager;
import io.sentio.core.rotation.RotationPositionManager;
import io.sentio.core.rotation.SignalAggregator;
import io.sentio.core.state.StateCodec;
import io.sentio.core.state.Stateful;

/**
 * The rank + rotate + risk stage (DESIGN §3 stage 3): the single owner of the portfolio. Per bar
 * set, in time order: fills of working orders at this bar's open, the mark at this bar's close,
 * the circuit breaker, strength smoothing (under the expected_return rule, after it calibrated on
 * and scored this bar set's model outputs), then the decisions at this bar's close, whose orders
 * can only fill on a later bar set. (Under the same-bar-close what-if of the simulated broker the
 * match moves after the decisions, so orders fill at this bar's close.)
 */
public final class TradingDesk implements Stateful {
    private final ExecutionVenue venue;
    private final boolean fillAtDecidingClose;
    private final Portfolio portfolio;
    private final WorkingOrders working;
    private final SignalAggregator aggregator;
    private final RiskManager risk;
    private final RotationPositionManager rotation;
    /** The expected_return rule; null under the probability rule, whose signal the learners computed. */
    private final ExpectedReturnRule expectedReturn;
    private final EquityRecorder equity;
    private final BuyAndHoldBaseline baseline;
    private final RotationPositionManager.Bar bar = new RotationPositionManager.Bar();
    private long barIndex;
    /**
     * The session whose close-minute bar set was the last one, or -1: no bar set will settle its
     * orders, so their final reports settle them. Derived from the ring's events (a replay sets it
     * alike), not state: the next bar set clears it.
     */
    private long closedDay = -1;
    private long cancels;
    private long adopted;

    public TradingDesk(int symbols, StrategyParams params, ExecutionVenue venue, int expectedBars) {
        this.venue = venue;
        this.fillAtDecidingClose = venue.fillsAtDecidingClose();
        // Round trips are a result log: pre-sized generously (one per 4 bar sets) so a run never grows it.
        this.portfolio = new Portfolio(symbols, params.initialCapital, Math.max(64, expectedBars / 4));
        this.working = new WorkingOrders(symbols);
        this.aggregator = new SignalAggregator(symbols, params.strengthSmoothing);
        this.risk = new RiskManager(params);
        this.rotation = new RotationPositionManager(symbols, params);
        this.expectedReturn = params.decision == StrategyParams.Decision.EXPECTED_RETURN
            ? new ExpectedReturnRule(symbols, params) : null;
        this.equity = new EquityRecorder(expectedBars);
        this.baseline = new BuyAndHoldBaseline(symbols, params.initialCapital, expectedBars);
    }

    public void onBarSet(PipelineEvent ev) {
        barIndex++;
        long t = ev.received.epochSecond;
        long day = ev.received.nyEpochDay;
        closedDay = -1;
        if (!fillAtDecidingClose) {
            matchWorkingOrders(ev, t);
        }
        rotation.onBarClose(portfolio);
        double mark = portfolio.mark(ev.synced.close);
        double sessionStart = equity.previousSessionEnd(portfolio.initialCapital());
        if (equity.mark(t, day, mark, portfolio.grossExposure(), portfolio.holdingsMask())) {
            sessionStart = equity.previousSessionEnd(portfolio.initialCapital());
        }
        baseline.onBarSet(day, ev.received.present, ev.received.open, ev.received.close);
        ev.equity = mark;
        ev.circuitBreakerTripped = risk.onMark(day, mark);
        double[] exitScore = ev.probability;
        int[] signal = ev.signal;
        if (expectedReturn == null) {
            aggregator.update(ev.received.present, ev.probability, ev.confidence, ev.strength);
        } else {
            expectedReturn.onBarSet(ev.received, ev.synced.close, ev.modelOutputs);
            aggregator.update(ev.received.present, expectedReturn.netReturn(), ev.strength);
            exitScore = expectedReturn.exitScore();
            signal = expectedReturn.signal();
        }

        int minute = ev.received.sessionMinute;
        int close = ev.received.closeMinute;
        bar.set(barIndex, t, day, risk.circuitBreakerTripped());
        rotation.decide(bar, ev.stale, exitScore, signal, ev.strength, ev.synced.close,
            risk.mustFlatten(minute, close), risk.entriesAllowed(minute, close), mark, portfolio, working, ev.orders);
        if (fillAtDecidingClose) {
            matchWorkingOrders(ev, t);
        }
        if (minute == close) {
            closedDay = day;
            ev.sessionEnd = true;
            ev.sessionReturn = mark / sessionStart - 1.0;
        }
    }

    private void matchWorkingOrders(PipelineEvent ev, long t) {
        working.match(venue, ev.received, ev.stale, ev.fills);
        applyFills(ev.fills, t);
    }

    private void applyFills(FillBatch fills, long t) {
        for (int i = 0; i < fills.count(); i++) {
            int s = fills.symbol(i);
            if (fills.status(i) == FillBatch.FILLED) {
                portfolio.applyFill(s, fills.quantity(i), fills.price(i), fills.commission(i), t);
                rotation.onFill(s, portfolio, barIndex);
            } else {
                cancels++;
            }
        }
    }

    /**
     * A live venue's report, in ring order (the FILL event {@code ev}): an adopted broker position
     * becomes a holding at its average entry price (before any bar set of the run); anything else
     * goes to the venue, which settles the order at the next bar set; or, after the session's last
     * bar set, at once, into {@code ev.fills} (a final report that came after the close: the
     * close-of-day flatten's rest expiring, say).
     */
    public void onReport(ExecutionReport r, PipelineEvent ev) {
        if (r.status == ExecutionReport.ADOPTED) {
            portfolio.applyFill(r.symbol, r.filledQuantity, r.averagePrice, 0.0, r.venueMillis / 1000);
            rotation.onFill(r.symbol, portfolio, barIndex);
            adopted++;
        } else {
            venue.onReport(r);
            if (closedDay >= 0 && r.terminal() && venue instanceof ReportedVenue reported) {
                working.matchReported(reported, closedDay, ev.fills);
                applyFills(ev.fills, r.venueMillis / 1000);
            }
        }
    }

    /** Positions taken over from the broker at start. */
    public long adopted() {
        return adopted;
    }

    /** Closes the last session; call once after the ring has drained. */
    public void finish() {
        equity.finish();
        baseline.finish();
    }

    public Portfolio portfolio() {
        return portfolio;
    }

    public EquityRecorder equity() {
        return equity;
    }

    public BuyAndHoldBaseline baseline() {
        return baseline;
    }

    public RiskManager risk() {
        return risk;
    }

    public RotationPositionManager rotation() {
        return rotation;
    }

    public WorkingOrders working() {
        return working;
    }

    /** Orders cancelled (stale symbol, or a DAY order outliving its session). */
    public long cancels() {
        return cancels;
    }

    /** The portfolio stage's state, component by component; counters of results stay out. */
    @Override
    public void visit(StateCodec c) {
        portfolio.visit(c);
        working.visit(c);
        aggregator.visit(c);
        risk.visit(c);
        rotation.visit(c);
        baseline.visit(c);
        barIndex = c.l(barIndex);
        if (expectedReturn != null) {
            expectedReturn.visit(c);
        }
    }

    /** Whether this desk decides by expected return and so reads the events' model outputs. */
    public boolean needsModelOutputs() {
        return expectedReturn != null;
    }

    /** The expected_return rule, or null under the probability rule. */
    public ExpectedReturnRule expectedReturn() {
        return expectedReturn;
    }
}
