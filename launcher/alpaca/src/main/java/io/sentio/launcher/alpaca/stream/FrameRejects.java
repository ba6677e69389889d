package io.sentio.launcher.alpaca.stream;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts dropped frames and messages per {@link FrameReject} kind and logs the first of each kind only:
 * a server that sends garbage at bar rate must not flood the log, and the counts say how much came.
 */
public final class FrameRejects {
    private static final Logger LOG = LoggerFactory.getLogger(FrameRejects.class);
    private final AtomicLongArray counts = new AtomicLongArray(FrameReject.values().length);
    private final String source;
    private final Consumer<String> log;

    public FrameRejects(String source) {
        this(source, LOG::warn);
    }

    /** {@code log} receives the one line per kind (tests read it). */
    public FrameRejects(String source, Consumer<String> log) {
        this.source = source;
        this.log = log;
    }

    public void reject(FrameReject kind, String detail) {
        if (counts.getAndIncrement(kind.ordinal()) == 0) {
            log.accept(source + ": dropped garbage of kind " + kind + " (" + detail
                + "); further garbage of this kind is counted, not logged");
        }
    }

    public long count(FrameReject kind) {
        return counts.get(kind.ordinal());
    }

    public long total() {
        long sum = 0;
        for (int i = 0; i < counts.length(); i++) {
            sum += counts.get(i);
        }
        return sum;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(source).append(" rejects{");
        for (FrameReject k : FrameReject.values()) {
            b.append(k).append('=').append(count(k)).append(k.ordinal() + 1 < counts.length() ? ", " : "}");
        }
        return b.toString();
    }
}
