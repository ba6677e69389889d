package io.sentio.launcher.data;

/** What {@link DataChecker} found for one symbol. */
public final class SymbolCheck {
    final String symbol;
    final BarFileStats file;
    long rows;
    long sessions;
    long firstEpoch = Long.MIN_VALUE;
    long lastEpoch = Long.MIN_VALUE;
    long missingMinutes;
    long forwardFilled;
    long stale;
    long absentRun;
    long lastDay = Long.MIN_VALUE;

    SymbolCheck(String symbol, BarFileStats file) {
        this.symbol = symbol;
        this.file = file;
    }

    public String symbol() {
        return symbol;
    }

    /** Rows accepted by the reader. */
    public long rows() {
        return rows;
    }

    /** Sessions with at least one bar of this symbol. */
    public long sessions() {
        return sessions;
    }

    /** Epoch second of the first bar, {@link Long#MIN_VALUE} if none. */
    public long firstEpoch() {
        return firstEpoch;
    }

    public long lastEpoch() {
        return lastEpoch;
    }

    /** Session minutes between this symbol's first and last bar without a bar of it. */
    public long missingMinutes() {
        return missingMinutes;
    }

    /** Symbol-minutes forward-filled within the limit by the synchronizer (skipped sets excluded). */
    public long forwardFilled() {
        return forwardFilled;
    }

    /** Symbol-minutes the synchronizer marked stale (skipped sets excluded). */
    public long stale() {
        return stale;
    }

    public BarFileStats badRows() {
        return file;
    }
}
