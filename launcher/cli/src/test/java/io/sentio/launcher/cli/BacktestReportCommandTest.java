package io.sentio.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.launcher.Cli;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sentio backtest --report}, end to end over the built-in synthetic market. */
class BacktestReportCommandTest {

    private static String cells(String html, String metric) {
        Matcher m = Pattern.compile("<tr><td>" + Pattern.quote(metric) + "</td>((?:<td class=\"num\">[^<]*</td>)+)</tr>")
            .matcher(html.substring(html.indexOf("id=\"fill-table\"")));
        assertTrue(m.find(), metric + " row in the fill table");
        return m.group(1);
    }

    @Test
    void shouldWriteATearSheetComparingTheFourFillConventions(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("report.html");
        Path json = dir.resolve("run.json");
        Cli cli = Cli.run("backtest", "--from", "2025-04-01", "--to", "2025-04-04", "--shards", "1",
            "--symbols", Cli.configDir().resolve("symbols.json").toString(),
            "--params", Cli.configDir().resolve("presets/seed.json").toString(),
            "--json", json.toString(), "--report", report.toString());
        assertEquals(0, cli.exitCode, cli.toString());
        String html = Files.readString(report, StandardCharsets.UTF_8);
        assertTrue(html.contains("<th>next open, 1.00 bp (this run)</th>"), "the run itself, as configured");
        assertTrue(html.contains("<th>next open, 0 bp, no tick floor (no spread paid)</th>"), "the cost-free end of the band");
        assertTrue(html.contains("<th>next open + 1 bp (2.00 bp)</th>"));
        assertTrue(html.contains("same-bar close, 1.00 bp (UPPER BOUND"), "same-bar close is labelled an upper bound");
        assertTrue(html.contains("max(1.00 bp of the price, 0.00 tick x $0.0100 = $0.0000) per share per fill"),
            "costs stated");
        for (String id : new String[] {"equity-chart", "drawdown-chart", "daily-histogram", "rotation-timeline",
            "contribution-chart"}) {
            assertTrue(html.contains("<svg id=\"" + id + "\""), id);
        }
        assertTrue(html.contains("class=\"buy-hold-line\""), "equal-weight buy and hold drawn");
        assertTrue(html.contains("class=\"holding\""), "rotation timeline from the round trips");
        assertEquals(4, Pattern.compile("<tr><td>2025-04-0[1-4]</td>").matcher(html).results().count(),
            "one daily row per session");

        String totals = cells(html, "total return %");
        String[] v = totals.replaceAll("<td class=\"num\">([^<]*)</td>", "$1 ").trim().split(" ");
        assertEquals(4, v.length, totals);
        String runJson = Files.readString(json, StandardCharsets.UTF_8);
        Matcher total = Pattern.compile("\"total_return_pct\" : ([-0-9.E]+)").matcher(runJson);
        assertTrue(total.find());
        assertEquals(Double.parseDouble(total.group(1)), Double.parseDouble(v[0]), 1e-4,
            "the first column is the run the summary and --json describe");
        assertTrue(Double.parseDouble(v[1]) > Double.parseDouble(v[0]), "no costs, more return: " + totals);
        assertTrue(Double.parseDouble(v[2]) < Double.parseDouble(v[0]), "one more basis point costs money: " + totals);
        assertNotEquals(v[0], v[3], "same-bar close fills at other prices");
    }
}
