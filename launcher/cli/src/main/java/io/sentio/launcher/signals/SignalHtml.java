package io.sentio.launcher.signals;

import io.sentio.core.diagnostics.MeanT;
import io.sentio.core.diagnostics.SignalReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The tear sheet as one self-contained HTML page: an IC decay chart (inline SVG) and the tables. */
public final class SignalHtml {
    private static final String[] COLORS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"};

    private SignalHtml() {
    }

    public static void write(SignalReport r, String costs, Path file) throws IOException {
        Files.writeString(file, page(r, costs), StandardCharsets.UTF_8);
    }

    static String page(SignalReport r, String costs) {
        StringBuilder b = new StringBuilder(32_768);
        b.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>sentio signals</title><style>")
            .append("body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222}table{border-collapse:collapse;margin:8px 0 20px}")
            .append("td,th{border:1px solid #ccc;padding:3px 8px;text-align:right;white-space:nowrap}th{background:#f3f3f3}td:first-child,th:first-child")
            .append("{text-align:left}.neg{color:#b00}.note{color:#555}</style></head><body>");
        b.append("<h1>Signal diagnostics</h1><p class=\"note\">").append(r.sessions()).append(" sessions, ")
            .append(r.symbols().size()).append(" symbols, ").append(r.observations())
            .append(" observations (real bars of ready models). ").append(esc(costs))
            .append(". Forward return: ln(open[t+1+h] / open[t+1]) within the session, the return a fill at the next open gets.</p>");
        b.append("<h2>Rank IC decay (pooled, mean over sessions)</h2>").append(decayChart(r));
        decayTable(b, r, "ic-decay-pooled", r.pooledDecay());
        b.append("<h2>Rank IC at ").append(r.referenceBars()).append(" bars by time of day (half hour starting)</h2>");
        grid(b, r, r.buckets().toArray(String[]::new), r.byTimeOfDay());
        b.append("<h2>Rank IC at ").append(r.referenceBars()).append(" bars by month</h2>");
        grid(b, r, r.months().toArray(String[]::new), r.byMonth());
        b.append("<h2>Mean return over ").append(r.referenceBars()).append(" bars by forecast decile (bp)</h2>");
        b.append(String.format(Locale.ROOT, "<p class=\"note\">Round trip costs %.2f bp.</p>", r.turnover().roundTripCostBp()));
        b.append("<table id=\"quantile-table\"><tr><th>forecast</th><th>bottom 1%</th>");
        for (int d = 1; d <= 10; d++) {
            b.append("<th>D").append(d).append("</th>");
        }
        b.append("<th>top 1%</th></tr>");
        for (int c = 0; c < r.forecasts().size(); c++) {
            SignalReport.Quantiles q = r.quantiles()[c];
            b.append("<tr><td>").append(esc(r.forecasts().get(c))).append("</td>").append(cell(q.bottomPercentBp(), 2));
            for (double d : q.decileBp()) {
                b.append(cell(d, 2));
            }
            b.append(cell(q.topPercentBp(), 2)).append("</tr>");
        }
        b.append("</table>");
        SignalReport.Signals s = r.signals();
        SignalReport.Turnover t = r.turnover();
        b.append("<h2>How the rule calls and trades</h2><table id=\"calls-table\">")
            .append(row("LONG calls, % of observations", SignalText.pct(s.longs(), s.observations())))
            .append(row("SHORT calls, % of observations", SignalText.pct(s.shorts(), s.observations())))
            .append(row("LONG calls made by the Bollinger amplification alone, %", SignalText.pct(s.longsCreatedByAmplification(), s.longs())))
            .append(row("calls changed by the amplification, %", SignalText.pct(s.changedByAmplification(), s.observations())))
            .append(row("round trips at zero cost", t.roundTrips()))
            .append(row("trades per day", t.tradesPerDay()))
            .append(row("gross edge per round trip (bp) = break-even cost", t.grossEdgeBpPerRoundTrip()))
            .append(row("round trip cost assumed (bp)", t.roundTripCostBp()))
            .append("</table>");
        b.append("<h2>Rank IC decay per symbol</h2>");
        for (int sym = 0; sym < r.symbols().size(); sym++) {
            b.append("<h3>").append(esc(r.symbols().get(sym))).append("</h3>");
            decayTable(b, r, "ic-decay-" + r.symbols().get(sym), r.symbolDecay()[sym]);
        }
        return b.append("</body></html>\n").toString();
    }

    private static String decayChart(SignalReport r) {
        int w = 640;
        int h = 240;
        int left = 50;
        int bottom = 30;
        double max = 0.01;
        for (MeanT[] row : r.pooledDecay()) {
            for (MeanT m : row) {
                if (Double.isFinite(m.mean())) {
                    max = Math.max(max, Math.abs(m.mean()));
                }
            }
        }
        int[] fwd = r.forward();
        double xMax = fwd[fwd.length - 1];
        StringBuilder svg = new StringBuilder();
        svg.append("<svg id=\"ic-decay-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(w).append("\" height=\"").append(h)
            .append("\" role=\"img\" aria-label=\"rank IC by forward horizon\">");
        double zero = (h - bottom) / 2.0;
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#999\"/>",
            left, zero, w - 100, zero));
        svg.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"14\" font-size=\"11\">%+.3f</text>", max));
        svg.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\" font-size=\"11\">%+.3f</text>", h - bottom, -max));
        for (int k = 0; k < fwd.length; k++) {
            double x = left + (w - left - 100) * fwd[k] / xMax;
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">%d</text>",
                x, h - 8, fwd[k]));
        }
        for (int c = 0; c < r.forecasts().size(); c++) {
            StringBuilder pts = new StringBuilder();
            for (int k = 0; k < fwd.length; k++) {
                double v = r.pooledDecay()[c][k].mean();
                if (Double.isFinite(v)) {
                    double x = left + (w - left - 100) * fwd[k] / xMax;
                    double y = zero - v / max * (zero - 8);
                    pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                }
            }
            String color = COLORS[c % COLORS.length];
            svg.append("<polyline fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"1.5\" points=\"")
                .append(pts.toString().trim()).append("\"/>");
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"%s\">%s</text>",
                w - 85, 16 + 14 * c, color, esc(r.forecasts().get(c))));
        }
        return svg.append("</svg>").toString();
    }

    private static void decayTable(StringBuilder b, SignalReport r, String id, MeanT[][] table) {
        b.append("<table id=\"").append(esc(id)).append("\"><tr><th>forecast</th>");
        for (int h : r.forward()) {
            b.append("<th>h=").append(h).append("</th>");
        }
        b.append("</tr>");
        for (int c = 0; c < r.forecasts().size(); c++) {
            b.append("<tr><td>").append(esc(r.forecasts().get(c))).append("</td>");
            for (MeanT m : table[c]) {
                b.append(icCell(m));
            }
            b.append("</tr>");
        }
        b.append("</table>");
    }

    private static void grid(StringBuilder b, SignalReport r, String[] columns, MeanT[][] table) {
        b.append("<table><tr><th>forecast</th>");
        for (String c : columns) {
            b.append("<th>").append(esc(c)).append("</th>");
        }
        b.append("</tr>");
        for (int c = 0; c < r.forecasts().size(); c++) {
            b.append("<tr><td>").append(esc(r.forecasts().get(c))).append("</td>");
            for (MeanT m : table[c]) {
                b.append(icCell(m));
            }
            b.append("</tr>");
        }
        b.append("</table>");
    }

    private static String icCell(MeanT m) {
        if (!Double.isFinite(m.mean())) {
            return "<td>n/a</td>";
        }
        String t = Double.isFinite(m.t()) ? String.format(Locale.ROOT, "%.1f", m.t()) : "n/a";
        return String.format(Locale.ROOT, "<td%s>%.4f <small>(t %s)</small></td>", m.mean() < 0 ? " class=\"neg\"" : "",
            m.mean(), t);
    }

    private static String cell(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return "<td>n/a</td>";
        }
        return String.format(Locale.ROOT, "<td%s>%." + decimals + "f</td>", v < 0 ? " class=\"neg\"" : "", v);
    }

    private static String row(String label, double v) {
        return "<tr><td>" + esc(label) + "</td>" + cell(v, 2) + "</tr>";
    }

    private static String row(String label, int v) {
        return "<tr><td>" + esc(label) + "</td><td>" + v + "</td></tr>";
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
