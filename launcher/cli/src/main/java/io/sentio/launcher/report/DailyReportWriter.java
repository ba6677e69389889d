package io.sentio.launcher.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The end-of-day report of a live, paper or mock session, as self-contained HTML and as plain
 * text (for a terminal or an e-mail). Deterministic like {@link HtmlReportWriter}.
 */
public final class DailyReportWriter {

    public void writeHtml(DailyReport r, Path file) throws IOException {
        Files.writeString(file, renderHtml(r), StandardCharsets.UTF_8);
    }

    public void writeText(DailyReport r, Path file) throws IOException {
        Files.writeString(file, renderText(r), StandardCharsets.UTF_8);
    }

    public String renderHtml(DailyReport r) {
        String title = "sentio " + r.mode + " session " + r.date;
        StringBuilder sb = new StringBuilder(16 * 1024 + 160 * r.trades.size());
        HtmlParts.head(sb, title);
        sb.append("<body>\n<header>\n<h1>").append(Fmt.esc(title)).append("</h1>\n<p class=\"run\">run id <code>")
            .append(Fmt.esc(r.runId)).append("</code> &#183; times America/New_York</p>\n");
        HtmlParts.costsBanner(sb, r.costs);
        sb.append("</header>\n<section id=\"pnl\">\n<h2>P&amp;L</h2>\n<table id=\"pnl-table\" class=\"kv\"><tbody>\n");
        row(sb, "start equity", Fmt.num(r.startEquity, 2));
        row(sb, "end equity", Fmt.num(r.endEquity, 2));
        row(sb, "P&amp;L", Fmt.num(r.pnl(), 2));
        row(sb, "return %", Fmt.num(r.returnPct(), 4));
        row(sb, "fills", Integer.toString(r.trades.size()));
        sb.append("</tbody></table>\n");
        if (!r.symbolPnl.isEmpty()) {
            sb.append("<h2>P&amp;L per symbol</h2>\n");
            ContributionChart.render(sb, r.symbolPnl);
        }
        if (!r.shadows.isEmpty()) {
            shadowTable(sb, r);
        }
        sb.append("</section>\n<section id=\"metrics\">\n<h2>Metrics</h2>\n");
        HtmlParts.metricsTable(sb, "metrics-table", r.metrics);
        sb.append("</section>\n<section id=\"trades\">\n<h2>Trades</h2>\n");
        tradesTable(sb, r.trades);
        sb.append("</section>\n<section id=\"latency\">\n<h2>Latency percentiles</h2>\n");
        HtmlParts.latencyTable(sb, r.latency);
        sb.append("</section>\n<footer>sentio daily report &#183; self-contained: no scripts, no network</footer>\n</body>\n</html>\n");
        return sb.toString();
    }

    public String renderText(DailyReport r) {
        StringBuilder sb = new StringBuilder(4096 + 100 * r.trades.size());
        sb.append("sentio ").append(r.mode).append(" session ").append(r.date).append("  run ").append(r.runId).append('\n');
        sb.append("costs assumed: ").append(r.costs.describe()).append("\n\n");
        sb.append(String.format(Locale.ROOT, "%-14s %16s%n", "start equity", Fmt.num(r.startEquity, 2)));
        sb.append(String.format(Locale.ROOT, "%-14s %16s%n", "end equity", Fmt.num(r.endEquity, 2)));
        sb.append(String.format(Locale.ROOT, "%-14s %16s%n", "P&L", Fmt.num(r.pnl(), 2)));
        sb.append(String.format(Locale.ROOT, "%-14s %16s%n", "return %", Fmt.num(r.returnPct(), 4)));
        if (!r.shadows.isEmpty()) {
            sb.append("\nshadow desks (simulated, never sent) beside the traded desk\n");
            sb.append(String.format(Locale.ROOT, "  %-16s %16s %10s %6s%n", "desk", "end equity", "return %", "fills"));
            sb.append(String.format(Locale.ROOT, "  %-16s %16s %10s %6d%n", "desk 0 (traded)", Fmt.num(r.endEquity, 2),
                Fmt.num(r.returnPct(), 4), r.trades.size()));
            for (ShadowDay d : r.shadows) {
                sb.append(String.format(Locale.ROOT, "  %-16s %16s %10s %6d%n", d.name(), Fmt.num(d.endEquity(), 2),
                    Fmt.num(d.returnPct(), 4), d.fills()));
            }
        }
        if (!r.symbolPnl.isEmpty()) {
            sb.append("\nP&L per symbol\n");
            for (SymbolPnl s : ContributionChart.sorted(r.symbolPnl)) {
                sb.append(String.format(Locale.ROOT, "  %-10s %14s%n", s.symbol(), Fmt.num(s.pnl(), 2)));
            }
        }
        sb.append("\nmetrics\n");
        for (Metric m : r.metrics) {
            sb.append(String.format(Locale.ROOT, "  %-24s %14s%n", m.name(), Fmt.num(m.value(), m.decimals())));
        }
        sb.append("\ntrades (").append(r.trades.size()).append(")\n");
        sb.append(String.format(Locale.ROOT, "  %-8s %-8s %-4s %8s %12s %14s  %s%n",
            "time", "symbol", "side", "qty", "price", "notional", "client order id"));
        for (Trade t : r.trades) {
            sb.append(String.format(Locale.ROOT, "  %-8s %-8s %-4s %8d %12s %14s  %s%n",
                Fmt.nyClock(t.epochSecond()),
                t.symbol(), t.side(), t.quantity(), Fmt.num(t.price(), 4), Fmt.num(t.notional(), 2), t.clientOrderId()));
        }
        sb.append("\nlatency (us)\n");
        if (r.latency.isEmpty()) {
            sb.append("  not measured\n");
        }
        for (Percentile p : r.latency) {
            sb.append(String.format(Locale.ROOT, "  %-8s %12s%n", p.label(), Fmt.num(p.micros(), 1)));
        }
        return sb.toString();
    }

    /** The traded desk's day and each shadow desk's, side by side. */
    private static void shadowTable(StringBuilder sb, DailyReport r) {
        sb.append("<h2>Shadow desks (simulated, never sent)</h2>\n<table id=\"shadow-table\" class=\"grid\">\n<thead><tr>")
            .append("<th>desk</th><th>end equity</th><th>return %</th><th>fills</th></tr></thead>\n<tbody>\n");
        shadowRow(sb, "desk 0 (traded)", r.endEquity, r.returnPct(), r.trades.size());
        for (ShadowDay d : r.shadows) {
            shadowRow(sb, d.name(), d.endEquity(), d.returnPct(), d.fills());
        }
        sb.append("</tbody></table>\n");
    }

    private static void shadowRow(StringBuilder sb, String name, double equity, double returnPct, int fills) {
        sb.append("<tr><td>").append(Fmt.esc(name)).append("</td><td class=\"num\">").append(Fmt.num(equity, 2))
            .append("</td><td class=\"num\">").append(Fmt.num(returnPct, 4)).append("</td><td class=\"num\">")
            .append(fills).append("</td></tr>\n");
    }

    private static void tradesTable(StringBuilder sb, List<Trade> trades) {
        if (trades.isEmpty()) {
            sb.append("<p id=\"trades-table\" class=\"note\">No trades this session.</p>\n");
            return;
        }
        sb.append("<table id=\"trades-table\" class=\"grid\">\n<thead><tr><th>time</th><th>symbol</th><th>side</th>")
            .append("<th>qty</th><th>price</th><th>notional</th><th>client order id</th></tr></thead>\n<tbody>\n");
        for (Trade t : trades) {
            sb.append("<tr><td>").append(Fmt.nyDateTime(t.epochSecond())).append("</td><td>").append(Fmt.esc(t.symbol()))
                .append("</td><td>").append(t.side()).append("</td><td class=\"num\">").append(t.quantity())
                .append("</td><td class=\"num\">").append(Fmt.num(t.price(), 4)).append("</td><td class=\"num\">")
                .append(Fmt.num(t.notional(), 2)).append("</td><td><code>").append(Fmt.esc(t.clientOrderId()))
                .append("</code></td></tr>\n");
        }
        sb.append("</tbody></table>\n");
    }

    private static void row(StringBuilder sb, String key, String value) {
        sb.append("<tr><td>").append(key).append("</td><td class=\"num\">").append(value).append("</td></tr>\n");
    }
}
