package io.sentio.launcher.alpaca.stream;

/**
 * Receives market-data bars as primitives, in arrival order, on one thread at a time.
 * {@code correction}: a late 'u' update of a bar already sent; {@code backfilled}: fetched through the
 * history API after a reconnect rather than received live.
 */
public interface BarListener {
    void onBar(int symbol, long epochSecond, double open, double high, double low, double close, double volume,
               boolean correction, boolean backfilled);
}
