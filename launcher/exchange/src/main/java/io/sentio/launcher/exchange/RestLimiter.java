package io.sentio.launcher.exchange;

/** Server-side request budget per wall-clock minute, reported as Alpaca's X-Ratelimit-* headers. */
final class RestLimiter {
    private final int perMinute;
    private long windowEnd;
    private int used;

    RestLimiter(int perMinute) {
        this.perMinute = perMinute;
    }

    /** {limit, remaining (negative when refused), reset unix second}. */
    synchronized long[] take(long nowSecond) {
        if (nowSecond >= windowEnd) {
            windowEnd = nowSecond - Math.floorMod(nowSecond, 60) + 60;
            used = 0;
        }
        if (used >= perMinute) {
            return new long[] {perMinute, -1, windowEnd};
        }
        used++;
        return new long[] {perMinute, perMinute - used, windowEnd};
    }
}
