package io.sentio.launcher.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.sentio.core.pipeline.ShadowDesk;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The status page at {@code /} and {@code /status}: one self-contained HTML page (inline CSS and
 * SVG, no script, nothing fetched from elsewhere) that reloads itself every 5 s. Built on the HTTP
 * server's thread from the recorder's published snapshots; never touches the ring.
 */
final class StatusPage implements HttpHandler {
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.of("America/New_York"));
    private final LiveMetrics metrics;

    StatusPage(LiveMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            boolean page = path.equals("/") || path.equals("/status");
            byte[] body = (page ? render() : "not found: the status page is / and the metrics are /metrics\n")
                .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", page ? "text/html; charset=utf-8" : "text/plain; charset=utf-8");
            ex.getResponseHeaders().set("Cache-Control", "no-store");
            ex.sendResponseHeaders(page ? 200 : 404, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    String render() {
        SessionRecorder r = metrics.current();
        StringBuilder b = new StringBuilder(16_384);
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .append("<meta http-equiv=\"refresh\" content=\"5\"><title>sentio live status</title><style>")
            .append("body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222}h1{font-size:20px}")
            .append("h2{font-size:16px;margin:1.2em 0 .4em}table{border-collapse:collapse}")
            .append("td,th{border-bottom:1px solid #ddd;padding:2px 10px;text-align:right}th{background:#f3f3f3}")
            .append("td:first-child,th:first-child{text-align:left}.bad{color:#c0392b}.good{color:#2e8b57}")
            .append("</style></head><body>\n");
        if (r == null) {
            return b.append("<h1>sentio live</h1><p id=\"state\">no session yet</p></body></html>\n").toString();
        }
        b.append("<h1>sentio live: session ").append(r.session.day()).append(", run ").append(esc(r.session.runId()))
            .append("</h1>\n<p id=\"state\">");
        int minute = r.lastMinute();
        String last = minute < 0 ? "no bar set yet" : "last bar set " + clock(minute) + " New York";
        b.append(r.exitCode() < 0 ? "trading; " + last : "session over (exit " + r.exitCode() + "); " + last).append("</p>\n");
        equity(b, r);
        positions(b, r);
        decisions(b, r);
        feed(b, r, metrics.feedHealth());
        desks(b, r, metrics.shadows());
        return b.append("</body></html>\n").toString();
    }

    private static void equity(StringBuilder b, SessionRecorder r) {
        b.append("<h2>Equity today</h2>\n");
        b.append(EquityChart.svg(r.curve(), SessionRecorder.MINUTES - 1));
        double eq = r.lastEquity();
        double first = r.firstMark();
        b.append("<p id=\"equity\">equity ").append(money(eq)).append(", first mark ").append(money(first))
            .append(", change ").append(pct(eq / first - 1)).append("; drawdown from the session peak ")
            .append(pct(r.drawdown())).append(" of the breaker's ").append(pct(r.breakerLimit()))
            .append(r.tripped() ? " <b class=\"bad\">circuit breaker tripped</b>" : "").append("</p>\n");
        b.append(EquityChart.breakerGauge(r.drawdown(), r.breakerLimit()));
    }

    private static void positions(StringBuilder b, SessionRecorder r) {
        b.append("<h2>Positions</h2>\n<table id=\"positions\"><tr><th>symbol</th><th>shares</th></tr>");
        int held = 0;
        for (int s = 0; s < r.session.universe().size(); s++) {
            long q = r.session.position().applyAsLong(s);
            if (q != 0) {
                held++;
                b.append("<tr><td>").append(esc(r.session.universe().symbol(s))).append("</td><td>").append(q).append("</td></tr>");
            }
        }
        if (held == 0) {
            b.append("<tr><td colspan=\"2\">flat</td></tr>");
        }
        b.append("</table>\n");
    }

    private static void decisions(StringBuilder b, SessionRecorder r) {
        b.append("<h2>Last decisions</h2>\n<table id=\"decisions\"><tr><th>bar</th><th>symbol</th><th>order</th>")
            .append("<th>shares</th><th>p</th></tr>");
        SessionRecorder.Decision[] d = r.decisions();
        for (SessionRecorder.Decision x : d) {
            b.append("<tr><td>").append(HH_MM.format(Instant.ofEpochSecond(x.epochSecond()))).append("</td><td>")
                .append(esc(x.symbol())).append("</td><td>").append(x.quantity() > 0 ? "buy" : "sell").append("</td><td>")
                .append(Math.abs(x.quantity())).append("</td><td>").append(String.format(Locale.ROOT, "%.3f", x.probability()))
                .append("</td></tr>");
        }
        if (d.length == 0) {
            b.append("<tr><td colspan=\"5\">none yet</td></tr>");
        }
        b.append("</table>\n");
    }

    private static void feed(StringBuilder b, SessionRecorder r, LiveMetrics.FeedHealth f) {
        b.append("<h2>Feed health</h2>\n<table id=\"feed\">");
        row(b, "market data", f.up() ? "<span class=\"good\">subscribed</span>" : "<span class=\"bad\">down</span>");
        row(b, "last bar set behind its minute's close", Double.isNaN(r.lagSeconds()) ? "-"
            : String.format(Locale.ROOT, "%.3f s", r.lagSeconds()));
        row(b, "bar sets complete", Long.toString(f.complete()));
        row(b, "bar sets timed out", Long.toString(f.timedOut()));
        row(b, "bar sets closed by a later minute", Long.toString(f.superseded()));
        row(b, "bar sets backfilled", Long.toString(f.backfilled()));
        row(b, "late bars dropped", Long.toString(f.lateBars()));
        row(b, "market-data reconnects", Long.toString(f.marketDataReconnects()));
        row(b, "trade_updates reconnects", Long.toString(f.tradeUpdatesReconnects()));
        b.append("</table>\n");
    }

    private static void desks(StringBuilder b, SessionRecorder r, List<ShadowDesk> shadows) {
        b.append("<h2>Champion and shadow desks</h2>\n<table id=\"desks\"><tr><th>desk</th><th>equity</th>")
            .append("<th>vs champion</th></tr>");
        double champion = r.lastEquity();
        b.append("<tr><td>champion (desk 0, trading)</td><td>").append(money(champion)).append("</td><td>-</td></tr>");
        for (ShadowDesk d : shadows) {
            double eq = d.lastEquity();
            b.append("<tr><td>").append(esc(d.name())).append(" (shadow)</td><td>").append(money(eq)).append("</td><td>")
                .append(money(eq - champion)).append("</td></tr>");
        }
        if (shadows.isEmpty()) {
            b.append("<tr><td colspan=\"3\">no shadow desks in this session</td></tr>");
        }
        b.append("</table>\n");
    }

    private static void row(StringBuilder b, String name, String valueHtml) {
        b.append("<tr><td>").append(name).append("</td><td>").append(valueHtml).append("</td></tr>");
    }

    private static String clock(int sessionMinute) {
        int m = 9 * 60 + 30 + sessionMinute;
        return String.format(Locale.ROOT, "%02d:%02d", m / 60, m % 60);
    }

    private static String money(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%,.2f", v);
    }

    private static String pct(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "-" : String.format(Locale.ROOT, "%.3f%%", 100 * v);
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
