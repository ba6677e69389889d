package io.sentio.launcher.report;

import io.sentio.core.config.StrategyParams;
import io.sentio.core.pipeline.RunResult;
import java.util.Locale;

/**
 * The trading costs a run assumed (DESIGN §5.6); every report states them because they decide the
 * result. Per share and against the order, a fill pays max(slippage_bps of the price,
 * half_spread_ticks x tick_size), plus the commission.
 */
public record Costs(double slippageBps, double halfSpreadTicks, double tickSize, double commissionPerShare) {
    public Costs {
        if (!(slippageBps >= 0) || !(halfSpreadTicks >= 0) || !(tickSize >= 0) || !(commissionPerShare >= 0)
            || !Double.isFinite(halfSpreadTicks * tickSize)) {
            throw new IllegalArgumentException("costs must be finite and >= 0: slippage_bps=" + slippageBps
                + ", half_spread_ticks=" + halfSpreadTicks + ", tick_size=" + tickSize
                + ", commission_per_share=" + commissionPerShare);
        }
    }

    public static Costs of(StrategyParams p) {
        return new Costs(p.slippageBps, p.halfSpreadTicks, p.tickSize, p.commissionPerShare);
    }

    public static Costs of(RunResult r) {
        return new Costs(r.slippageBps, r.halfSpreadTicks, r.tickSize, r.commissionPerShare);
    }

    /** The per-share floor in USD: half_spread_ticks x tick_size. */
    public double spreadFloor() {
        return halfSpreadTicks * tickSize;
    }

    /** One line for every report, e.g. "max(1.00 bp, 0.5 tick x $0.01 = $0.0050) per share per fill, ...". */
    public String describe() {
        return String.format(Locale.ROOT, "max(%.2f bp of the price, %s tick x $%s = $%.4f) per share per fill,"
            + " against the order; commission $%.4f per share", slippageBps, Fmt.num(halfSpreadTicks, 2),
            Fmt.num(tickSize, 4), spreadFloor(), commissionPerShare);
    }
}
