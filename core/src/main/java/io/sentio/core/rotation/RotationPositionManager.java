package io.sentio.core.rotation;

import io.sentio.core.config.StrategyParams;
import io.sentio.core.execution.OrderBatch;
import io.sentio.core.execution.OrderReason;
import io.sentio.core.execution.WorkingOrders;
import io.sentio.core.learn.Learner;
import io.sentio.core.portfolio.Portfolio;
import io.sentio.core.state.StateCodec;
import io.sentio.core.state.Stateful;

/**
 * Rotation into the top {@code max_positions} (DESIGN §5.5), decided at the close of a bar.
 *
 * <p>Order of a decision: (1) flatten everything when the risk rules say so; otherwise (2) for held
 * symbols past {@code min_hold_bars}, exit when p &lt; {@code exit_threshold} (under the expected_return
 * rule: the expected return falls below {@code exit_cost_multiple} round trips), and any symbol held
 * {@code max_hold_bars} (when not 0) exits; then rotation exits:
 * held symbols outside the top, weakest first, each compared with the next unused best eligible
 * non-held LONG candidate (so one candidate never justifies two exits); (3) fill free slots in rank
 * order. A symbol with a working order is neither exited again nor entered. Rotation exits happen
 * only while entries are allowed: rotating out when the replacement cannot be bought would only
 * pay the spread.
 *
 * <p>Held bars count bar sets since the entry fill, the fill's bar counting as 1. Cooldown counts
 * bar sets since the exit fill.
 */
public final class RotationPositionManager implements Stateful {
    private final int maxPositions;
    private final int minHoldBars;
    private final int maxHoldBars;
    private final double exitThreshold;
    private final double rotationThreshold;
    private final int cooldownBars;
    private final double cashBuffer;
    private final int[] heldBars;
    private final long[] lastExitBar;
    private final int[] ranking;
    private final int[] heldByStrength;
    private final boolean[] exiting;
    private long nextSequence = 1;

    public RotationPositionManager(int symbols, StrategyParams params) {
        this.maxPositions = params.maxPositions;
        this.minHoldBars = params.minHoldBars;
        this.maxHoldBars = params.maxHoldBars;
        // The expected_return rule hands in its expected return less exit_cost_multiple round trips.
        this.exitThreshold = params.decision == StrategyParams.Decision.EXPECTED_RETURN ? 0.0 : params.exitThreshold;
        this.rotationThreshold = params.rotationThreshold;
        this.cooldownBars = params.cooldownBars;
        this.cashBuffer = params.cashBuffer;
        this.heldBars = new int[symbols];
        this.lastExitBar = new long[symbols];
        java.util.Arrays.fill(lastExitBar, Long.MIN_VALUE / 2);
        this.ranking = new int[symbols];
        this.heldByStrength = new int[symbols];
        this.exiting = new boolean[symbols];
    }

    /** A fill was applied to {@code portfolio} on bar set number {@code barIndex}. */
    public void onFill(int symbol, Portfolio portfolio, long barIndex) {
        if (portfolio.shares(symbol) == 0) {
            heldBars[symbol] = 0;
            lastExitBar[symbol] = barIndex;
        }
    }

    /** Counts one more bar for every held symbol; call once per bar set after fills. */
    public void onBarClose(Portfolio portfolio) {
        for (int s = 0; s < heldBars.length; s++) {
            if (portfolio.holds(s)) {
                heldBars[s]++;
            }
        }
    }

    public int heldBars(int symbol) {
        return heldBars[symbol];
    }

    /**
     * Decides this bar's orders, appends them to {@code out} and to {@code working}.
     *
     * @param exitScore per symbol, p under the probability rule (exit below exit_threshold), the
     *                  expected return less exit_cost_multiple round trips under expected_return (exit below 0)
     * @param close     synced closes (sizing price)
     */
    public void decide(Bar bar, boolean[] stale, double[] exitScore, int[] signal, double[] strength, double[] close,
                       boolean flatten, boolean entriesAllowed, double equity, Portfolio portfolio,
                       WorkingOrders working, OrderBatch out) {
        int n = heldBars.length;
        java.util.Arrays.fill(exiting, false);
        int ranked = rank(stale, signal, strength);
        for (int s = 0; s < n; s++) {
            if (!portfolio.holds(s) || working.has(s)) {
                continue;
            }
            if (flatten) {
                exit(s, bar.circuitBreaker ? OrderReason.EXIT_CIRCUIT_BREAKER : OrderReason.EXIT_EOD, bar, stale, portfolio, working, out);
            } else if (heldBars[s] >= minHoldBars && exitScore[s] < exitThreshold
                || maxHoldBars > 0 && heldBars[s] >= maxHoldBars) {
                exit(s, OrderReason.EXIT_SIGNAL, bar, stale, portfolio, working, out);
            }
        }
        if (flatten || !entriesAllowed) {
            return;
        }
        rotate(ranked, bar, stale, strength, portfolio, working, out);
        fillSlots(ranked, bar, stale, close, equity, portfolio, working, out);
    }

    private void rotate(int ranked, Bar bar, boolean[] stale, double[] strength, Portfolio portfolio,
                        WorkingOrders working, OrderBatch out) {
        int top = Math.min(maxPositions, ranked);
        int held = 0;
        for (int s = 0; s < heldBars.length; s++) {
            if (portfolio.holds(s) && !working.has(s) && !exiting[s] && heldBars[s] >= minHoldBars && !inTop(s, top)) {
                held = insertAscending(heldByStrength, held, s, strength);
            }
        }
        int cursor = 0;
        for (int i = 0; i < held; i++) {
            int s = heldByStrength[i];
            cursor = nextCandidate(ranked, cursor, bar.barIndex, portfolio, working);
            if (cursor >= ranked) {
                return;
            }
            if (strength[ranking[cursor]] >= rotationThreshold * strength[s]) {
                exit(s, OrderReason.EXIT_ROTATION, bar, stale, portfolio, working, out);
                cursor++;
            }
        }
    }

    private void fillSlots(int ranked, Bar bar, boolean[] stale, double[] close, double equity,
                           Portfolio portfolio, WorkingOrders working, OrderBatch out) {
        int used = 0;
        for (int s = 0; s < heldBars.length; s++) {
            boolean pendingEntry = working.has(s) && working.quantity(s) > 0;
            boolean keeps = portfolio.holds(s) && !exiting[s] && !(working.has(s) && working.quantity(s) < 0);
            if (pendingEntry || keeps) {
                used++;
            }
        }
        double target = equity * (1.0 - cashBuffer) / maxPositions;
        int cursor = 0;
        while (used < maxPositions) {
            cursor = nextCandidate(ranked, cursor, bar.barIndex, portfolio, working);
            if (cursor >= ranked) {
                return;
            }
            int s = ranking[cursor++];
            long qty = (long) Math.floor(target / close[s]);
            if (qty <= 0) {
                continue;
            }
            long seq = nextSequence++;
            out.add(s, qty, OrderReason.ENTRY, seq);
            working.add(s, qty, OrderReason.ENTRY, seq, bar.epochSecond, bar.nyEpochDay, stale[s]);
            used++;
        }
    }

    private int nextCandidate(int ranked, int from, long barIndex, Portfolio portfolio, WorkingOrders working) {
        int c = from;
        while (c < ranked) {
            int s = ranking[c];
            boolean coolingDown = barIndex - lastExitBar[s] < cooldownBars;
            if (!portfolio.holds(s) && !working.has(s) && !exiting[s] && !coolingDown) {
                return c;
            }
            c++;
        }
        return c;
    }

    private void exit(int s, int reason, Bar bar, boolean[] stale, Portfolio portfolio, WorkingOrders working, OrderBatch out) {
        long qty = -portfolio.shares(s);
        long seq = nextSequence++;
        out.add(s, qty, reason, seq);
        working.add(s, qty, reason, seq, bar.epochSecond, bar.nyEpochDay, stale[s]);
        exiting[s] = true;
    }

    /** LONG, non-stale symbols by strength descending, ties by symbol index; returns the count. */
    private int rank(boolean[] stale, int[] signal, double[] strength) {
        int count = 0;
        for (int s = 0; s < heldBars.length; s++) {
            if (signal[s] != Learner.SIGNAL_LONG || stale[s]) {
                continue;
            }
            int i = count++;
            while (i > 0 && strength[ranking[i - 1]] < strength[s]) {
                ranking[i] = ranking[i - 1];
                i--;
            }
            ranking[i] = s;
        }
        return count;
    }

    private boolean inTop(int symbol, int top) {
        for (int i = 0; i < top; i++) {
            if (ranking[i] == symbol) {
                return true;
            }
        }
        return false;
    }

    private static int insertAscending(int[] list, int size, int s, double[] strength) {
        int i = size;
        while (i > 0 && strength[list[i - 1]] > strength[s]) {
            list[i] = list[i - 1];
            i--;
        }
        list[i] = s;
        return size + 1;
    }

    /** Next order sequence number (part of client order ids). */
    public long nextSequence() {
        return nextSequence;
    }

    /** Ranking buffers are scratch, rebuilt by every decision, so not state. */
    @Override
    public void visit(StateCodec c) {
        nextSequence = c.l(nextSequence);
        c.ints(heldBars);
        c.longs(lastExitBar);
    }

    /** The bar being decided on; a reused holder. */
    public static final class Bar {
        public long barIndex;
        public long epochSecond;
        public long nyEpochDay;
        /** The flatten is the circuit breaker's, not the end of day's. */
        public boolean circuitBreaker;

        public Bar set(long index, long epochSecond, long nyEpochDay, boolean circuitBreaker) {
            this.barIndex = index;
            this.epochSecond = epochSecond;
            this.nyEpochDay = nyEpochDay;
            this.circuitBreaker = circuitBreaker;
            return this;
        }
    }
}
