package io.sentio.launcher.data;

/**
 * A bar file or data directory that cannot be used. The message names the file and line, or the
 * symbol; the CLI turns it into its bad-data exit code.
 */
public final class BarDataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BarDataException(String message) {
        super(message);
    }
}
