package io.sentio.launcher.metrics;

import io.sentio.core.execution.ExecutionReport;
import io.sentio.core.execution.FillBatch;
import io.sentio.core.execution.OrderBatch;
import io.sentio.core.pipeline.PipelineEvent;
import io.sentio.core.pipeline.TradeListener;
import io.sentio.launcher.live.SessionObserver;
import java.util.Arrays;

/**
 * One session as the execution stage sees it: updates the metrics of each bar set, order and
 * report, and keeps what the status page draws (the equity mark of every minute, the last
 * decisions). Written only by the execution thread, into arrays sized at start; read by the page's
 * thread through volatile counters published after the data they cover.
 */
final class SessionRecorder implements TradeListener {
    /** A session has at most 391 minutes (09:30-16:00). */
    static final int MINUTES = 391;
    static final int DECISIONS = 24;

    final SessionObserver.Session session;
    private final LiveMetrics m;
    private final double breakerLimit;
    private final double[] curve = new double[MINUTES];
    private final long[] decisionSecond = new long[DECISIONS];
    private final int[] decisionSymbol = new int[DECISIONS];
    private final long[] decisionQuantity = new long[DECISIONS];
    private final double[] decisionProbability = new double[DECISIONS];
    private long sessionDay = Long.MIN_VALUE;
    private double peak;
    private volatile double firstMark = Double.NaN;
    private volatile int lastMinute = -1;
    private volatile double lastEquity = Double.NaN;
    private volatile double lastDrawdown;
    private volatile double lastLagSeconds = Double.NaN;
    private volatile boolean tripped;
    /** Decisions being written (announced before the arrays change) and written (published after). */
    private volatile long claimed;
    private volatile long decisions;
    private volatile int exitCode = -1;

    SessionRecorder(SessionObserver.Session session, LiveMetrics metrics) {
        this.session = session;
        this.m = metrics;
        this.breakerLimit = session.params().circuitBreakerDrawdown;
        Arrays.fill(curve, Double.NaN);
        metrics.breakerLimit.set(breakerLimit);
        // no mark of this session yet: not yesterday's figures, nor zeros a dashboard would plot
        metrics.equity.set(Double.NaN);
        metrics.feedLag.set(Double.NaN);
        metrics.sessionMinute.set(Double.NaN);
        metrics.breakerTripped.set(0);
        metrics.drawdown.set(0);
    }

    @Override
    public void onBarSet(PipelineEvent ev) {
        double mark = ev.equity;
        if (Double.isNaN(mark)) {
            return;
        }
        int minute = ev.received.sessionMinute;
        if (minute >= 0 && minute < MINUTES) {
            curve[minute] = mark;
        }
        // As the risk manager sees it: the session's peak of the bar-close marks.
        if (ev.received.nyEpochDay != sessionDay) {
            sessionDay = ev.received.nyEpochDay;
            peak = mark;
            firstMark = mark;
            tripped = false;
            m.breakerTripped.set(0);
        }
        peak = Math.max(peak, mark);
        double dd = peak > 0 ? (peak - mark) / peak : 0;
        if (!tripped && peak - mark >= breakerLimit * peak) {
            tripped = true;
            m.breakerTripped.set(1);
        }
        double lag = (session.clock().epochMillis() - (ev.received.epochSecond + 60) * 1000L) / 1000.0;
        m.equity.set(mark);
        m.drawdown.set(dd);
        m.feedLag.set(lag);
        m.sessionMinute.set(minute);
        lastEquity = mark;
        lastDrawdown = dd;
        lastLagSeconds = lag;
        lastMinute = minute;
    }

    @Override
    public void onOrders(PipelineEvent ev) {
        OrderBatch o = ev.orders;
        long n = decisions;
        claimed = n + o.count();
        for (int i = 0; i < o.count(); i++) {
            int slot = (int) (n % DECISIONS);
            int s = o.symbol(i);
            decisionSecond[slot] = ev.received.epochSecond;
            decisionSymbol[slot] = s;
            decisionQuantity[slot] = o.quantity(i);
            decisionProbability[slot] = ev.probability[s];
            n++;
        }
        decisions = n;
        m.decided.inc(o.count());
    }

    @Override
    public void onFills(PipelineEvent ev) {
        FillBatch f = ev.fills;
        long n = 0;
        for (int i = 0; i < f.count(); i++) {
            if (f.status(i) == FillBatch.FILLED) {
                n++;
            }
        }
        if (n > 0) {
            m.fills.inc(n);
        }
    }

    @Override
    public void onReport(PipelineEvent ev) {
        switch (ev.report.status) {
            case ExecutionReport.PARTIAL -> m.partiallyFilled.inc();
            case ExecutionReport.FILLED -> m.filled.inc();
            case ExecutionReport.CANCELLED -> m.cancelled.inc();
            case ExecutionReport.REJECTED -> m.rejected.inc();
            default -> { }
        }
    }

    void ended(int code) {
        exitCode = code;
    }

    /** -1 while trading. */
    int exitCode() {
        return exitCode;
    }

    int lastMinute() {
        return lastMinute;
    }

    double lastEquity() {
        return lastEquity;
    }

    /** The session's first mark this process saw. */
    double firstMark() {
        return firstMark;
    }

    double drawdown() {
        return lastDrawdown;
    }

    double breakerLimit() {
        return breakerLimit;
    }

    boolean tripped() {
        return tripped;
    }

    double lagSeconds() {
        return lastLagSeconds;
    }

    /** The marks of minutes 0..lastMinute (NaN where none was seen, e.g. before a restart). */
    double[] curve() {
        int last = lastMinute;
        return Arrays.copyOf(curve, last + 1);
    }

    /** The last decisions, newest first; entries the writer overtook while they were copied are dropped. */
    Decision[] decisions() {
        long end = decisions;
        long start = Math.max(0, end - DECISIONS);
        Decision[] out = new Decision[(int) (end - start)];
        for (long i = end - 1; i >= start; i--) {
            int slot = (int) (i % DECISIONS);
            out[(int) (end - 1 - i)] = new Decision(decisionSecond[slot], session.universe().symbol(decisionSymbol[slot]),
                decisionQuantity[slot], decisionProbability[slot]);
        }
        long overtaken = claimed - DECISIONS - start;
        int keep = (int) Math.max(0, out.length - Math.max(0, overtaken));
        return Arrays.copyOf(out, keep);
    }

    /** An order decided at the close of the bar starting at {@code epochSecond}, with the symbol's probability then. */
    record Decision(long epochSecond, String symbol, long quantity, double probability) {
    }
}
