package io.sentio.launcher.alpaca.stream;

/**
 * One market-data message as a frame decoder collects it, field by field, whatever the wire format;
 * {@link #deliver} checks it and hands it to the handler or counts it as rejected. Reused across
 * messages: {@link #reset} before each.
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
    /** The first problem a decoder found in a field, and that field; null when none. */
    private FrameReject problem;
    private String problemField;

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
        problem = null;
        problemField = null;
        return this;
    }

    /** Marks the message as unusable; the first problem is the one reported. */
    void problem(FrameReject kind, String field) {
        if (problem == null) {
            problem = kind;
            problemField = field;
        }
    }

    /**
     * Bars of symbols outside the universe and the types sentio reads but does not act on are dropped
     * silently; anything else that cannot be delivered is counted in {@code rejects}.
     */
    void deliver(StreamFrameHandler handler, FrameRejects rejects) {
        if (problem != null) {
            rejects.reject(problem, "field '" + problemField + "'");
        } else if (type == 'b' || type == 'u') {
            bar(handler, rejects);
        } else if ("success".equals(typeText)) {
            handler.onSuccess(msg);
        } else if ("subscription".equals(typeText)) {
            handler.onSubscription(bars == null ? new String[0] : bars, updatedBars == null ? new String[0] : updatedBars);
        } else if ("error".equals(typeText)) {
            handler.onError(code, msg);
        } else if (type == 0 && typeText == null) {
            rejects.reject(FrameReject.MISSING_FIELD, "a message without 'T'");
        } else {
            rejects.reject(FrameReject.UNKNOWN_TYPE, "message type '" + (typeText != null ? typeText : String.valueOf(type)) + "'");
        }
    }

    private void bar(StreamFrameHandler handler, FrameRejects rejects) {
        if (symbol == -1) {
            return;
        }
        if (symbol == -2 || epochSecond == Long.MIN_VALUE || Double.isNaN(open) || Double.isNaN(high)
            || Double.isNaN(low) || Double.isNaN(close) || Double.isNaN(volume)) {
            rejects.reject(FrameReject.MISSING_FIELD, "a bar without one of S, t, o, h, l, c, v");
        } else if (!price(open) || !price(high) || !price(low) || !price(close) || !(volume >= 0) || Double.isInfinite(volume)) {
            rejects.reject(FrameReject.BAD_VALUE, "a bar with a price not positive and finite or a negative volume");
        } else {
            handler.onBar(symbol, epochSecond, open, high, low, close, volume, type == 'u');
        }
    }

    private static boolean price(double p) {
        return p > 0 && p < Double.POSITIVE_INFINITY;
    }
}
