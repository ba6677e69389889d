package io.sentio.launcher.live;

import io.sentio.launcher.alpaca.AlpacaJson;
import io.sentio.launcher.alpaca.AlpacaRest;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.concurrent.TimeUnit;

/**
 * The market's clock as the daemon sees it: the wall clock against Alpaca, or, against the local
 * exchange replaying a session at {@code speed} times real time, the exchange's {@code /v2/clock}
 * read once and advanced at that speed. The only place the live daemon reads a clock; it reaches
 * the engine only as CLOCK events.
 */
final class MarketTime implements LiveClock {
    private final AlpacaRest rest;
    private final double speed;
    private volatile long anchorMillis;
    private volatile long anchorNanos;

    /** {@code speed} 0: the wall clock; otherwise the exchange's clock once {@link #anchor()}ed. */
    MarketTime(AlpacaRest rest, double speed) {
        this.rest = rest;
        this.speed = speed;
    }

    /**
     * Reads the exchange's {@code /v2/clock} (millisecond timestamp) and runs on from it at the speed.
     * Called before the streams start (so every reader has a sane clock) and again once the exchange's
     * replay runs: it starts on the first subscription, and until then its clock stands still.
     */
    @Override
    public void anchor() throws IOException, InterruptedException {
        if (speed == 0) {
            return;
        }
        long before = System.nanoTime();
        String body = rest.get(rest.url("/v2/clock").build()).body;
        long after = System.nanoTime();
        String ts = AlpacaJson.text(AlpacaJson.object(body), "timestamp");
        anchorMillis = OffsetDateTime.parse(ts).toInstant().toEpochMilli();
        anchorNanos = before + (after - before) / 2;
    }

    @Override
    public double speed() {
        return speed;
    }

    @Override
    public long epochMillis() {
        if (speed == 0) {
            return System.currentTimeMillis();
        }
        return anchorMillis + (long) ((System.nanoTime() - anchorNanos) / 1e6 * speed);
    }

    @Override
    public void sleepUntil(long target) throws InterruptedException {
        long wait;
        while ((wait = target - epochMillis()) > 0) {
            TimeUnit.MICROSECONDS.sleep(Math.max(1, (long) (wait * 1000 / Math.max(1.0, speed))));
        }
    }
}
