package io.sentio.launcher.config;

import static io.sentio.core.config.StrategyParamTable.MAX_POSITIONS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sentio.core.config.Param;
import io.sentio.core.config.ParamJson;
import io.sentio.core.config.ParamTable;
import io.sentio.core.config.ParamValues;
import io.sentio.core.config.StrategyParamTable;
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
    void shouldShipTheSeedPresetEqualToTheTablesSeed() throws IOException {
        Path seed = CONFIG.resolve("presets/seed.json");
        assertEquals(StrategyParams.from(StrategyParamTable.seed()).toString(), ParamsLoader.load(seed).toString());
        assertEquals(ParamJson.values(StrategyParamTable.seed()), Files.readString(seed), seed
            + " is stale; regenerate it: launcher/bin/sentio params --seed > config/presets/seed.json");
    }

    @Test
    void shouldShipTunedDefaultsThatKeepTheDefaultCostsAndSyncLimits() {
        StrategyParams tuned = ParamsLoader.load(CONFIG.resolve("rotation_params.json"));
        StrategyParams defaults = StrategyParams.defaults();
        assertEquals(defaults.slippageBps, tuned.slippageBps);
        assertEquals(defaults.halfSpreadTicks, tuned.halfSpreadTicks);
        assertEquals(defaults.tickSize, tuned.tickSize);
        assertEquals(defaults.commissionPerShare, tuned.commissionPerShare);
        assertEquals(defaults.maxForwardFill, tuned.maxForwardFill);
        assertEquals(defaults.maxMissingSymbols, tuned.maxMissingSymbols);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rotation_params.json", "presets/seed.json"})
    void shouldShipParamsFilesWithEveryKey(String name) throws IOException {
        String text = Files.readString(CONFIG.resolve(name));
        for (Param p : StrategyParamTable.TABLE.params()) {
            String leaf = p.key().substring(p.key().lastIndexOf('.') + 1);
            assertTrue(text.contains("\"" + leaf + "\""), p.key());
        }
    }

    @Test
    void shouldShipTheSchemaTheTableGenerates() throws IOException {
        Path schema = CONFIG.resolve("rotation_params.schema.json");
        assertEquals(ParamJson.schema(StrategyParamTable.TABLE), Files.readString(schema), schema
            + " is stale; regenerate it: launcher/bin/sentio params --schema > config/rotation_params.schema.json");
    }

    @Test
    void shouldLoadTheSchemaDefaultsAsTheDefaults() throws IOException {
        JsonNode schema = new ObjectMapper().readTree(CONFIG.resolve("rotation_params.schema.json").toFile());
        ObjectNode file = defaultsOf(schema);
        assertEquals(StrategyParams.defaults().toString(), ParamsLoader.load(json(file.toString())).toString());
    }

    private static ObjectNode defaultsOf(JsonNode objectSchema) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        objectSchema.get("properties").fields().forEachRemaining(e -> out.set(e.getKey(),
            e.getValue().has("properties") ? defaultsOf(e.getValue()) : e.getValue().get("default")));
        return out;
    }

    /** A parameter that exists only in this test: the loader learns it from the table alone. */
    private static final Param DUMMY = Param.real("dummy.knob", 0.25, 0.0, 1.0).desk("turns", "a test-only knob");
    private static final ParamTable WITH_DUMMY = StrategyParamTable.TABLE.with(DUMMY);

    @Test
    void shouldLoadValidateAndPrintAParameterAddedOnlyToATestTable() throws IOException {
        ParamValues v = ParamsLoader.read(WITH_DUMMY, json("{\"max_positions\": 4, \"dummy\": {\"knob\": 0.75}}"));
        assertEquals(0.75, v.doubleValue(DUMMY));
        assertEquals(4, v.intValue(MAX_POSITIONS));
        assertTrue(v.toString().contains("dummy.knob=0.75"), v.toString());
        assertEquals(0.25, ParamsLoader.read(WITH_DUMMY, json("{}")).doubleValue(DUMMY));
        Path f = json("{\"dummy\": {\"knob\": 1.5}}");
        SentioException range = assertThrows(SentioException.class, () -> ParamsLoader.read(WITH_DUMMY, f));
        assertEquals(f + ": key 'dummy.knob': value 1.5 out of range [0.0, 1.0]", range.getMessage());
        SentioException unknown = assertThrows(SentioException.class,
            () -> ParamsLoader.read(WITH_DUMMY, json("{\"dummy\": {\"knobs\": 1}}")));
        assertTrue(unknown.getMessage().contains("unknown key 'dummy.knobs' (known: knob)"), unknown.getMessage());
        assertTrue(ParamJson.schema(WITH_DUMMY).contains("\"knob\": {"));
    }

    @Test
    void shouldRefuseTheTestOnlyParameterInTheRealTable() throws IOException {
        assertTrue(badUsage("{\"dummy\": {\"knob\": 0.5}}").getMessage().contains("unknown key 'dummy'"));
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
        assertEquals(StrategyParams.defaults().toBuilder().set(MAX_POSITIONS, 5).conclude().toString(), p.toString());
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
    void shouldNameTheKeyOfARuleSpanningTwoKeys() throws IOException {
        String m = badUsage("{\"oes\": {\"horizons\": [1, 5]}}").getMessage();
        assertTrue(m.contains("key 'oes.horizon_weights': needs one weight per horizon (2), got 3"), m);
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
