package io.sentio.launcher.report;

import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * What was held when: one row per symbol, one bar per holding, placed on the same bar-index
 * axis as the equity chart so the two line up. Colour is the holding's net P&L sign.
 */
final class TimelineChart {
    private static final int ROW = 22;

    private TimelineChart() {
    }

    static void render(StringBuilder sb, long[] epochs, List<HoldingInterval> holdings) {
        String label = "Rotation timeline: holdings per symbol";
        if (holdings.isEmpty() || epochs.length == 0) {
            SvgFrame.empty(sb, "rotation-timeline", label);
            return;
        }
        TreeSet<String> symbolSet = new TreeSet<>();
        for (HoldingInterval h : holdings) {
            symbolSet.add(h.symbol());
        }
        List<String> symbols = List.copyOf(symbolSet);
        int height = 16 + 36 + ROW * symbols.size();
        SvgFrame f = new SvgFrame(height, 90, 0, epochs.length - 1, 0, 1);
        SvgFrame.open(sb, "rotation-timeline", height, label);
        for (int r = 0; r < symbols.size(); r++) {
            int y = f.top + r * ROW;
            if (r % 2 == 1) {
                sb.append("<rect class=\"band\" x=\"").append(f.left).append("\" y=\"").append(y).append("\" width=\"")
                    .append(SvgFrame.WIDTH - f.left - f.right).append("\" height=\"").append(ROW).append("\"/>");
            }
            sb.append("<text class=\"tick\" x=\"").append(f.left - 6).append("\" y=\"").append(y + ROW / 2)
                .append("\" text-anchor=\"end\" dominant-baseline=\"middle\">").append(Fmt.esc(symbols.get(r)))
                .append("</text>\n");
        }
        f.xAxisLine(sb);
        BarTicks.draw(sb, f, epochs);
        for (HoldingInterval h : holdings) {
            int row = symbols.indexOf(h.symbol());
            double x0 = f.x(barIndex(epochs, h.entryEpochSecond()));
            double x1 = Math.max(x0 + 1, f.x(barIndex(epochs, h.exitEpochSecond())));
            String color = h.pnl() < 0 ? CurveCharts.LOSS_COLOR : HistogramChart.GAIN_COLOR;
            sb.append("<rect class=\"holding\" x=\"").append(Fmt.coord(x0)).append("\" y=\"")
                .append(f.top + row * ROW + 4).append("\" width=\"").append(Fmt.coord(x1 - x0)).append("\" height=\"")
                .append(ROW - 8).append("\" fill=\"").append(color).append("\"><title>").append(Fmt.esc(h.symbol()))
                .append(' ').append(Fmt.nyDateTime(h.entryEpochSecond())).append(" to ")
                .append(Fmt.nyDateTime(h.exitEpochSecond())).append(" P&amp;L ").append(Fmt.num(h.pnl(), 2))
                .append("</title></rect>\n");
        }
        SvgFrame.close(sb);
    }

    /** Index of the first bar at or after the epoch second, clamped to the curve. */
    static int barIndex(long[] epochs, long epochSecond) {
        int i = Arrays.binarySearch(epochs, epochSecond);
        int idx = i >= 0 ? i : -i - 1;
        return Math.min(idx, epochs.length - 1);
    }
}
