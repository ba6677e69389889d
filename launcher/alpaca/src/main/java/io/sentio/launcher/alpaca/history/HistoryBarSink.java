package io.sentio.launcher.alpaca.history;

/** Receives historical bars as primitives; {@code symbol} is the index in the request's symbol table. */
public interface HistoryBarSink {
    void onBar(int symbol, long epochSecond, double open, double high, double low, double close, double volume);
}
