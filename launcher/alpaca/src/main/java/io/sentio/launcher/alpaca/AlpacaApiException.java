package io.sentio.launcher.alpaca;

/** A non-success answer of an Alpaca REST API: HTTP status, Alpaca's error code and message. */
public final class AlpacaApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int httpStatus;
    private final long code;

    public AlpacaApiException(int httpStatus, long code, String message) {
        super("HTTP " + httpStatus + (code != 0 ? " code " + code : "") + ": " + message);
        this.httpStatus = httpStatus;
        this.code = code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public long code() {
        return code;
    }
}
