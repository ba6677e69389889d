package io.sentio.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sentio.launcher.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sentio signals} on the seeded synthetic market: text, JSON and HTML from one model pass. */
class SignalsCommandTest {
    private static final String SYMBOLS = Cli.configDir().resolve("symbols.json").toString();
    private static final String PARAMS = Cli.configDir().resolve("rotation_params.json").toString();

    @Test
    void shouldWriteTheTearSheetAsTextJsonAndHtml(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("signals.json");
        Path html = dir.resolve("signals.html");
        Cli run = Cli.run("signals", "--symbols", SYMBOLS, "--params", PARAMS, "--to", "2025-04-10",
            "--json", json.toString(), "--html", html.toString());
        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.out.contains("rank IC against ln(open[t+1+h] / open[t+1])"), run.out);
        assertTrue(run.out.contains("costs assumed: slippage 1.00 bp per fill (round trip 2.00 bp)"), run.out);
        assertTrue(run.out.matches("(?s).*gross edge -?[0-9.]+ bp per round trip.*"), run.out);

        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertEquals(8, j.get("sessions").asInt());
        JsonNode pooled = j.get("ic").get("pooled").get("z_h5").get("h5");
        assertEquals(8, pooled.get("sessions").asInt(), pooled.toString());
        assertTrue(pooled.get("mean").isNumber());
        assertTrue(j.get("ic").has("SPY") && j.get("ic").get("SPY").get("pC").has("h60"));
        assertEquals(10, j.get("forward_bp_by_quantile_h5").get("p").get("deciles").size());
        assertTrue(j.get("calls").get("observations").asInt() > 0);

        String page = Files.readString(html);
        assertTrue(page.startsWith("<!DOCTYPE html>") && page.contains("<svg") && page.contains("<h3>SPY</h3>"));
        assertTrue(!page.contains("http://") || page.indexOf("http://") == page.indexOf("http://www.w3.org/2000/svg"),
            "self-contained: no external resource");
    }

    @Test
    void shouldNameTheOptionOfABadRange() {
        Cli run = Cli.run("signals", "--symbols", SYMBOLS, "--params", PARAMS, "--from", "2025-04-10", "--to", "2025-04-01");
        assertEquals(2, run.exitCode);
        assertTrue(run.err.contains("--from 2025-04-10 is after --to 2025-04-01"), run.err);
    }
}
