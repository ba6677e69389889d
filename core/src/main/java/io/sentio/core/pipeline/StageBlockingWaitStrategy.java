package io.sentio.core.pipeline;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.WaitStrategy;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Blocks a handler until its upstream (the cursor or the handlers it follows) has advanced,
 * not only the cursor. Disruptor's own BlockingWaitStrategy blocks on the cursor and busy-spins
 * on upstream handlers, which on a machine with fewer cores than handler threads burns the core
 * the upstream stage needs. Here the pipeline's handlers publish their own sequence at the end
 * of each batch and call {@link #signalAllWhenBlocking()} (see {@link StageHandler}); the lock is
 * taken only when someone waits. A short spin first keeps the hand-off cheap under load, and the
 * timed wait bounds any missed signal to a millisecond.
 */
public final class StageBlockingWaitStrategy implements WaitStrategy {
    private static final int SPINS = 200;
    private final Object mutex = new Object();
    private final AtomicInteger waiters = new AtomicInteger();

    @Override
    public long waitFor(long sequence, Sequence cursor, Sequence dependentSequence, SequenceBarrier barrier)
        throws AlertException {
        long available;
        int spins = SPINS;
        while ((available = dependentSequence.get()) < sequence) {
            barrier.checkAlert();
            if (spins > 0) {
                spins--;
                Thread.onSpinWait();
                continue;
            }
            synchronized (mutex) {
                waiters.incrementAndGet();
                try {
                    if (dependentSequence.get() < sequence) {
                        barrier.checkAlert();
                        mutex.wait(1);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw AlertException.INSTANCE;
                } finally {
                    waiters.decrementAndGet();
                }
            }
        }
        return available;
    }

    @Override
    public void signalAllWhenBlocking() {
        if (waiters.get() > 0) {
            synchronized (mutex) {
                mutex.notifyAll();
            }
        }
    }
}
