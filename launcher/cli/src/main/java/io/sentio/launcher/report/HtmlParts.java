package io.sentio.launcher.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Page pieces shared by the tear sheet and the daily report: style, costs banner, tables. */
final class HtmlParts {
    private HtmlParts() {
    }

    static void head(StringBuilder sb, String title) {
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .append("<title>").append(Fmt.esc(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n");
    }

    static void costsBanner(StringBuilder sb, Costs costs) {
        sb.append("<div id=\"costs\" class=\"costs\"><strong>Costs assumed:</strong> ")
            .append(Fmt.esc(costs.describe())).append(". ")
            .append("The gross edge is of the order of 1 bp per round trip, so these costs decide the result.</div>\n");
    }

    static void metricsTable(StringBuilder sb, String id, List<Metric> metrics) {
        if (metrics.isEmpty()) {
            sb.append("<p id=\"").append(id).append("\" class=\"note\">No metrics were recorded.</p>\n");
            return;
        }
        sb.append("<table id=\"").append(id).append("\" class=\"kv\">\n<thead><tr><th>metric</th><th>value</th></tr></thead>\n<tbody>\n");
        for (Metric m : metrics) {
            sb.append("<tr><td>").append(Fmt.esc(m.name())).append("</td><td class=\"num\">")
                .append(Fmt.num(m.value(), m.decimals())).append("</td></tr>\n");
        }
        sb.append("</tbody></table>\n");
    }

    static void latencyTable(StringBuilder sb, List<Percentile> latency) {
        if (latency.isEmpty()) {
            sb.append("<p id=\"latency-table\" class=\"note\">Latency was not measured in this run.</p>\n");
            return;
        }
        sb.append("<table id=\"latency-table\" class=\"kv\">\n<thead><tr><th>percentile</th><th>microseconds</th></tr></thead>\n<tbody>\n");
        for (Percentile p : latency) {
            sb.append("<tr><td>").append(Fmt.esc(p.label())).append("</td><td class=\"num\">")
                .append(Fmt.num(p.micros(), 1)).append("</td></tr>\n");
        }
        sb.append("</tbody></table>\n");
    }

    static void paramsTable(StringBuilder sb, List<Param> params) {
        if (params.isEmpty()) {
            sb.append("<p id=\"params-table\" class=\"note\">No parameters were recorded.</p>\n");
            return;
        }
        sb.append("<table id=\"params-table\" class=\"kv\">\n<thead><tr><th>key</th><th>value</th></tr></thead>\n<tbody>\n");
        for (Param p : params) {
            sb.append("<tr><td>").append(Fmt.esc(p.key())).append("</td><td class=\"num\">").append(Fmt.esc(p.value()))
                .append("</td></tr>\n");
        }
        sb.append("</tbody></table>\n");
    }

    /** Folded by default (a details element needs no script): one row per session. */
    static void dailyReturnsTable(StringBuilder sb, List<DailyReturn> days) {
        if (days.isEmpty()) {
            return;
        }
        sb.append("<details><summary>Daily returns table (").append(days.size()).append(" sessions)</summary>\n")
            .append("<table id=\"daily-table\" class=\"kv\">\n<thead><tr><th>date</th><th>return %</th></tr></thead>\n<tbody>\n");
        for (DailyReturn d : days) {
            sb.append("<tr><td>").append(d.date()).append("</td><td class=\"num\">").append(Fmt.num(d.returnPct(), 4))
                .append("</td></tr>\n");
        }
        sb.append("</tbody></table>\n</details>\n");
    }

    /** Conventions as columns, the union of their metric names as rows in first-seen order. */
    static void fillConventionTable(StringBuilder sb, List<FillConvention> conventions) {
        if (conventions.isEmpty()) {
            sb.append("<p id=\"fill-table\" class=\"note\">No alternative fill conventions were evaluated.</p>\n");
            return;
        }
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (FillConvention c : conventions) {
            for (Metric m : c.metrics()) {
                names.add(m.name());
            }
        }
        sb.append("<table id=\"fill-table\" class=\"grid\">\n<thead><tr><th>metric</th>");
        for (FillConvention c : conventions) {
            sb.append("<th>").append(Fmt.esc(c.name())).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        for (String name : new ArrayList<>(names)) {
            sb.append("<tr><td>").append(Fmt.esc(name)).append("</td>");
            for (FillConvention c : conventions) {
                sb.append("<td class=\"num\">").append(valueOf(c, name)).append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</tbody></table>\n");
    }

    private static String valueOf(FillConvention c, String name) {
        for (Metric m : c.metrics()) {
            if (m.name().equals(name)) {
                return Fmt.num(m.value(), m.decimals());
            }
        }
        return "&#8212;";
    }

    private static final String CSS = """
        body{font-family:-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;margin:0 auto;max-width:1240px;padding:16px 20px 40px;color:#1d1d1f;background:#fff}
        h1{font-size:24px;margin:8px 0 4px}
        h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
        .run{color:#555;margin:0 0 12px;font-size:13px}
        .costs{background:#fff4d6;border:2px solid #e0a800;border-radius:6px;padding:10px 14px;font-size:15px;margin:8px 0 16px}
        .cols{display:flex;gap:32px;flex-wrap:wrap;align-items:flex-start}
        table{border-collapse:collapse;font-size:13px}
        th,td{border:1px solid #d6d6d6;padding:4px 10px;text-align:left}
        th{background:#f3f4f6}
        td.num{text-align:right;font-variant-numeric:tabular-nums;font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace}
        tbody tr:nth-child(even){background:#fafafa}
        .note{color:#666;font-style:italic}
        svg.chart{width:100%;height:auto;display:block;background:#fff}
        svg .grid{stroke:#e6e6e6;stroke-width:1}
        svg .axis{stroke:#888;stroke-width:1}
        svg .zero{stroke:#444;stroke-width:1;stroke-dasharray:3 3}
        svg .band{fill:#f6f7f9}
        svg text{font-family:-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:12px;fill:#333}
        svg .legend{font-size:13px}
        svg .note{font-size:14px;fill:#777}
        details{margin-top:10px;font-size:13px}
        summary{cursor:pointer;color:#1f5fbf}
        footer{margin-top:32px;color:#777;font-size:12px}
        """;
}
