package io.sentio.launcher.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Renders a {@link ReportModel} as one self-contained HTML tear sheet: inline CSS and inline
 * SVG charts drawn here, no script and no network access, so it opens anywhere and can be
 * archived with the run. The output is a pure function of the model (numbers in
 * {@code Locale.ROOT}, times in America/New_York, no clock), so equal models give equal bytes.
 */
public final class HtmlReportWriter {
    /** Curves longer than this are drawn from a deterministic min-max sample. */
    public static final int DEFAULT_MAX_POINTS = 5000;

    private final int maxPoints;

    public HtmlReportWriter() {
        this(DEFAULT_MAX_POINTS);
    }

    public HtmlReportWriter(int maxPoints) {
        if (maxPoints < 4) {
            throw new IllegalArgumentException("maxPoints must be >= 4, got " + maxPoints);
        }
        this.maxPoints = maxPoints;
    }

    public void write(ReportModel model, Path file) throws IOException {
        Files.writeString(file, render(model), StandardCharsets.UTF_8);
    }

    public String render(ReportModel m) {
        long[] epochs = m.barEpochSeconds();
        double[] equity = m.equity();
        StringBuilder sb = new StringBuilder(64 * 1024 + 200 * Math.min(m.barCount(), maxPoints));
        HtmlParts.head(sb, m.title);
        sb.append("<body>\n<header>\n<h1>").append(Fmt.esc(m.title)).append("</h1>\n<p class=\"run\">run id <code>")
            .append(Fmt.esc(m.runId)).append("</code>");
        if (epochs.length > 0) {
            sb.append(" &#183; ").append(Fmt.nyDate(epochs[0])).append(" to ").append(Fmt.nyDate(epochs[epochs.length - 1]))
                .append(" &#183; ").append(m.dailyReturns.size()).append(" sessions &#183; ").append(epochs.length)
                .append(" bars &#183; times America/New_York");
        }
        sb.append("</p>\n");
        HtmlParts.costsBanner(sb, m.costs);
        sb.append("</header>\n");

        section(sb, "metrics", "Metrics");
        sb.append("<div class=\"cols\">\n");
        HtmlParts.metricsTable(sb, "metrics-table", m.metrics);
        HtmlParts.paramsTable(sb, m.params);
        sb.append("</div>\n</section>\n");

        section(sb, "equity", "Equity vs equal-weight buy and hold");
        CurveCharts.equity(sb, epochs, equity, m.buyAndHold(), maxPoints);
        sb.append("</section>\n");

        section(sb, "drawdown", "Drawdown");
        CurveCharts.drawdown(sb, epochs, equity, maxPoints);
        sb.append("</section>\n");

        section(sb, "daily-returns", "Daily returns");
        HistogramChart.render(sb, m.dailyReturns);
        HtmlParts.dailyReturnsTable(sb, m.dailyReturns);
        sb.append("</section>\n");

        section(sb, "rotation", "Rotation timeline (what was held when)");
        TimelineChart.render(sb, epochs, m.holdings);
        sb.append("</section>\n");

        section(sb, "contribution", "Per-symbol contribution");
        ContributionChart.render(sb, m.contributions);
        sb.append("</section>\n");

        section(sb, "fills", "Fill conventions compared");
        sb.append("<p class=\"note\">The same decisions filled under other conventions: a result that only survives one convention is not a result.</p>\n");
        HtmlParts.fillConventionTable(sb, m.fillConventions);
        sb.append("</section>\n");

        section(sb, "latency", "Latency percentiles");
        HtmlParts.latencyTable(sb, m.latency);
        sb.append("</section>\n");

        sb.append("<footer>sentio tear sheet &#183; self-contained: no scripts, no network</footer>\n</body>\n</html>\n");
        return sb.toString();
    }

    private static void section(StringBuilder sb, String id, String heading) {
        sb.append("<section id=\"").append(id).append("\">\n<h2>").append(Fmt.esc(heading)).append("</h2>\n");
    }
}
