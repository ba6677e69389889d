package io.sentio.launcher.alpaca.stream;

/**
 * One market-data message as a frame decoder collects it, field by field, whatever the wire format;
 * {@link #deliver} hands it to the handler. Reused across messages: {@link #reset} before each.
 */
final class StreamMessage {
    char type;
    String typeText;
    /** Index in the universe; -1 for a symbol outside it, -2 when the message named none. */
    int symbol;
    long epochSecond;
    double open;
    double high;
    double low;
    double close;
    double volume;
    int code;
    String msg;
    String[] bars;
    String[] updatedBars;

    StreamMessage reset() {
        type = 0;
        typeText = null;
        symbol = -2;
        epochSecond = Long.MIN_VALUE;
        open = Double.NaN;
        high = Double.NaN;
        low = Double.NaN;
        close = Double.NaN;
        volume = Double.NaN;
        code = 0;
        msg = null;
        bars = null;
        updatedBars = null;
        return this;
    }

    /** Bars of symbols outside the universe and message types sentio does not use are dropped. */
    void deliver(StreamFrameHandler handler) {
        if (type == 'b' || type == 'u') {
            if (symbol >= 0) {
                handler.onBar(symbol, epochSecond, open, high, low, close, volume, type == 'u');
            }
        } else if ("success".equals(typeText)) {
            handler.onSuccess(msg);
        } else if ("subscription".equals(typeText)) {
            handler.onSubscription(bars == null ? new String[0] : bars, updatedBars == null ? new String[0] : updatedBars);
        } else if ("error".equals(typeText)) {
            handler.onError(code, msg);
        }
    }
}
