package io.sentio.core.pipeline;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.WaitStrategy;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Parks a handler until its upstream (the cursor, or the handlers it follows) has reached the
 * sequence it needs, and wakes exactly the handlers whose wait is over.
 *
 * <p>Why not Disruptor's BlockingWaitStrategy: it blocks on the cursor only and busy-spins on
 * upstream handlers, and with more handler threads than cores (sync, K shards, portfolio,
 * execution on 2 cores) the spinning burns the core the upstream stage needs. Here each
 * waiting thread publishes what it waits for; {@link #signalAllWhenBlocking()} (called by the
 * publisher on every publish and by the pipeline's handlers after each batch, see
 * {@link StageHandler}) unparks only waiters whose condition now holds. The waiter writes its
 * parked flag before re-reading the sequence and the signaller writes the sequence before
 * reading the flag (both volatile), so a wake-up cannot be lost; a 1 ms park bound covers halts.
 */
public final class StageBlockingWaitStrategy implements WaitStrategy {
    private static final int SPINS = 100;
    private static final int MAX_WAITERS = 64;
    private final AtomicReferenceArray<Waiter> waiters = new AtomicReferenceArray<>(MAX_WAITERS);
    private final ThreadLocal<Waiter> own = ThreadLocal.withInitial(this::register);

    @Override
    public long waitFor(long sequence, Sequence cursor, Sequence dependentSequence, SequenceBarrier barrier)
        throws AlertException {
        long available;
        for (int i = 0; i < SPINS; i++) {
            if ((available = dependentSequence.get()) >= sequence) {
                return available;
            }
            Thread.onSpinWait();
        }
        Waiter w = own.get();
        w.dependent = dependentSequence;
        w.needed = sequence;
        w.parked = true;
        try {
            while ((available = dependentSequence.get()) < sequence) {
                barrier.checkAlert();
                LockSupport.parkNanos(this, 1_000_000L);
            }
        } finally {
            w.parked = false;
        }
        return available;
    }

    @Override
    public void signalAllWhenBlocking() {
        for (int i = 0; i < MAX_WAITERS; i++) {
            Waiter w = waiters.get(i);
            if (w == null) {
                return;
            }
            if (w.parked) {
                Sequence dep = w.dependent;
                if (dep != null && dep.get() >= w.needed) {
                    LockSupport.unpark(w.thread);
                }
            }
        }
    }

    private Waiter register() {
        Waiter w = new Waiter(Thread.currentThread());
        for (int i = 0; i < MAX_WAITERS; i++) {
            if (waiters.compareAndSet(i, null, w)) {
                return w;
            }
        }
        throw new IllegalStateException("more than " + MAX_WAITERS + " threads wait on one ring");
    }

    /** What one handler thread waits for. */
    private static final class Waiter {
        final Thread thread;
        volatile Sequence dependent;
        volatile long needed;
        volatile boolean parked;

        Waiter(Thread thread) {
            this.thread = thread;
        }
    }
}
