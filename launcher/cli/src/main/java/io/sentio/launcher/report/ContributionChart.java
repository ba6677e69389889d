package io.sentio.launcher.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Net P&L per symbol as horizontal bars around zero, largest contributor first. */
final class ContributionChart {
    private static final int ROW = 26;

    private ContributionChart() {
    }

    static List<SymbolPnl> sorted(List<SymbolPnl> contributions) {
        List<SymbolPnl> rows = new ArrayList<>(contributions);
        rows.sort(Comparator.comparingDouble(SymbolPnl::pnl).reversed().thenComparing(SymbolPnl::symbol));
        return rows;
    }

    static void render(StringBuilder sb, List<SymbolPnl> contributions) {
        String label = "Net P&L contribution per symbol";
        if (contributions.isEmpty()) {
            SvgFrame.empty(sb, "contribution-chart", label);
            return;
        }
        List<SymbolPnl> rows = sorted(contributions);
        double lo = 0;
        double hi = 0;
        for (SymbolPnl s : rows) {
            lo = Math.min(lo, s.pnl());
            hi = Math.max(hi, s.pnl());
        }
        double pad = Math.max(hi - lo, 1) * 0.12;
        int height = 16 + 36 + ROW * rows.size();
        // x carries the money here, so the frame is used transposed: its y axis is unused.
        SvgFrame f = new SvgFrame(height, 90, lo - (lo < 0 ? pad : 0), hi + (hi > 0 ? pad : 0), 0, 1);
        SvgFrame.open(sb, "contribution-chart", height, label);
        f.xAxisLine(sb);
        String zx = Fmt.coord(f.x(0));
        for (int r = 0; r < rows.size(); r++) {
            SymbolPnl s = rows.get(r);
            int y = f.top + r * ROW;
            double x0 = Math.min(f.x(0), f.x(s.pnl()));
            double w = Math.abs(f.x(s.pnl()) - f.x(0));
            String color = s.pnl() < 0 ? CurveCharts.LOSS_COLOR : HistogramChart.GAIN_COLOR;
            sb.append("<text class=\"tick\" x=\"").append(f.left - 6).append("\" y=\"").append(y + ROW / 2)
                .append("\" text-anchor=\"end\" dominant-baseline=\"middle\">").append(Fmt.esc(s.symbol()))
                .append("</text><rect class=\"contribution\" x=\"").append(Fmt.coord(x0)).append("\" y=\"")
                .append(y + 4).append("\" width=\"").append(Fmt.coord(Math.max(0.5, w))).append("\" height=\"")
                .append(ROW - 8).append("\" fill=\"").append(color).append("\"/>");
            boolean gain = s.pnl() >= 0;
            double tx = gain ? x0 + w + 4 : x0 - 4;
            sb.append("<text class=\"value\" x=\"").append(Fmt.coord(tx)).append("\" y=\"").append(y + ROW / 2)
                .append("\" text-anchor=\"").append(gain ? "start" : "end").append("\" dominant-baseline=\"middle\">")
                .append(Fmt.num(s.pnl(), 2)).append("</text>\n");
        }
        sb.append("<line class=\"zero\" x1=\"").append(zx).append("\" x2=\"").append(zx).append("\" y1=\"")
            .append(f.top).append("\" y2=\"").append(f.plotBottom()).append("\"/>\n");
        f.xValueTicks(sb, v -> Fmt.num(v, 0));
        SvgFrame.close(sb);
    }
}
