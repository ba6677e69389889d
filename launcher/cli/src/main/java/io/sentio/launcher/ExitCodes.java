package io.sentio.launcher;

/**
 * Process exit codes of the CLI contract (DESIGN §7), documented in docs/configuration.md for
 * operators' scripts. 5 is taken by a journal write failure (disk full); 10 and up are the live
 * daemon's reasons not to trade, each distinct so a script can tell "retry tomorrow" from "page someone".
 */
public final class ExitCodes {
    public static final int OK = 0;
    /** Anything not listed: a bug or an unexpected failure (the stack trace is printed). */
    public static final int FAILURE = 1;
    public static final int BAD_USAGE = 2;
    public static final int BAD_DATA = 3;
    public static final int REPLAY_DIVERGED = 4;
    /** The journal could not be written (full disk, write fault) or opened for lack of space: the run stopped. */
    public static final int JOURNAL_FAILED = 5;
    /** live: no session to trade (holiday, weekend, after the close). Nothing was sent. */
    public static final int MARKET_CLOSED = 10;
    /** live: the broker's positions differ from the daemon's and --adopt was not given (or cannot take them). */
    public static final int RECONCILIATION_MISMATCH = 11;
    /** live: the broker or the market-data feed failed (unreachable, gave up reconnecting, answered an error). */
    public static final int VENUE_FAILURE = 12;
    /** live --live: real-money trading was not confirmed (SENTIO_LIVE_CONFIRM missing or not the account number). */
    public static final int LIVE_NOT_CONFIRMED = 13;
    /** daemon: the broker's calendar or clock disagrees with sentio's NYSE calendar; nothing traded. */
    public static final int CALENDAR_MISMATCH = 14;

    private ExitCodes() {
    }
}
