package io.sentio.launcher.metrics;

import java.util.Locale;

/** The status page's inline SVG: today's equity by session minute, and the drawdown against the breaker. */
final class EquityChart {
    private static final int W = 720;
    private static final int H = 200;
    private static final int LEFT = 80;
    /** Room for the 16:00 label centred on the right edge of the plot. */
    private static final int RIGHT = 20;
    private static final int BOTTOM = 20;

    private EquityChart() {
    }

    /**
     * A line through the marks (a gap where a minute has none, e.g. before a restart), x from
     * 09:30 to {@code axisMinutes}, y between the day's lowest and highest mark.
     */
    static String svg(double[] marks, int axisMinutes) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : marks) {
            if (!Double.isNaN(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        StringBuilder b = new StringBuilder(8_192);
        b.append("<svg id=\"equity-curve\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(W).append("\" height=\"")
            .append(H).append("\" viewBox=\"0 0 ").append(W).append(' ').append(H).append("\" role=\"img\">")
            .append("<rect x=\"").append(LEFT).append("\" y=\"0\" width=\"").append(W - LEFT - RIGHT).append("\" height=\"")
            .append(H - BOTTOM).append("\" fill=\"#fafafa\" stroke=\"#ccc\"/>");
        for (int hour = 10; hour <= 16; hour += 2) {
            double x = x(60 * hour - (9 * 60 + 30), axisMinutes);
            b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%d:00</text>",
                x, H - 5, hour));
        }
        if (lo > hi) {
            return b.append("<text x=\"").append(LEFT + 10).append("\" y=\"").append(H / 2)
                .append("\" font-size=\"12\">no marks yet</text></svg>\n").toString();
        }
        if (hi - lo < 0.01) {
            // a flat day: a visible band of a cent around it
            lo -= 0.005;
            hi += 0.005;
        }
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"12\" font-size=\"11\" text-anchor=\"end\">%,.2f</text>", LEFT - 4, hi));
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\">%,.2f</text>",
            LEFT - 4, H - BOTTOM, lo));
        b.append("<path fill=\"none\" stroke=\"#1f5fbf\" stroke-width=\"1.5\" d=\"");
        boolean pen = false;
        for (int m = 0; m < marks.length; m++) {
            if (Double.isNaN(marks[m])) {
                pen = false;
                continue;
            }
            double y = (H - BOTTOM) - (marks[m] - lo) / (hi - lo) * (H - BOTTOM - 4) - 2;
            b.append(pen ? 'L' : 'M').append(String.format(Locale.ROOT, "%.1f %.1f ", x(m, axisMinutes), y));
            pen = true;
        }
        return b.append("\"/></svg>\n").toString();
    }

    private static double x(int minute, int axisMinutes) {
        return LEFT + (double) minute / axisMinutes * (W - LEFT - RIGHT);
    }

    /** A bar filled to the drawdown's share of the breaker's limit: full means the breaker trips. */
    static String breakerGauge(double drawdown, double limit) {
        double share = limit > 0 ? Math.max(0, Math.min(1, drawdown / limit)) : 0;
        int w = 300;
        return String.format(Locale.ROOT, "<svg id=\"breaker-gauge\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\""
            + " height=\"16\" role=\"img\"><rect width=\"%d\" height=\"16\" fill=\"#eee\" stroke=\"#ccc\"/>"
            + "<rect width=\"%.1f\" height=\"16\" fill=\"%s\"/></svg>\n", w, w, share * w, share < 0.5 ? "#2e8b57"
            : share < 1 ? "#e6a100" : "#c0392b");
    }
}
