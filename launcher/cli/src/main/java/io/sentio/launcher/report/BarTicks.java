package io.sentio.launcher.report;

import java.time.LocalDate;

/**
 * X-axis labels for charts drawn against the bar index (so nights and weekends take no room):
 * session dates when the curve spans several sessions, New York clock times within one.
 */
final class BarTicks {
    private static final int MAX_TICKS = 8;

    private BarTicks() {
    }

    static void draw(StringBuilder sb, SvgFrame frame, long[] epochs) {
        int n = epochs.length;
        if (n == 0) {
            return;
        }
        int[] sessionStarts = new int[n];
        int sessions = 0;
        LocalDate previous = null;
        for (int i = 0; i < n; i++) {
            LocalDate d = Fmt.nyDate(epochs[i]);
            if (!d.equals(previous)) {
                sessionStarts[sessions++] = i;
                previous = d;
            }
        }
        if (sessions > 1) {
            int step = (sessions + MAX_TICKS - 1) / MAX_TICKS;
            for (int s = 0; s < sessions; s += step) {
                int i = sessionStarts[s];
                frame.xTick(sb, i, Fmt.nyDate(epochs[i]).toString());
            }
        } else {
            int step = Math.max(1, (n + MAX_TICKS - 1) / MAX_TICKS);
            for (int i = 0; i < n; i += step) {
                frame.xTick(sb, i, Fmt.nyTime(epochs[i]));
            }
        }
    }
}
