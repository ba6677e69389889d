package io.sentio.launcher.report;

/** The trading costs a run assumed; every report states them because they decide the result. */
public record Costs(double slippageBps, double commissionPerShare) {
    public Costs {
        if (!(slippageBps >= 0) || !(commissionPerShare >= 0)) {
            throw new IllegalArgumentException("costs must be finite and >= 0: slippage_bps=" + slippageBps
                + ", commission_per_share=" + commissionPerShare);
        }
    }
}
