package io.sentio.launcher.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.core.config.StrategyParams;
import io.sentio.launcher.ExitCodes;
import io.sentio.launcher.SentioException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParamsLoaderTest {
    static final Path CONFIG = Path.of(System.getProperty("sentio.project.dir", "..")).resolve("config");

    @TempDir
    Path dir;

    private Path json(String text) throws IOException {
        Path f = dir.resolve("rotation_params.json");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void shouldShipTheSeedPresetEqualToTheDesignDefaults() {
        StrategyParams p = ParamsLoader.load(CONFIG.resolve("presets/seed.json"));
        assertEquals(StrategyParams.defaults().toString(), p.toString());
    }

    @Test
    void shouldShipTunedDefaultsThatKeepTheSeedCostsAndSyncLimits() {
        StrategyParams tuned = ParamsLoader.load(CONFIG.resolve("rotation_params.json"));
        StrategyParams seed = StrategyParams.defaults();
        assertEquals(seed.slippageBps, tuned.slippageBps);
        assertEquals(seed.commissionPerShare, tuned.commissionPerShare);
        assertEquals(seed.maxForwardFill, tuned.maxForwardFill);
        assertEquals(seed.maxMissingSymbols, tuned.maxMissingSymbols);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rotation_params.json", "presets/seed.json"})
    void shouldShipParamsFilesWithEveryKey(String name) throws IOException {
        String text = Files.readString(CONFIG.resolve(name));
        for (String k : ParamsLoader.TOP_KEYS) {
            assertTrue(text.contains("\"" + k + "\""), k);
        }
        for (String k : ParamsLoader.COSTS_KEYS) {
            assertTrue(text.contains("\"" + k + "\""), k);
        }
        for (String k : ParamsLoader.SYNC_KEYS) {
            assertTrue(text.contains("\"" + k + "\""), k);
        }
        for (String k : ParamsLoader.OES_KEYS) {
            assertTrue(text.contains("\"" + k + "\""), k);
        }
    }

    @Test
    void shouldLoadExactlyTheKeysTheParamsClassesDeclare() {
        java.util.Set<String> declared = new java.util.TreeSet<>();
        String strategy = StrategyParams.defaults().toString();
        String oes = StrategyParams.defaults().oes.toString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([a-z_.]+)=").matcher(strategy.replace(oes, ""));
        while (m.find()) {
            declared.add(m.group(1));
        }
        m = java.util.regex.Pattern.compile("([a-z_]+)=").matcher(oes);
        while (m.find()) {
            declared.add("oes." + m.group(1));
        }
        java.util.Set<String> loaded = new java.util.TreeSet<>();
        for (String k : ParamsLoader.TOP_KEYS) {
            if (!k.equals("costs") && !k.equals("sync")) {
                loaded.add(k);
            }
        }
        ParamsLoader.COSTS_KEYS.forEach(k -> loaded.add("costs." + k));
        ParamsLoader.SYNC_KEYS.forEach(k -> loaded.add("sync." + k));
        ParamsLoader.OES_KEYS.forEach(k -> loaded.add("oes." + k));
        assertEquals(declared, loaded);
    }

    @Test
    void shouldDeliverEveryKeyToTheFieldItConfigures() throws IOException {
        StrategyParams p = ParamsLoader.load(json("{\"max_positions\": 4, \"min_hold_bars\": 7, \"buy_threshold\": 0.61,"
            + " \"exit_threshold\": 0.45, \"rotation_threshold\": 1.5, \"strength_smoothing\": 0.3, \"cooldown_bars\": 9,"
            + " \"sizing\": \"EQUAL_WEIGHT\", \"cash_buffer\": 0.05, \"initial_capital\": 25000.0,"
            + " \"entry_cutoff_minutes\": 45, \"eod_flatten_minute\": 385, \"circuit_breaker_drawdown\": 0.07,"
            + " \"costs\": {\"slippage_bps\": 2.5, \"commission_per_share\": 0.005},"
            + " \"sync\": {\"max_forward_fill\": 3, \"max_missing_symbols\": 4, \"timeout_ms\": 1500},"
            + " \"oes\": {\"ewrls_lambda\": 0.99, \"initial_variance\": 5.0, \"regularization\": 0.02, \"ridge\": 1000.0,"
            + " \"max_trace\": 5e5, \"horizons\": [2, 4], \"horizon_weights\": [0.4, 0.6], \"probability_scale\": 9.0,"
            + " \"bb_amplification\": false}}"));
        assertEquals(4, p.maxPositions);
        assertEquals(7, p.minHoldBars);
        assertEquals(0.61, p.buyThreshold);
        assertEquals(0.45, p.exitThreshold);
        assertEquals(1.5, p.rotationThreshold);
        assertEquals(0.3, p.strengthSmoothing);
        assertEquals(9, p.cooldownBars);
        assertEquals(StrategyParams.Sizing.EQUAL_WEIGHT, p.sizing);
        assertEquals(0.05, p.cashBuffer);
        assertEquals(25000.0, p.initialCapital);
        assertEquals(45, p.entryCutoffMinutes);
        assertEquals(385, p.eodFlattenMinute);
        assertEquals(0.07, p.circuitBreakerDrawdown);
        assertEquals(2.5, p.slippageBps);
        assertEquals(0.005, p.commissionPerShare);
        assertEquals(3, p.maxForwardFill);
        assertEquals(4, p.maxMissingSymbols);
        assertEquals(1500, p.syncTimeoutMillis);
        assertEquals(0.99, p.oes.ewrlsLambda);
        assertEquals(5.0, p.oes.initialVariance);
        assertEquals(0.02, p.oes.regularization);
        assertEquals(1000.0, p.oes.ridge);
        assertEquals(5e5, p.oes.maxTrace);
        assertArrayEquals(new int[] {2, 4}, p.oes.horizons());
        assertArrayEquals(new double[] {0.4, 0.6}, p.oes.horizonWeights());
        assertEquals(9.0, p.oes.probabilityScale);
        assertEquals(false, p.oes.bbAmplification);
    }

    @Test
    void shouldKeepDefaultsForKeysNotGiven() throws IOException {
        StrategyParams p = ParamsLoader.load(json("{\"max_positions\": 5}"));
        assertEquals(StrategyParams.defaults().toBuilder().maxPositions(5).conclude().toString(), p.toString());
    }

    private SentioException badUsage(String text) throws IOException {
        Path f = json(text);
        SentioException e = assertThrows(SentioException.class, () -> ParamsLoader.load(f));
        assertEquals(ExitCodes.BAD_USAGE, e.exitCode());
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
        return e;
    }

    @Test
    void shouldNameUnknownTopLevelKeyAndFile() throws IOException {
        assertTrue(badUsage("{\"max_position\": 3}").getMessage().contains("unknown key 'max_position'"));
    }

    @Test
    void shouldNameUnknownNestedKeyWithItsSection() throws IOException {
        assertTrue(badUsage("{\"oes\": {\"lambda\": 0.99}}").getMessage().contains("unknown key 'oes.lambda'"));
    }

    @Test
    void shouldGiveAllowedRangeForOutOfRangeValue() throws IOException {
        String m = badUsage("{\"buy_threshold\": 0.3}").getMessage();
        assertTrue(m.contains("'buy_threshold'") && m.contains("[0.5, 0.95]"), m);
        String n = badUsage("{\"oes\": {\"ewrls_lambda\": 1.5}}").getMessage();
        assertTrue(n.contains("'oes.ewrls_lambda'") && n.contains("[0.9, 1.0]"), n);
    }

    @Test
    void shouldRejectWrongTypesNamingKey() throws IOException {
        assertTrue(badUsage("{\"max_positions\": 2.5}").getMessage().contains("'max_positions': must be an integer"));
        assertTrue(badUsage("{\"buy_threshold\": \"0.6\"}").getMessage().contains("'buy_threshold': must be a number"));
        assertTrue(badUsage("{\"oes\": {\"bb_amplification\": 1}}").getMessage()
            .contains("'oes.bb_amplification': must be true or false"));
        assertTrue(badUsage("{\"sync\": 5}").getMessage().contains("'sync': must be a JSON object"));
        assertTrue(badUsage("{\"sizing\": \"KELLY\"}").getMessage().contains("'sizing': must be one of"));
    }

    @Test
    void shouldRejectDuplicateKeysAndBrokenJson() throws IOException {
        assertTrue(badUsage("{\"max_positions\": 3, \"max_positions\": 4}").getMessage().contains("invalid JSON"));
        assertTrue(badUsage("{\"max_positions\": 3,").getMessage().contains("invalid JSON"));
    }
}
