package io.sentio.launcher.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportWriterTest {
    private final HtmlReportWriter writer = new HtmlReportWriter();

    @Test
    void shouldContainEveryChartAndTable() {
        String html = writer.render(SampleReports.tearSheet("t"));
        for (String id : new String[] {"equity-chart", "drawdown-chart", "daily-histogram", "rotation-timeline",
            "contribution-chart"}) {
            assertTrue(html.contains("<svg id=\"" + id + "\""), id);
        }
        for (String id : new String[] {"metrics-table", "params-table", "fill-table", "latency-table", "daily-table"}) {
            assertTrue(html.contains("<table id=\"" + id + "\""), id);
        }
        assertTrue(html.contains("class=\"equity-line\""));
        assertTrue(html.contains("class=\"buy-hold-line\""));
        assertEquals(SampleReports.SESSIONS * 6, count(html, "class=\"holding\""));
        assertEquals(6, count(html, "class=\"contribution\""));
        assertEquals(HistogramChart.binCount(SampleReports.SESSIONS), count(html, "class=\"bin\""));
    }

    @Test
    void shouldStateTheCostsAssumedAtTheTop() {
        String html = writer.render(SampleReports.tearSheet("t"));
        int costs = html.indexOf("id=\"costs\"");
        assertTrue(costs > 0 && costs < html.indexOf("<section"), "costs banner precedes every section");
        assertTrue(html.contains("max(1.50 bp of the price, 0.50 tick x $0.0100 = $0.0050) per share per fill"), html);
        assertTrue(html.contains("commission $0.0050 per share"));
    }

    @Test
    void shouldRenderNumbersOfEveryTable() {
        String html = writer.render(SampleReports.tearSheet("t"));
        assertTrue(html.contains("<td>sharpe</td><td class=\"num\">1.2346</td>"));
        assertTrue(html.contains("<td>sessions</td><td class=\"num\">20</td>"));
        assertTrue(html.contains("<th>next open + 1 bp</th>"));
        assertTrue(html.contains("<td>sharpe</td><td class=\"num\">1.2346</td><td class=\"num\">0.5000</td><td class=\"num\">2.7500</td>"));
        assertTrue(html.contains("<td>mrd_pct</td><td class=\"num\">0.0123</td><td class=\"num\">0.0040</td><td class=\"num\">&#8212;</td>"),
            "a metric missing from one convention shows a dash");
        assertTrue(html.contains("<td>p99</td><td class=\"num\">17.5</td>"));
        assertEquals(SampleReports.SESSIONS, count(html, "<tr><td>2025-04-"), "one daily-table row per session");
        assertTrue(html.contains("<td>oes.ewrls_lambda</td><td class=\"num\">0.995</td>"));
        assertTrue(html.contains(">964.50</text>"), "largest contribution labelled");
        assertTrue(html.contains(">-643.00</text>"), "losing contribution labelled");
    }

    @Test
    void shouldEscapeEveryText() {
        String html = writer.render(SampleReports.tearSheet(SampleReports.NASTY_TITLE));
        assertFalse(html.contains("<script"), "no script element, injected or otherwise");
        assertTrue(html.contains("<h1>Rotation &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;</h1>"));
        assertTrue(html.contains("bt-2025-04-01-&lt;run&amp;1&gt;"));
    }

    @Test
    void shouldBeSelfContained() {
        String html = writer.render(SampleReports.tearSheet("t"));
        String withoutSvgNamespace = html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
        assertFalse(withoutSvgNamespace.contains("http:"));
        assertFalse(withoutSvgNamespace.contains("https:"));
        assertFalse(html.contains("<link"));
        assertFalse(html.contains("src="));
    }

    @Test
    void shouldGiveIdenticalBytesForEqualModelsWhateverTheDefaultLocaleAndZone() {
        String first = writer.render(SampleReports.tearSheet("t"));
        Locale locale = Locale.getDefault();
        TimeZone zone = TimeZone.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Auckland"));
            String second = writer.render(SampleReports.tearSheet("t"));
            assertArrayEquals(first.getBytes(StandardCharsets.UTF_8), second.getBytes(StandardCharsets.UTF_8));
        } finally {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
        }
    }

    @Test
    void shouldDrawLongCurvesFromAtMostMaxPoints() {
        ReportModel model = SampleReports.tearSheet("t");
        assertTrue(model.barCount() > 5000);
        String html = new HtmlReportWriter(1000).render(model);
        Matcher m = Pattern.compile("class=\"equity-line\"[^>]* d=\"([^\"]*)\"").matcher(html);
        assertTrue(m.find());
        int points = m.group(1).split("[ML]").length - 1;
        assertTrue(points <= 1000 && points > 900, "points drawn: " + points);
    }

    @Test
    void shouldLabelTheTimeAxisWithNewYorkSessionDates() {
        String html = writer.render(SampleReports.tearSheet("t"));
        assertTrue(html.contains(">2025-04-01</text>"));
        assertFalse(html.contains(">2025-04-05</text>"), "a Saturday is no session");
    }

    @Test
    void shouldRenderAModelWithoutBarsOrTrades() {
        ReportModel empty = ReportModel.builder().costs(new Costs(1, 0.5, 0.01, 0)).conclude();
        String html = writer.render(empty);
        assertTrue(html.contains("<svg id=\"equity-chart\""));
        assertTrue(html.contains(">no data</text>"));
        assertTrue(html.contains("Latency was not measured"));
        assertTrue(html.contains("No metrics were recorded."));
        assertFalse(html.contains("<table"), "no header-only tables");
    }

    @Test
    void shouldDrawDegenerateInputsWithFiniteCoordinates() {
        ReportModel one = ReportModel.builder().costs(new Costs(0, 0.5, 0.01, 0))
            .equityCurve(new long[] {1_743_514_260L}, new double[] {100_000}, new double[] {100_000})
            .dailyReturn(new DailyReturn(java.time.LocalDate.of(2025, 4, 1), 0.0))
            .contribution(new SymbolPnl("SSO", 0.0))
            .holding(new HoldingInterval("SSO", 1_743_514_260L, 1_743_514_260L, 0.0))
            .conclude();
        String html = writer.render(one);
        assertFalse(html.contains("NaN") || html.contains("Infinity") || html.contains("\"n/a\""), html);
        assertFalse(html.contains(">no data</text>"), "every chart drawn from one bar");
        assertEquals(1, count(html, "class=\"holding\""));
    }

    @Test
    void shouldRejectAModelWhoseCurvesDoNotFitItsBars() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReportModel.builder()
            .costs(new Costs(1, 0.5, 0.01, 0)).equityCurve(new long[] {60, 120}, new double[] {1}, new double[0]).conclude());
        assertTrue(e.getMessage().startsWith("equity:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ReportModel.builder()
            .costs(new Costs(1, 0.5, 0.01, 0)).equityCurve(new long[] {60, 60}, new double[] {1, 1}, new double[0]).conclude());
        assertTrue(e.getMessage().startsWith("barEpochSeconds:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ReportModel.builder().conclude());
        assertTrue(e.getMessage().startsWith("costs:"), e.getMessage());
    }

    @Test
    void shouldWriteUtf8File(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("report.html");
        writer.write(SampleReports.tearSheet("Équité"), file);
        assertTrue(Files.readString(file, StandardCharsets.UTF_8).contains("<h1>Équité</h1>"));
    }

    static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
