package io.sentio.core.execution;

import io.sentio.core.config.StrategyParams;
import io.sentio.core.market.BarSet;
import java.util.Objects;

/**
 * Simulated fills (DESIGN §5.6). A market order decided at the close of bar t fills at the open of
 * the symbol's next real (received, not forward-filled) bar, moved against the order by
 * max({@code slippageBps} of the price, {@code halfSpreadTicks} x {@code tickSize}) per share, plus
 * {@code commissionPerShare}. The tick floor is the half spread a market order crosses: one cent
 * is 4-8 bp of the low-priced ETFs, more than the slippage alone. The match runs only on bar sets
 * after the deciding one, so no price of the deciding bar can be used.
 *
 * <p>Under {@link FillTiming#SAME_BAR_CLOSE} (a what-if for reports, never the default) the order
 * is matched right after the decisions of its deciding bar and fills at that bar's close instead.
 *
 * <p>An order whose symbol goes stale while it waits is cancelled. An order decided while its
 * symbol was already stale (an exit of a stale holding, which DESIGN allows) waits for the next
 * real bar instead: cancelling it at once would make such exits impossible.
 */
public final class SimulatedBroker implements ExecutionVenue {
    private final double slippageFraction;
    private final double spreadFloor;
    private final double commissionPerShare;
    private final FillTiming timing;
    private long sentOrders;

    /** The engine's convention: fills at the next real bar's open. */
    public SimulatedBroker(double slippageBps, double halfSpreadTicks, double tickSize, double commissionPerShare) {
        this(slippageBps, halfSpreadTicks, tickSize, commissionPerShare, FillTiming.NEXT_OPEN);
    }

    public SimulatedBroker(double slippageBps, double halfSpreadTicks, double tickSize, double commissionPerShare,
                           FillTiming timing) {
        if (!(slippageBps >= 0) || !(halfSpreadTicks >= 0) || !(tickSize >= 0) || !(commissionPerShare >= 0)
            || !Double.isFinite(halfSpreadTicks * tickSize)) {
            throw new IllegalArgumentException("costs must be finite and non-negative");
        }
        this.slippageFraction = slippageBps / 10_000.0;
        this.spreadFloor = halfSpreadTicks * tickSize;
        this.commissionPerShare = commissionPerShare;
        this.timing = Objects.requireNonNull(timing, "timing");
    }

    /** The costs of {@code params} ({@code costs.*}) under {@code timing}. */
    public static SimulatedBroker of(StrategyParams params, FillTiming timing) {
        return new SimulatedBroker(params.slippageBps, params.halfSpreadTicks, params.tickSize,
            params.commissionPerShare, timing);
    }

    @Override
    public boolean fillsAtDecidingClose() {
        return timing == FillTiming.SAME_BAR_CLOSE;
    }

    @Override
    public int match(int symbol, long quantity, boolean staleAtDecision, BarSet received, boolean[] stale, FillPrice out) {
        if (received.present[symbol]) {
            double base = timing == FillTiming.SAME_BAR_CLOSE ? received.close[symbol] : received.open[symbol];
            // The slipped price keeps its old form base * (1 +- f), so runs without a floor fill bit for bit as before.
            out.price = quantity > 0
                ? Math.max(base * (1.0 + slippageFraction), base + spreadFloor)
                : Math.min(base * (1.0 - slippageFraction), base - spreadFloor);
            out.commission = Math.abs(quantity) * commissionPerShare;
            return FillBatch.FILLED;
        }
        if (stale[symbol] && !staleAtDecision) {
            return FillBatch.CANCELLED;
        }
        return WAITING;
    }

    @Override
    public void send(OrderBatch orders, long decidingEpochSecond) {
        sentOrders += orders.count();
    }

    /** Orders handed to this venue by the execution stage. */
    public long sentOrders() {
        return sentOrders;
    }
}
