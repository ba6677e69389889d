package io.sentio.launcher.alpaca.stream;

import java.util.Random;

/**
 * Exponential backoff with "equal jitter": attempt n waits between half and all of
 * min(max, base * 2^(n-1)). The random source is seeded so a run is reproducible.
 */
public final class Backoff {
    private final long baseMillis;
    private final long maxMillis;
    private final Random random;

    public Backoff(long baseMillis, long maxMillis, long seed) {
        if (baseMillis < 1 || maxMillis < baseMillis) {
            throw new IllegalArgumentException("backoff needs 1 <= base <= max");
        }
        this.baseMillis = baseMillis;
        this.maxMillis = maxMillis;
        this.random = new Random(seed);
    }

    /** Delay before attempt {@code attempt} (1-based). */
    public long delayMillis(int attempt) {
        long cap = baseMillis << Math.min(attempt - 1, 30);
        cap = cap <= 0 || cap > maxMillis ? maxMillis : cap;
        long half = cap / 2;
        return half + (long) (random.nextDouble() * (cap - half + 1));
    }
}
