package io.sentio.launcher.exchange;

import java.util.concurrent.TimeUnit;

/**
 * The stand-in's market time, piecewise linear in real time. It holds at a session's 09:30 until
 * {@link #start()} (a client subscribed), then runs at {@code speed} times real time; between
 * sessions it may run at another rate ({@link #runAt}, the night's) and hold again at the next open.
 * With speed 0 (no pacing) it jumps to each minute as it is published, and over nights.
 */
final class ReplayClock {
    private final double speed;
    /** Market time at {@link #baseNanos}; while held, market time itself. */
    private volatile long baseMillis;
    /** Real time of {@link #baseMillis}; -1 while held. */
    private volatile long baseNanos = -1;
    private volatile double rate;

    ReplayClock(long openEpochSecond, double speed) {
        this.speed = speed;
        this.baseMillis = openEpochSecond * 1000L;
        this.rate = speed;
    }

    /** Ends a hold: market time runs on from where it stands at the replay speed. False if it was running. */
    synchronized boolean start() {
        if (baseNanos >= 0) {
            return false;
        }
        rate = speed;
        baseNanos = System.nanoTime();
        notifyAll();
        return true;
    }

    boolean started() {
        return baseNanos >= 0;
    }

    /** Market time stops at {@code epochMillis} until the next {@link #start()}. */
    synchronized void holdAt(long epochMillis) {
        baseMillis = epochMillis;
        baseNanos = -1;
    }

    /** Waits for the {@link #start()} that ends a hold. */
    synchronized void awaitStarted() throws InterruptedException {
        while (baseNanos < 0) {
            wait();
        }
    }

    /** Market time runs on from now at {@code marketPerReal} times real time (0: it jumps, as with speed 0). */
    synchronized void runAt(double marketPerReal) {
        long now = nowMillis();
        baseMillis = now;
        baseNanos = System.nanoTime();
        rate = marketPerReal;
    }

    long nowMillis() {
        long nanos = baseNanos;
        double r = rate;
        if (nanos < 0 || r == 0) {
            return baseMillis;
        }
        return baseMillis + (long) ((System.nanoTime() - nanos) / 1e6 * r);
    }

    /**
     * Sleeps until market time reaches {@code epochMillis}; with rate 0, jumps there. If the host
     * stalled and the replay finds itself more than {@link #MAX_BEHIND_MILLIS} of market time late,
     * market time is moved back to {@code epochMillis}: a stall pauses the market instead of making
     * it publish the missed minutes back to back, which at hundreds of times real time would leave
     * clients no time to act on them.
     */
    void awaitMillis(long epochMillis) throws InterruptedException {
        if (rate == 0) {
            synchronized (this) {
                baseMillis = Math.max(baseMillis, epochMillis);
            }
            return;
        }
        long wait;
        while ((wait = epochMillis - nowMillis()) > 0) {
            TimeUnit.MICROSECONDS.sleep(Math.max(1, (long) (wait * 1000 / rate)));
        }
        long behind = -wait;
        if (behind > MAX_BEHIND_MILLIS) {
            synchronized (this) {
                baseMillis = epochMillis;
                baseNanos = System.nanoTime();
            }
        }
    }

    /** Market milliseconds the replay may fall behind before a stall pauses market time. */
    static final long MAX_BEHIND_MILLIS = 5_000;
}
