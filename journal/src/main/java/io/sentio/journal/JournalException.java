package io.sentio.journal;

/** A journal that cannot be opened or holds a record this code cannot read; the message says which and why. */
public class JournalException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JournalException(String message) {
        super(message);
    }

    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
