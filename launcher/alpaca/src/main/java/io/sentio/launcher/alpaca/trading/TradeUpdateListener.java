package io.sentio.launcher.alpaca.trading;

/** Receives order events: new, fill, partial_fill, canceled, rejected, ... */
public interface TradeUpdateListener {
    void onTradeUpdate(TradeUpdate update);

    /**
     * The stream failed its reconnect attempts; the consumer should poll with {@link OrderPoller}
     * instead. The stream keeps trying to reconnect (unless its keys were refused).
     */
    default void onStreamDown(String reason) {
    }

    /**
     * The stream is subscribed again after a lost connection (or after a first subscription that
     * came late). Alpaca does not replay the events sent meanwhile: one poll catches up with them.
     */
    default void onStreamRestored() {
    }

    /**
     * A message of the subscribed stream could not be read (not JSON, or a trade update without what
     * sentio needs). It may have been an order event: by default one poll catches up, as after a
     * restoration. Counted and logged once per kind by the stream, not here.
     */
    default void onUnreadableMessage(String reason) {
        onStreamRestored();
    }
}
