package io.sentio.launcher;

/** Process exit codes of the CLI contract (DESIGN §7). */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int BAD_USAGE = 2;
    public static final int BAD_DATA = 3;
    public static final int REPLAY_DIVERGED = 4;

    private ExitCodes() {
    }
}
