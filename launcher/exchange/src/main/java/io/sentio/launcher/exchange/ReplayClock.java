package io.sentio.launcher.exchange;

import java.util.concurrent.TimeUnit;

/**
 * The stand-in's market time. Frozen at the session's 09:30 until {@link #start()}, then running at
 * {@code speed} times real time; with speed 0 (no pacing) it jumps to each minute as it is published.
 */
final class ReplayClock {
    private final long openMillis;
    private final double speed;
    private volatile long startNanos = -1;
    private volatile long jumpedMillis;

    ReplayClock(long openEpochSecond, double speed) {
        this.openMillis = openEpochSecond * 1000L;
        this.speed = speed;
        this.jumpedMillis = openMillis;
    }

    synchronized boolean start() {
        if (startNanos >= 0) {
            return false;
        }
        startNanos = System.nanoTime();
        return true;
    }

    boolean started() {
        return startNanos >= 0;
    }

    long nowMillis() {
        if (speed == 0 || startNanos < 0) {
            return jumpedMillis;
        }
        return openMillis + (long) ((System.nanoTime() - startNanos) / 1e6 * speed);
    }

    /**
     * Sleeps until market time reaches {@code epochMillis}; with speed 0, jumps there. If the host
     * stalled and the replay finds itself more than {@link #MAX_BEHIND_MILLIS} of market time late,
     * market time is moved back to {@code epochMillis}: a stall pauses the market instead of making
     * it publish the missed minutes back to back, which at hundreds of times real time would leave
     * clients no time to act on them.
     */
    void awaitMillis(long epochMillis) throws InterruptedException {
        if (speed == 0) {
            jumpedMillis = Math.max(jumpedMillis, epochMillis);
            return;
        }
        long wait;
        while ((wait = epochMillis - nowMillis()) > 0) {
            TimeUnit.MICROSECONDS.sleep(Math.max(1, (long) (wait * 1000 / speed)));
        }
        long behind = -wait;
        if (behind > MAX_BEHIND_MILLIS) {
            startNanos += (long) (behind / speed * 1e6);
        }
    }

    /** Market milliseconds the replay may fall behind before a stall pauses market time. */
    static final long MAX_BEHIND_MILLIS = 5_000;
}
