package io.sentio.launcher.live;

import io.sentio.launcher.alpaca.trading.Broker;
import java.util.Objects;

/**
 * Everything one live session talks to: orders, positions and the clock of the broker, the bar feed
 * and the order events. {@code LiveCommand} builds Alpaca's ({@link AlpacaConnections}); the daemon
 * knows only these interfaces, so a test can drive it from memory. {@code where} names the trading
 * host for the log.
 */
public record LiveConnections(Broker broker, LiveClock clock, BarFeed bars, TradeUpdateFeed tradeUpdates, String where) {
    public LiveConnections {
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(bars, "bar feed");
        Objects.requireNonNull(tradeUpdates, "trade-update feed");
        Objects.requireNonNull(where, "where");
    }
}
