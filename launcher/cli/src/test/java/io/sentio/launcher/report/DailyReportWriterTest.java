package io.sentio.launcher.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DailyReportWriterTest {
    private final DailyReportWriter writer = new DailyReportWriter();

    @Test
    void shouldListTradesPnlMetricsAndLatencyInHtml() {
        String html = writer.renderHtml(SampleReports.day());
        assertTrue(html.contains("<table id=\"trades-table\""));
        assertTrue(html.contains("<td>2025-08-29 09:32:00</td><td>TQQQ</td><td>BUY</td><td class=\"num\">310</td>"
            + "<td class=\"num\">96.4321</td><td class=\"num\">29893.95</td>"));
        assertTrue(html.contains("<td>P&amp;L</td><td class=\"num\">412.37</td>"));
        assertTrue(html.contains("<td>return %</td><td class=\"num\">0.4124</td>"));
        assertTrue(html.contains("<table id=\"metrics-table\""));
        assertTrue(html.contains("<td>p99</td><td class=\"num\">21.0</td>"));
        assertTrue(html.contains("<svg id=\"contribution-chart\""));
        assertTrue(html.contains("max(1.00 bp of the price, 0.50 tick x $0.0100 = $0.0050) per share per fill"), html);
    }

    @Test
    void shouldEscapeSymbolsAndIds() {
        String html = writer.renderHtml(SampleReports.day());
        assertFalse(html.contains("S&P<x>"));
        assertTrue(html.contains("<td>S&amp;P&lt;x&gt;</td>"));
        assertTrue(html.contains("mock-&lt;1&gt;"));
    }

    @Test
    void shouldWriteAlignedPlainText(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("day.txt");
        writer.writeText(SampleReports.day(), file);
        String text = Files.readString(file);
        assertTrue(text.startsWith("sentio mock session 2025-08-29  run mock-<1>\n"));
        assertTrue(text.contains("costs assumed: max(1.00 bp of the price, 0.50 tick x $0.0100 = $0.0050) per share per fill, against the order;"
            + " commission $0.0000 per share\n"));
        assertTrue(text.contains("P&L                      412.37\n"));
        assertTrue(text.contains("  09:32:00 TQQQ     BUY       310      96.4321       29893.95  mock-1-0930-TQQQ-1\n"));
        assertTrue(text.contains("  TQQQ               413.32\n  S&P<x>              -0.95\n"), "largest first");
        assertTrue(text.contains("  p99              21.0\n"));
    }

    @Test
    void shouldBeDeterministic() {
        assertEquals(writer.renderHtml(SampleReports.day()), writer.renderHtml(SampleReports.day()));
        assertEquals(writer.renderText(SampleReports.day()), writer.renderText(SampleReports.day()));
    }

    @Test
    void shouldRejectTradesOutOfTimeOrder() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DailyReport.builder()
            .date(LocalDate.of(2025, 8, 29)).costs(new Costs(1, 0.5, 0.01, 0)).equity(1, 1)
            .trade(new Trade(200, "A", Trade.Side.BUY, 1, 1, "b")).trade(new Trade(100, "A", Trade.Side.SELL, 1, 1, "a"))
            .conclude());
        assertTrue(e.getMessage().startsWith("trades:"), e.getMessage());
    }
}
