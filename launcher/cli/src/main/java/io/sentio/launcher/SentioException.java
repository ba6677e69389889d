package io.sentio.launcher;

/** A failure that ends a command with a specific exit code and a one-line message for the user. */
public final class SentioException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    public SentioException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public SentioException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    public static SentioException badUsage(String message) {
        return new SentioException(ExitCodes.BAD_USAGE, message);
    }

    public static SentioException badData(String message) {
        return new SentioException(ExitCodes.BAD_DATA, message);
    }
}
