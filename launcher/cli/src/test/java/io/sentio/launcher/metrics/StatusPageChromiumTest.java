package io.sentio.launcher.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.core.config.StrategyParamTable;
import io.sentio.core.config.StrategyParams;
import io.sentio.launcher.testing.HeadlessChromium;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status page as a browser gets it: headless Chromium (offline flags) loads it from the live
 * endpoint on loopback, parses it into the expected DOM and paints the equity curve. Skipped when
 * Chromium is not installed (Debian: {@code apt-get install -y chromium}).
 */
class StatusPageChromiumTest {

    @BeforeAll
    static void requireChromium() {
        HeadlessChromium.assumeInstalled();
    }

    private static MetricsSession session() {
        StrategyParams shadow = StrategyParams.defaults().toBuilder().set(StrategyParamTable.MAX_POSITIONS, 1).conclude();
        return new MetricsSession().run("L20250506", shadow);
    }

    @Test
    void shouldParseIntoTheCurveAndEveryTableInABrowser(@TempDir Path dir) throws Exception {
        MetricsSession s = session();
        try (MetricsServer server = MetricsServer.start(0, s.metrics)) {
            Path dom = dir.resolve("dom.html");
            HeadlessChromium.run(dir, dom, "--dump-dom", server.url() + "status");
            String text = Files.readString(dom, StandardCharsets.UTF_8);
            assertTrue(text.contains("<svg id=\"equity-curve\""), text);
            assertTrue(text.contains("<svg id=\"breaker-gauge\""), text);
            assertTrue(text.matches("(?s).*<path [^>]*d=\"M[0-9.]+ [0-9.]+ L.*"), "the curve is drawn");
            for (String id : new String[] {"positions", "decisions", "feed", "desks"}) {
                assertTrue(text.contains("<table id=\"" + id + "\""), "table " + id + " in the DOM");
            }
            assertTrue(text.contains("challenger &lt;1&gt; (shadow)"), "the shadow desk's name stays text");
            assertFalse(text.contains("<script"), "no script");
        }
    }

    @Test
    void shouldPaintTheEquityCurve(@TempDir Path dir) throws Exception {
        MetricsSession s = session();
        try (MetricsServer server = MetricsServer.start(0, s.metrics)) {
            Path png = dir.resolve("status.png");
            HeadlessChromium.run(dir, dir.resolve("out.txt"), "--screenshot=" + png, "--window-size=900,1400", server.url());
            BufferedImage img = ImageIO.read(png.toFile());
            assertEquals(900, img.getWidth());
            Files.copy(png, Path.of("target", "status-page.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            long blue = 0;
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    if (bluish(img.getRGB(x, y))) {
                        blue++;
                    }
                }
            }
            // the line spans 640 px of the chart; anti-aliasing blends its edges
            assertTrue(blue > 640, "the equity line painted: " + blue + " blue pixels");
        }
    }

    /** The strategy line's #1f5fbf or a blend of it with the light background. */
    private static boolean bluish(int rgb) {
        int r = (rgb >> 16) & 0xFF;
        int g = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        return b > r + 60 && b > g + 30;
    }
}
