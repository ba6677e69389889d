package io.sentio.core.metrics;

/**
 * Equity marked at every bar close, the holdings at that bar, and each session's last mark.
 * Owned by the portfolio stage; pre-size with the expected bar count to keep a run allocation-free.
 */
public final class EquityRecorder {
    private final GrowableLongs barEpochSecond;
    private final GrowableDoubles barEquity;
    private final GrowableLongs barHoldings;
    private final GrowableLongs sessionDay;
    private final GrowableDoubles sessionEndEquity;
    private double exposureSum;
    private long currentDay = Long.MIN_VALUE;
    private double lastEquity = Double.NaN;

    public EquityRecorder(int expectedBars) {
        barEpochSecond = new GrowableLongs(expectedBars);
        barEquity = new GrowableDoubles(expectedBars);
        barHoldings = new GrowableLongs(expectedBars);
        sessionDay = new GrowableLongs(expectedBars / 300 + 16);
        sessionEndEquity = new GrowableDoubles(expectedBars / 300 + 16);
    }

    /** @return true when this mark opened a new session (the previous one is then closed) */
    public boolean mark(long epochSecond, long nyEpochDay, double equity, double grossExposure, long holdingsMask) {
        boolean newSession = nyEpochDay != currentDay;
        if (newSession) {
            closeSession();
            currentDay = nyEpochDay;
        }
        barEpochSecond.add(epochSecond);
        barEquity.add(equity);
        barHoldings.add(holdingsMask);
        exposureSum += equity > 0 ? grossExposure / equity : 0.0;
        lastEquity = equity;
        return newSession;
    }

    /** Closes the current session at its last mark; call once after the last bar of a run. */
    public void finish() {
        closeSession();
        currentDay = Long.MIN_VALUE;
    }

    private void closeSession() {
        if (currentDay != Long.MIN_VALUE) {
            sessionDay.add(currentDay);
            sessionEndEquity.add(lastEquity);
        }
    }

    public double lastEquity() {
        return lastEquity;
    }

    public int bars() {
        return barEquity.size();
    }

    public double meanExposure() {
        return barEquity.size() == 0 ? 0.0 : exposureSum / barEquity.size();
    }

    public long[] barEpochSeconds() {
        return barEpochSecond.toArray();
    }

    public double[] barEquity() {
        return barEquity.toArray();
    }

    public long[] barHoldings() {
        return barHoldings.toArray();
    }

    public long[] sessionDays() {
        return sessionDay.toArray();
    }

    public double[] sessionEndEquity() {
        return sessionEndEquity.toArray();
    }

    /** Equity at the end of the previous closed session, or {@code fallback} before the first. */
    public double previousSessionEnd(double fallback) {
        int n = sessionEndEquity.size();
        return n == 0 ? fallback : sessionEndEquity.get(n - 1);
    }
}
