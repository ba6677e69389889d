package io.sentio.launcher.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/** Plot area of one inline SVG chart: maps data to pixels and draws axes, grid and ticks. */
final class SvgFrame {
    static final int WIDTH = 1200;
    final int height;
    final int left;
    final int right = 20;
    final int top;
    final int bottom = 36;
    private final double xMin;
    private final double xMax;
    final double yMin;
    final double yMax;
    private final double[] yTicks;

    SvgFrame(int height, int left, double xMin, double xMax, double dataYMin, double dataYMax) {
        this(height, left, 16, xMin, xMax, dataYMin, dataYMax);
    }

    /**
     * {@code top} leaves room for a legend above the plot, where it cannot hide the data.
     * The y range is widened to whole tick steps so the grid lines frame the data.
     */
    SvgFrame(int height, int left, int top, double xMin, double xMax, double dataYMin, double dataYMax) {
        this.height = height;
        this.top = top;
        this.left = left;
        this.xMin = xMin;
        this.xMax = xMax > xMin ? xMax : xMin + 1;
        double lo = dataYMin;
        double hi = dataYMax;
        if (!(hi > lo)) {
            double pad = Math.abs(lo) > 0 ? Math.abs(lo) * 0.01 : 1;
            lo -= pad;
            hi += pad;
        }
        double step = niceStep((hi - lo) / 5);
        this.yMin = Math.floor(lo / step) * step;
        this.yMax = Math.ceil(hi / step) * step;
        List<Double> ticks = new ArrayList<>();
        for (int i = 0; yMin + i * step <= yMax + step * 1e-9; i++) {
            ticks.add(yMin + i * step);
        }
        this.yTicks = ticks.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static double niceStep(double raw) {
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / mag;
        double m = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10;
        return m * mag;
    }

    double x(double v) {
        return left + (v - xMin) / (xMax - xMin) * (WIDTH - left - right);
    }

    double y(double v) {
        return top + (yMax - v) / (yMax - yMin) * (height - top - bottom);
    }

    int plotBottom() {
        return height - bottom;
    }

    static void open(StringBuilder sb, String id, int height, String label) {
        sb.append("<svg id=\"").append(id).append("\" class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
            .append(WIDTH).append(' ').append(height).append("\" role=\"img\" aria-label=\"")
            .append(Fmt.esc(label)).append("\"><title>").append(Fmt.esc(label)).append("</title>\n");
    }

    static void close(StringBuilder sb) {
        sb.append("</svg>\n");
    }

    static void empty(StringBuilder sb, String id, String label) {
        open(sb, id, 80, label);
        sb.append("<text x=\"600\" y=\"45\" class=\"note\" text-anchor=\"middle\">no data</text>\n");
        close(sb);
    }

    void yAxis(StringBuilder sb, DoubleFunction<String> label) {
        for (double t : yTicks) {
            String py = Fmt.coord(y(t));
            sb.append("<line class=\"grid\" x1=\"").append(left).append("\" x2=\"").append(WIDTH - right)
                .append("\" y1=\"").append(py).append("\" y2=\"").append(py).append("\"/>")
                .append("<text class=\"tick\" x=\"").append(left - 6).append("\" y=\"").append(py)
                .append("\" text-anchor=\"end\" dominant-baseline=\"middle\">").append(Fmt.esc(label.apply(t)))
                .append("</text>\n");
        }
        sb.append("<line class=\"axis\" x1=\"").append(left).append("\" x2=\"").append(left).append("\" y1=\"")
            .append(top).append("\" y2=\"").append(plotBottom()).append("\"/>\n");
    }

    /** One label below the plot at data x {@code v}. */
    void xTick(StringBuilder sb, double v, String label) {
        String px = Fmt.coord(x(v));
        sb.append("<line class=\"axis\" x1=\"").append(px).append("\" x2=\"").append(px).append("\" y1=\"")
            .append(plotBottom()).append("\" y2=\"").append(plotBottom() + 5).append("\"/>")
            .append("<text class=\"tick\" x=\"").append(px).append("\" y=\"").append(plotBottom() + 20)
            .append("\" text-anchor=\"middle\">").append(Fmt.esc(label)).append("</text>\n");
    }

    /** Labelled ticks at round values of x, for charts whose x axis carries the data. */
    void xValueTicks(StringBuilder sb, DoubleFunction<String> label) {
        double step = niceStep((xMax - xMin) / 6);
        long first = (long) Math.ceil(xMin / step - 1e-9);
        for (long k = first; k * step <= xMax + step * 1e-9; k++) {
            xTick(sb, k * step, label.apply(k * step));
        }
    }

    void xAxisLine(StringBuilder sb) {
        sb.append("<line class=\"axis\" x1=\"").append(left).append("\" x2=\"").append(WIDTH - right)
            .append("\" y1=\"").append(plotBottom()).append("\" y2=\"").append(plotBottom()).append("\"/>\n");
    }
}
