package io.sentio.launcher.alpaca.trading;

/** Receives order events: new, fill, partial_fill, canceled, rejected, ... */
public interface TradeUpdateListener {
    void onTradeUpdate(TradeUpdate update);

    /** The stream is gone for good; the consumer should poll with {@link OrderPoller} instead. */
    default void onStreamDown(String reason) {
    }
}
