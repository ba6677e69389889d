package io.sentio.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sentio.launcher.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A params file the optimizer wrote labels every run over its trained days IN-SAMPLE, by itself. */
class InSampleBannerTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SYMBOLS = Cli.configDir().resolve("symbols.json").toString();

    private static Path withProvenance(Path dir, String from, String to) throws Exception {
        ObjectNode p = (ObjectNode) MAPPER.readTree(Files.readAllBytes(Cli.configDir().resolve("rotation_params.json")));
        ObjectNode prov = p.putObject("provenance");
        prov.put("study", "s1").put("trained_from", from).put("trained_to", to).put("trials", 200)
            .put("deflated_sharpe", 0.41).put("pbo", 0.62).put("data_fingerprint", "ab").put("code_version", "x");
        Path file = dir.resolve("best-" + from + ".json");
        MAPPER.writeValue(file.toFile(), p);
        return file;
    }

    @Test
    void shouldLabelARunOverTheTrainedSessionsInSample(@TempDir Path dir) throws Exception {
        Path params = withProvenance(dir, "2025-04-03", "2025-04-30");
        Path html = dir.resolve("r.html");
        Cli run = Cli.run("backtest", "--symbols", SYMBOLS, "--params", params.toString(), "--to", "2025-04-07",
            "--report", html.toString());
        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.out.startsWith("IN-SAMPLE: this run's sessions 2025-04-01..2025-04-07 overlap the range its "
            + "params chosen by study s1 on 2025-04-03..2025-04-30 over 200 trials (DSR 0.410, PBO 0.620)"), run.out);
        assertTrue(Files.readString(html).contains("<h1>IN-SAMPLE sentio backtest</h1>"));
    }

    @Test
    void shouldSayOutOfSampleWhenTheRunStaysOutsideTheTrainedRange(@TempDir Path dir) throws Exception {
        Path params = withProvenance(dir, "2025-05-01", "2025-05-30");
        Cli run = Cli.run("backtest", "--symbols", SYMBOLS, "--params", params.toString(), "--to", "2025-04-07");
        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.out.startsWith("out of sample: this run's sessions 2025-04-01..2025-04-07 lie outside"), run.out);
        assertFalse(run.out.contains("IN-SAMPLE"));
    }

    @Test
    void shouldRefuseAProvenanceWithoutItsTrainedRangeNamingTheKey(@TempDir Path dir) throws Exception {
        Path params = withProvenance(dir, "April", "2025-05-30");
        Cli run = Cli.run("backtest", "--symbols", SYMBOLS, "--params", params.toString(), "--to", "2025-04-07");
        assertEquals(2, run.exitCode);
        assertTrue(run.err.contains("key 'provenance.trained_from' must be a date"), run.err);
    }
}
