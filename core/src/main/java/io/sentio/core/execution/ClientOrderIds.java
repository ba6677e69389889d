package io.sentio.core.execution;

/**
 * Deterministic client order ids (DESIGN §5.6): run id, start second of the deciding bar, symbol
 * and run-wide order sequence, so a resend after a crash is idempotent at the broker. Built only
 * where a string is needed (venue adapters, listeners), never on the simulated hot path.
 */
public final class ClientOrderIds {
    private ClientOrderIds() {
    }

    public static String of(String runId, long decidingBarEpochSecond, String symbol, long sequence) {
        return runId + '-' + decidingBarEpochSecond + '-' + symbol + '-' + sequence;
    }

    /** Appends the same id as {@link #of} to {@code out} without allocating (StringBuilder appends longs in place). */
    public static StringBuilder appendTo(StringBuilder out, String runId, long decidingBarEpochSecond, String symbol,
                                         long sequence) {
        return out.append(runId).append('-').append(decidingBarEpochSecond).append('-').append(symbol).append('-')
            .append(sequence);
    }

    /** Run ids travel inside client order ids: short, ASCII letters, digits, '_' and '.'. */
    public static void checkRunId(String runId) {
        if (runId == null || !runId.matches("[A-Za-z0-9_.]{1,32}")) {
            throw new IllegalArgumentException("run id must be 1-32 of [A-Za-z0-9_.], got '" + runId + "'");
        }
    }
}
