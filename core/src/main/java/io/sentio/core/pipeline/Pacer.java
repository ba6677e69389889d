package io.sentio.core.pipeline;

import io.sentio.core.market.BarSet;
import java.util.concurrent.locks.LockSupport;

/**
 * Decides when a bar set is published; returns the nanoTime stamp from which its end-to-end
 * latency is measured. Pacing only delays publication: no decision reads time.
 */
@FunctionalInterface
public interface Pacer {
    /** Publish at once; stamp = now. */
    Pacer UNPACED = set -> System.nanoTime();

    /**
     * Stamp of a set that is published unpaced ahead of a paced replay: it waits behind a full
     * ring, so its publish-to-execution time is queueing, and it is left out of the end-to-end
     * latency (which then describes the paced sets only).
     */
    long UNTIMED = Long.MIN_VALUE;

    long awaitSlot(BarSet set);

    /**
     * Replays at {@code speed} times real time (39: a 390-minute session in 10 minutes) from the
     * first bar set of New York day {@code fromDay} on; earlier sets (warm-up) go unpaced and
     * {@link #UNTIMED}. Each paced set is stamped with its planned send time, so a late
     * publication shows as latency.
     */
    static Pacer realTimeMultiple(double speed, long fromDay) {
        if (speed == 0) {
            return UNPACED;
        }
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be >= 0 and finite, got " + speed);
        }
        return new Pacer() {
            private long originNanos = Long.MIN_VALUE;
            private long originEpochSecond;

            @Override
            public long awaitSlot(BarSet set) {
                if (set.nyEpochDay < fromDay) {
                    return UNTIMED;
                }
                if (originNanos == Long.MIN_VALUE) {
                    originNanos = System.nanoTime();
                    originEpochSecond = set.epochSecond;
                }
                long planned = originNanos + (long) ((set.epochSecond - originEpochSecond) * 1e9 / speed);
                long wait;
                while ((wait = planned - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                return planned;
            }
        };
    }
}
