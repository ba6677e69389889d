package io.sentio.journal;

/** Too little free space to open a journal for writing; the message names the directory and both amounts. */
public final class JournalSpaceException extends JournalException {
    private static final long serialVersionUID = 1L;

    JournalSpaceException(String message) {
        super(message);
    }
}
