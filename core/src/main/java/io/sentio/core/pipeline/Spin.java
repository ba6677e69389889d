package io.sentio.core.pipeline;

import com.lmax.disruptor.Sequence;

/**
 * The wait between the threads of the {@link Layout#LATENCY} layout inside one event: the other
 * thread is already working on it (microseconds), so spin; yield the core after a while in case
 * the other thread was descheduled (a shared machine), never park.
 */
final class Spin {
    private static final int SPINS = 1 << 12;

    private Spin() {
    }

    static void until(Sequence sequence, long value) {
        int spins = 0;
        while (sequence.get() < value) {
            if (spins < SPINS) {
                spins++;
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
    }
}
