package io.sentio.launcher.data;

/** What a {@link BarCsvReader} saw in one file: accepted rows and rejected rows by reason. */
public final class BarFileStats {
    private static final BadRowReason[] REASONS = BadRowReason.values();
    private final long[] bad = new long[REASONS.length];
    private final long[] firstBadLine = new long[REASONS.length];
    private long accepted;

    void accept() {
        accepted++;
    }

    void reject(BadRowReason reason, long line) {
        if (bad[reason.ordinal()]++ == 0) {
            firstBadLine[reason.ordinal()] = line;
        }
    }

    public long accepted() {
        return accepted;
    }

    public long bad(BadRowReason reason) {
        return bad[reason.ordinal()];
    }

    /** Line number of the first row rejected for {@code reason}, 0 if none. */
    public long firstBadLine(BadRowReason reason) {
        return firstBadLine[reason.ordinal()];
    }

    public long totalBad() {
        long n = 0;
        for (long b : bad) {
            n += b;
        }
        return n;
    }
}
