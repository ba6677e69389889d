package io.sentio.launcher.daemon;

import io.sentio.launcher.live.LiveClock;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Sleeps until a moment of market time on a {@link LiveClock}. The clock is read again between
 * naps: the wall clock may step (NTP, a suspended VM), and the stand-in exchange runs its nights at
 * another speed than its sessions, so a wait computed once would wake at the wrong time.
 */
public final class MarketSleep {
    /** Against the wall clock: a minute between readings keeps a long weekend's sleep cheap and exact enough. */
    private static final long WALL_NAP_MILLIS = 60_000;
    /** Against an accelerated clock: its market time may jump; read it often. */
    private static final long FAST_NAP_MILLIS = 200;

    private MarketSleep() {
    }

    /** Returns once the clock reads {@code epochMillis} or later; interruptible (SIGTERM). */
    public static void until(LiveClock clock, long epochMillis) throws IOException, InterruptedException {
        while (true) {
            clock.anchor();
            long left = epochMillis - clock.epochMillis();
            if (left <= 0) {
                return;
            }
            long realLeft = clock.speed() > 0 ? (long) (left / clock.speed()) : left;
            long nap = Math.min(realLeft, clock.speed() > 0 ? FAST_NAP_MILLIS : WALL_NAP_MILLIS);
            TimeUnit.MILLISECONDS.sleep(Math.max(1, nap));
        }
    }
}
