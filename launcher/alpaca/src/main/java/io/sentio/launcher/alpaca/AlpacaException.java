package io.sentio.launcher.alpaca;

/**
 * The Alpaca adapters cannot proceed: credentials, endpoints or a local file they rely on are wrong,
 * or the broker answered with something they cannot read.
 * {@link Kind} tells a caller whether the user's setup or the data is at fault; the message names the
 * variable, file and line, never a secret. A non-success HTTP answer is an {@link AlpacaApiException}.
 */
public final class AlpacaException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Who has to fix it. */
    public enum Kind {
        /** Credentials or endpoints as given cannot work. */
        SETUP,
        /** A file the adapter appends to or reads is not what it wrote. */
        DATA,
        /** The broker's answer is not what Alpaca documents: malformed, truncated, wrong-typed or missing a field. */
        WIRE
    }

    private final Kind kind;

    public AlpacaException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    static AlpacaException setup(String message) {
        return new AlpacaException(Kind.SETUP, message);
    }

    public static AlpacaException wire(String message) {
        return new AlpacaException(Kind.WIRE, message);
    }
}
