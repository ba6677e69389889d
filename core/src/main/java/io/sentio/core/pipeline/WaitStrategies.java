package io.sentio.core.pipeline;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;
import java.util.function.Supplier;

/**
 * Wait strategies by the names launch profiles use. Note Disruptor's blocking strategy blocks
 * only on the publisher's cursor; a handler waiting for an upstream handler busy-spins, so with
 * more handler threads than cores it burns the cores the upstream stages need; "stage-blocking"
 * ({@link StageBlockingWaitStrategy}) blocks on upstream handlers too and is the default.
 */
public final class WaitStrategies {
    private WaitStrategies() {
    }

    public static Supplier<WaitStrategy> named(String name) {
        switch (name) {
            case "stage-blocking":
                return StageBlockingWaitStrategy::new;
            case "blocking":
                return BlockingWaitStrategy::new;
            case "sleeping":
                return SleepingWaitStrategy::new;
            case "yielding":
                return YieldingWaitStrategy::new;
            case "busy-spin":
                return BusySpinWaitStrategy::new;
            default:
                throw new IllegalArgumentException("wait strategy must be stage-blocking, blocking, sleeping, yielding or busy-spin, got '"
                    + name + "'");
        }
    }
}
