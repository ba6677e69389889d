package io.sentio.journal.state;

import java.nio.file.Path;

/** A state file that cannot be used; the message names the file and the reason (the CLI exits 2). */
public final class StateFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why a state file was refused. */
    public enum Reason {
        NOT_A_STATE_FILE, UNSUPPORTED_VERSION, TRUNCATED, CORRUPTED, SYMBOLS_MISMATCH, IO
    }

    private final Reason reason;

    public StateFileException(Path file, Reason reason, String detail) {
        this(file, reason, detail, null);
    }

    public StateFileException(Path file, Reason reason, String detail, Throwable cause) {
        super("state file " + file + ": " + reason.name().toLowerCase().replace('_', ' ') + ": " + detail, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
