package io.sentio.launcher.report;

import io.sentio.journal.codec.DecisionKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One session's trading rebuilt from journal records: fills in order, positions and cash per
 * symbol, closed round trips (flat -> long -> flat) with their net P&L, decisions by kind, the
 * last real close per symbol (to mark what is still open) and the session summary if journaled.
 */
final class DayBook {
    final LocalDate date;
    final List<Trade> trades = new ArrayList<>();
    final long[] position;
    /** Held at the session's start (carried from the previous session of the journal) and its mark. */
    private final long[] startPosition;
    private final double[] startMark;
    /** Per symbol: sell proceeds minus buy costs minus commissions, over the session. */
    final double[] cashFlow;
    final double[] lastClose;
    final int[] decisions = new int[DecisionKind.values().length + 1];
    final List<Double> roundTripPnl = new ArrayList<>();
    private final double[] tripCashFlow;
    double commissions;
    double tradedNotional;
    int cancelled;
    int rejected;
    boolean hasSummary;
    double summaryEquity;
    double summaryReturn;
    int summaryTrades;

    DayBook(LocalDate date, int symbols) {
        this.date = date;
        this.position = new long[symbols];
        this.startPosition = new long[symbols];
        this.startMark = new double[symbols];
        this.cashFlow = new double[symbols];
        this.lastClose = new double[symbols];
        this.tripCashFlow = new double[symbols];
        java.util.Arrays.fill(lastClose, Double.NaN);
    }

    /** The next session starts with what this one ended with, marked at this session's last closes. */
    DayBook next(LocalDate day) {
        DayBook b = new DayBook(day, position.length);
        for (int s = 0; s < position.length; s++) {
            b.position[s] = position[s];
            b.startPosition[s] = position[s];
            b.startMark[s] = lastClose[s];
            b.lastClose[s] = lastClose[s];
            // A carried position counts as bought at the mark, so its round trip closes with this day's P&L.
            b.tripCashFlow[s] = position[s] == 0 ? 0.0 : -position[s] * lastClose[s];
        }
        return b;
    }

    /** A fill (or a partial fill) of {@code qty} shares; quantity is positive, side gives the sign. */
    void fill(Trade t, int symbol, double commission) {
        trades.add(t);
        double notional = t.quantity() * t.price();
        double flow = (t.side() == Trade.Side.BUY ? -notional : notional) - commission;
        cashFlow[symbol] += flow;
        tripCashFlow[symbol] += flow;
        commissions += commission;
        tradedNotional += notional;
        position[symbol] += t.side() == Trade.Side.BUY ? t.quantity() : -t.quantity();
        if (position[symbol] == 0) {
            roundTripPnl.add(tripCashFlow[symbol]);
            tripCashFlow[symbol] = 0;
        }
    }

    /**
     * P&L of the symbol over the session: cash flow, plus what is held at the end marked at its last
     * close, minus what was held at the start marked at the previous session's last close.
     */
    double symbolPnl(int symbol) {
        double pnl = cashFlow[symbol];
        if (position[symbol] != 0) {
            pnl += position[symbol] * lastClose[symbol];
        }
        if (startPosition[symbol] != 0) {
            pnl -= startPosition[symbol] * startMark[symbol];
        }
        return pnl;
    }

    /** Shares still held at the session's last record, summed over symbols (0 after an EOD flatten). */
    long openShares() {
        long n = 0;
        for (long p : position) {
            n += Math.abs(p);
        }
        return n;
    }
}
