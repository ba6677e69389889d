package io.sentio.launcher.alpaca;

/**
 * Time as the adapters see it. Injected so that tests of watchdogs, backoff, backfill and rate
 * limits are deterministic: a fake clock advances when asked to sleep.
 */
public interface AlpacaClock {
    long epochMillis();

    /** Blocks until {@link #epochMillis()} has passed {@code epochMillis}. */
    void sleepUntil(long epochMillis) throws InterruptedException;

    AlpacaClock SYSTEM = new AlpacaClock() {
        @Override
        public long epochMillis() {
            return System.currentTimeMillis();
        }

        @Override
        public void sleepUntil(long target) throws InterruptedException {
            long wait;
            while ((wait = target - System.currentTimeMillis()) > 0) {
                Thread.sleep(wait);
            }
        }
    };
}
