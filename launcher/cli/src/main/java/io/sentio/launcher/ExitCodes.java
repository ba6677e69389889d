package io.sentio.launcher;

/** Process exit codes of the CLI contract (DESIGN §7). */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int BAD_USAGE = 2;
    public static final int BAD_DATA = 3;
    public static final int REPLAY_DIVERGED = 4;
    /** The journal could not be written (full disk, write fault) or opened for lack of space: the run stopped. */
    public static final int JOURNAL_FAILED = 5;

    private ExitCodes() {
    }
}
