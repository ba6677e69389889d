package io.sentio.launcher.alpaca;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A clock that never sleeps: sleeping moves it forward and records where to. */
public final class FakeClock implements AlpacaClock {
    public final List<Long> sleeps = new CopyOnWriteArrayList<>();
    private long now;

    public FakeClock(long startMillis) {
        now = startMillis;
    }

    @Override
    public synchronized long epochMillis() {
        return now;
    }

    @Override
    public synchronized void sleepUntil(long target) {
        sleeps.add(target);
        now = Math.max(now, target);
    }

    public synchronized void advance(long millis) {
        now += millis;
    }
}
