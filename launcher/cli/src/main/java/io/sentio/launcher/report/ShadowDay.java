package io.sentio.launcher.report;

/**
 * A shadow desk's session as its journal SESSION_SUMMARY states it: simulated, never sent, shown
 * beside the traded desk's day. {@code returnPct} in percent; {@code fills} filled orders.
 */
public record ShadowDay(String name, double endEquity, double returnPct, int fills) {
}
