package io.sentio.launcher.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.launcher.testing.HeadlessChromium;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the tear sheet in a real browser engine (headless Chromium, offline flags) to prove it
 * parses into the expected DOM and paints real charts. Skipped when Chromium is not installed
 * (Debian: {@code apt-get install -y chromium}).
 */
class ChromiumRenderTest {

    @BeforeAll
    static void requireChromium() {
        HeadlessChromium.assumeInstalled();
    }

    @Test
    void shouldParseIntoChartsAndTablesInABrowser(@TempDir Path dir) throws Exception {
        Path html = dir.resolve("report.html");
        new HtmlReportWriter().write(SampleReports.tearSheet(SampleReports.NASTY_TITLE), html);
        Path dom = dir.resolve("dom.html");
        HeadlessChromium.run(dir, dom, "--dump-dom", html.toUri().toString());
        String text = Files.readString(dom, StandardCharsets.UTF_8);
        for (String id : new String[] {"equity-chart", "drawdown-chart", "daily-histogram", "rotation-timeline",
            "contribution-chart"}) {
            assertTrue(text.contains("<svg id=\"" + id + "\""), "svg " + id + " in the DOM");
        }
        for (String id : new String[] {"metrics-table", "params-table", "fill-table", "latency-table"}) {
            assertTrue(text.contains("<table id=\"" + id + "\""), "table " + id + " in the DOM");
        }
        assertEquals(1, HtmlReportWriterTest.count(text, "<h1>"), "escaped title stays one heading");
        assertFalse(text.contains("<script"), "the injected title did not become a script element");
    }

    @Test
    void shouldParseTheSignalTearSheetIntoItsChartAndTables(@TempDir Path dir) throws Exception {
        Path html = dir.resolve("signals.html");
        io.sentio.launcher.Cli cli = io.sentio.launcher.Cli.run("signals", "--symbols",
            io.sentio.launcher.Cli.configDir().resolve("symbols.json").toString(), "--params",
            io.sentio.launcher.Cli.configDir().resolve("rotation_params.json").toString(), "--to", "2025-04-04",
            "--html", html.toString());
        assertEquals(0, cli.exitCode, cli.toString());
        Path dom = dir.resolve("dom.html");
        HeadlessChromium.run(dir, dom, "--dump-dom", html.toUri().toString());
        String text = Files.readString(dom, StandardCharsets.UTF_8);
        assertTrue(text.contains("<svg id=\"ic-decay-chart\""), "the decay chart in the DOM");
        assertTrue(text.contains("<polyline"), "decay lines drawn");
        for (String id : new String[] {"ic-decay-pooled", "quantile-table", "calls-table", "ic-decay-SPY"}) {
            assertTrue(text.contains("<table id=\"" + id + "\""), "table " + id + " in the DOM");
        }
    }

    @Test
    void shouldPaintANonTrivialScreenshot(@TempDir Path dir) throws Exception {
        Path html = dir.resolve("report.html");
        new HtmlReportWriter().write(SampleReports.tearSheet("sentio backtest"), html);
        Path png = dir.resolve("shot.png");
        HeadlessChromium.run(dir, dir.resolve("out.txt"), "--screenshot=" + png, "--window-size=1400,2400", html.toUri().toString());
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(1400, img.getWidth());
        assertEquals(2400, img.getHeight());
        Set<Integer> colours = new HashSet<>();
        long nonWhite = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                if (rgb != 0xFFFFFF) {
                    nonWhite++;
                }
            }
        }
        long sampled = (long) (img.getWidth() / 2) * (img.getHeight() / 2);
        assertTrue(colours.size() > 50, "distinct colours: " + colours.size());
        assertTrue(nonWhite > sampled / 20, "painted share: " + nonWhite + " of " + sampled);
        assertTrue(hasColour(img, 0x2e8b57) && hasColour(img, 0xc0392b) && hasColour(img, 0x1f5fbf),
            "gain, loss and strategy colours painted");
    }

    private static boolean hasColour(BufferedImage img, int rgb) {
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    return true;
                }
            }
        }
        return false;
    }
}
