package io.sentio.launcher.report;

import java.util.List;

/** Distribution of daily returns: equal-width bins, losses red, gains green, zero marked. */
final class HistogramChart {
    static final String GAIN_COLOR = "#2e8b57";
    /** A bin holding both small gains and small losses gets neither colour. */
    private static final String STRADDLE_COLOR = "#9aa3ad";

    private HistogramChart() {
    }

    static int binCount(int n) {
        return Math.max(5, Math.min(40, (int) Math.ceil(Math.sqrt(n))));
    }

    static void render(StringBuilder sb, List<DailyReturn> days) {
        String label = "Histogram of daily returns, percent";
        if (days.isEmpty()) {
            SvgFrame.empty(sb, "daily-histogram", label);
            return;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (DailyReturn d : days) {
            lo = Math.min(lo, d.returnPct());
            hi = Math.max(hi, d.returnPct());
        }
        if (!(hi > lo)) {
            lo -= 0.5;
            hi += 0.5;
        }
        int bins = binCount(days.size());
        double width = (hi - lo) / bins;
        int[] counts = new int[bins];
        for (DailyReturn d : days) {
            counts[Math.min(bins - 1, (int) ((d.returnPct() - lo) / width))]++;
        }
        int maxCount = 0;
        for (int c : counts) {
            maxCount = Math.max(maxCount, c);
        }
        SvgFrame f = new SvgFrame(300, 60, lo, hi, 0, maxCount);
        SvgFrame.open(sb, "daily-histogram", f.height, label);
        f.yAxis(sb, v -> Fmt.num(v, v == Math.rint(v) ? 0 : 1));
        f.xAxisLine(sb);
        for (int b = 0; b < bins; b++) {
            double from = lo + b * width;
            double x0 = f.x(from) + 1;
            double x1 = f.x(from + width) - 1;
            double top = f.y(counts[b]);
            String color = from + width <= 0 ? CurveCharts.LOSS_COLOR : from >= 0 ? GAIN_COLOR : STRADDLE_COLOR;
            sb.append("<rect class=\"bin\" x=\"").append(Fmt.coord(x0)).append("\" y=\"").append(Fmt.coord(top))
                .append("\" width=\"").append(Fmt.coord(Math.max(0.5, x1 - x0))).append("\" height=\"")
                .append(Fmt.coord(f.plotBottom() - top)).append("\" fill=\"").append(color).append("\"><title>")
                .append(Fmt.num(from, 3)).append("% to ").append(Fmt.num(from + width, 3)).append("%: ")
                .append(counts[b]).append(counts[b] == 1 ? " day" : " days").append("</title></rect>\n");
        }
        int labelEvery = Math.max(1, (bins + 7) / 8);
        for (int b = 0; b <= bins; b += labelEvery) {
            double edge = lo + b * width;
            f.xTick(sb, edge, Fmt.num(edge, 2) + "%");
        }
        if (lo < 0 && hi > 0) {
            String zx = Fmt.coord(f.x(0));
            sb.append("<line class=\"zero\" x1=\"").append(zx).append("\" x2=\"").append(zx).append("\" y1=\"")
                .append(f.top).append("\" y2=\"").append(f.plotBottom()).append("\"/>\n");
        }
        SvgFrame.close(sb);
    }
}
