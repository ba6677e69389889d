package io.sentio.launcher.report;

/** The per-bar curves of a report: equity against equal-weight buy and hold, and drawdown. */
final class CurveCharts {
    static final String STRATEGY_COLOR = "#1f5fbf";
    static final String BUY_HOLD_COLOR = "#8a8a8a";
    static final String LOSS_COLOR = "#c0392b";
    private static final int LEGEND_ROW = 18;

    private CurveCharts() {
    }

    static void equity(StringBuilder sb, long[] epochs, double[] equity, double[] buyHold, int maxPoints) {
        String label = "Equity per bar: strategy vs equal-weight buy and hold";
        if (equity.length == 0) {
            SvgFrame.empty(sb, "equity-chart", label);
            return;
        }
        double lo = min(equity);
        double hi = max(equity);
        if (buyHold.length > 0) {
            lo = Math.min(lo, min(buyHold));
            hi = Math.max(hi, max(buyHold));
        }
        SvgFrame f = new SvgFrame(410, 90, 16 + LEGEND_ROW * (buyHold.length > 0 ? 2 : 1), 0, equity.length - 1, lo, hi);
        SvgFrame.open(sb, "equity-chart", f.height, label);
        f.yAxis(sb, v -> Fmt.num(v, 0));
        f.xAxisLine(sb);
        BarTicks.draw(sb, f, epochs);
        if (buyHold.length > 0) {
            path(sb, f, buyHold, Downsampler.minMax(buyHold, maxPoints), BUY_HOLD_COLOR, "buy-hold-line");
        }
        path(sb, f, equity, Downsampler.minMax(equity, maxPoints), STRATEGY_COLOR, "equity-line");
        legend(sb, f, 0, STRATEGY_COLOR, "strategy (end " + Fmt.num(equity[equity.length - 1], 2) + ")");
        if (buyHold.length > 0) {
            legend(sb, f, 1, BUY_HOLD_COLOR, "equal-weight buy and hold (end "
                + Fmt.num(buyHold[buyHold.length - 1], 2) + ")");
        }
        SvgFrame.close(sb);
    }

    static void drawdown(StringBuilder sb, long[] epochs, double[] equity, int maxPoints) {
        String label = "Drawdown from running peak, percent";
        if (equity.length == 0) {
            SvgFrame.empty(sb, "drawdown-chart", label);
            return;
        }
        double[] dd = drawdownPct(equity);
        SvgFrame f = new SvgFrame(260, 90, 16 + LEGEND_ROW, 0, dd.length - 1, min(dd), 0);
        SvgFrame.open(sb, "drawdown-chart", f.height, label);
        f.yAxis(sb, v -> Fmt.num(v, 2) + "%");
        f.xAxisLine(sb);
        BarTicks.draw(sb, f, epochs);
        int[] idx = Downsampler.minMax(dd, maxPoints);
        StringBuilder d = new StringBuilder();
        d.append('M').append(Fmt.coord(f.x(idx[0]))).append(' ').append(Fmt.coord(f.y(0)));
        for (int i : idx) {
            d.append('L').append(Fmt.coord(f.x(i))).append(' ').append(Fmt.coord(f.y(dd[i])));
        }
        d.append('L').append(Fmt.coord(f.x(idx[idx.length - 1]))).append(' ').append(Fmt.coord(f.y(0))).append('Z');
        sb.append("<path class=\"drawdown-area\" d=\"").append(d).append("\" fill=\"").append(LOSS_COLOR)
            .append("\" fill-opacity=\"0.35\" stroke=\"").append(LOSS_COLOR).append("\" stroke-width=\"1\"/>\n");
        legend(sb, f, 0, LOSS_COLOR, "max drawdown " + Fmt.num(min(dd), 2) + "%");
        SvgFrame.close(sb);
    }

    /** Percent below the running peak at each bar (0 at a new peak). */
    static double[] drawdownPct(double[] equity) {
        double[] dd = new double[equity.length];
        double peak = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < equity.length; i++) {
            peak = Math.max(peak, equity[i]);
            dd[i] = peak > 0 ? (equity[i] / peak - 1) * 100 : 0;
        }
        return dd;
    }

    private static void path(StringBuilder sb, SvgFrame f, double[] y, int[] idx, String color, String cls) {
        sb.append("<path class=\"").append(cls).append("\" fill=\"none\" stroke=\"").append(color)
            .append("\" stroke-width=\"1.5\" stroke-linejoin=\"round\" d=\"");
        for (int k = 0; k < idx.length; k++) {
            sb.append(k == 0 ? 'M' : 'L').append(Fmt.coord(f.x(idx[k]))).append(' ').append(Fmt.coord(f.y(y[idx[k]])));
        }
        sb.append("\"/>\n");
    }

    private static void legend(StringBuilder sb, SvgFrame f, int row, String color, String text) {
        int y = 12 + row * LEGEND_ROW;
        int x = f.left + 14;
        sb.append("<rect x=\"").append(x).append("\" y=\"").append(y - 2).append("\" width=\"14\" height=\"4\" fill=\"")
            .append(color).append("\"/><text class=\"legend\" x=\"").append(x + 20).append("\" y=\"").append(y)
            .append("\" dominant-baseline=\"middle\">").append(Fmt.esc(text)).append("</text>\n");
    }

    static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) {
            m = Math.min(m, x);
        }
        return m;
    }

    static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }
}
