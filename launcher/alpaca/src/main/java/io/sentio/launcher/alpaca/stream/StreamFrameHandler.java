package io.sentio.launcher.alpaca.stream;

/** What a decoded market-data frame holds, message by message, in arrival order. */
public interface StreamFrameHandler {
    /** A bar ('b') or a late correction of a sent bar ('u') of a subscribed symbol. */
    void onBar(int symbol, long epochSecond, double open, double high, double low, double close, double volume,
               boolean correction);

    /** {@code {"T":"success","msg":...}}: "connected" or "authenticated". */
    void onSuccess(String msg);

    /** {@code {"T":"subscription",...}}: the server's full current subscription lists. */
    void onSubscription(String[] bars, String[] updatedBars);

    void onError(int code, String msg);
}
