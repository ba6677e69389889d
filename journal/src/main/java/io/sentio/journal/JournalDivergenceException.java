package io.sentio.journal;

/** A re-run produced a record different from the one the journal holds at the same place. */
public final class JournalDivergenceException extends JournalException {
    private static final long serialVersionUID = 1L;

    public JournalDivergenceException(String message) {
        super(message);
    }
}
