package io.sentio.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sentio.launcher.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code backtest --shadow FILE}: a challenger desk reported beside the traded one, as its own backtest would be. */
class ShadowDeskCommandTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SYMBOLS = Cli.configDir().resolve("symbols.json").toString();
    private static final String PARAMS = Cli.configDir().resolve("rotation_params.json").toString();

    private static Path paramsWith(Path dir, String name, String key, JsonNode value, String section) throws Exception {
        ObjectNode p = (ObjectNode) MAPPER.readTree(Files.readAllBytes(Cli.configDir().resolve("rotation_params.json")));
        (section == null ? p : (ObjectNode) p.get(section)).set(key, value);
        Path file = dir.resolve(name + ".json");
        MAPPER.writeValue(file.toFile(), p);
        return file;
    }

    @Test
    void shouldReportEachShadowDeskAsItsOwnBacktestWouldBe(@TempDir Path dir) throws Exception {
        Path eager = paramsWith(dir, "eager", "buy_threshold", MAPPER.getNodeFactory().numberNode(0.53), null);
        Path json = dir.resolve("run.json");
        Cli run = Cli.run("backtest", "--symbols", SYMBOLS, "--params", PARAMS, "--to", "2025-04-08", "--shadow", eager.toString(), "--json", json.toString());
        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.out.contains("shadow desk eager (costs max("), run.out);

        Path own = dir.resolve("own.json");
        Cli alone = Cli.run("backtest", "--symbols", SYMBOLS, "--to", "2025-04-08", "--params", eager.toString(), "--json", own.toString());
        assertEquals(0, alone.exitCode, alone.toString());
        JsonNode shadow = MAPPER.readTree(json.toFile()).get("shadows").get(0);
        JsonNode reference = MAPPER.readTree(own.toFile());
        assertEquals("eager", shadow.get("name").asText());
        assertEquals(reference.get("trades").asLong(), shadow.get("trades").asLong());
        assertTrue(shadow.get("trades").asLong() > 0);
        assertEquals(reference.get("daily").toString(), shadow.get("daily").toString());
    }

    @Test
    void shouldRefuseAShadowDeskWithAnotherModelNamingTheKey(@TempDir Path dir) throws Exception {
        Path slow = paramsWith(dir, "slow", "ewrls_lambda", MAPPER.getNodeFactory().numberNode(0.999), "oes");
        Cli run = Cli.run("backtest", "--symbols", SYMBOLS, "--params", PARAMS, "--to", "2025-04-08", "--shadow", slow.toString());
        assertEquals(2, run.exitCode, run.toString());
        assertTrue(run.err.contains("shadow desk slow has another oes.ewrls_lambda"), run.err);
    }
}
