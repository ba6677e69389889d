package io.sentio.launcher.alpaca;

/**
 * Client-side request budget: Alpaca allows 200 requests a minute per account. A bucket of
 * {@code capacity} tokens refilled continuously at {@code perMinute}; time comes from the injected
 * clock so tests can drive it.
 */
public final class TokenBucket {
    private final AlpacaClock clock;
    private final double capacity;
    private final double tokensPerMilli;
    private double tokens;
    private long lastRefillMillis;
    private long pausedUntilMillis;

    public TokenBucket(AlpacaClock clock, int capacity, int perMinute) {
        if (capacity < 1 || perMinute < 1) {
            throw new IllegalArgumentException("rate limit needs capacity and perMinute >= 1");
        }
        this.clock = clock;
        this.capacity = capacity;
        this.tokensPerMilli = perMinute / 60_000.0;
        this.tokens = capacity;
        this.lastRefillMillis = clock.epochMillis();
    }

    /** Takes one token, sleeping on the clock until one is available. */
    public void acquire() throws InterruptedException {
        while (true) {
            long wakeAt;
            synchronized (this) {
                long now = clock.epochMillis();
                refill(now);
                if (now < pausedUntilMillis) {
                    wakeAt = pausedUntilMillis;
                } else if (tokens >= 1.0) {
                    tokens -= 1.0;
                    return;
                } else {
                    wakeAt = now + (long) Math.ceil((1.0 - tokens) / tokensPerMilli);
                }
            }
            clock.sleepUntil(wakeAt);
        }
    }

    /** Holds every caller until {@code epochMillis}: the server said its budget is spent until then (HTTP 429). */
    public synchronized void pauseUntil(long epochMillis) {
        pausedUntilMillis = Math.max(pausedUntilMillis, epochMillis);
    }

    public synchronized double available() {
        refill(clock.epochMillis());
        return tokens;
    }

    private void refill(long now) {
        if (now > lastRefillMillis) {
            tokens = Math.min(capacity, tokens + (now - lastRefillMillis) * tokensPerMilli);
            lastRefillMillis = now;
        }
    }
}
