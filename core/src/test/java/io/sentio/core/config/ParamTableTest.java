package io.sentio.core.config;

import static io.sentio.core.config.StrategyParamTable.BUY_THRESHOLD;
import static io.sentio.core.config.StrategyParamTable.HORIZONS;
import static io.sentio.core.config.StrategyParamTable.HORIZON_WEIGHTS;
import static io.sentio.core.config.StrategyParamTable.MAX_POSITIONS;
import static io.sentio.core.config.StrategyParamTable.RIDGE;
import static io.sentio.core.config.StrategyParamTable.TABLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ParamTableTest {
    /** A parameter that exists only in this test: nothing else in the code base knows it. */
    static final Param DUMMY = Param.integer("dummy.knob", 7, 0, 10).desk("clicks", "a test-only knob");
    static final ParamTable WITH_DUMMY = TABLE.with(DUMMY);

    @Test
    void shouldValidateATestOnlyRowByItsRange() {
        ParamValues v = WITH_DUMMY.defaults().set(DUMMY, 11L);
        ConfigException e = assertThrows(ConfigException.class, v::validate);
        assertEquals("dummy.knob", e.key());
        assertEquals("dummy.knob: value 11 out of range [0, 10]", e.getMessage());
    }

    @Test
    void shouldPrintATestOnlyRowInValuesTextTableAndStrategyParams() {
        ParamValues v = WITH_DUMMY.defaults().set(DUMMY, 9L);
        assertTrue(v.toString().endsWith("calibration.min_labels=390, dummy.knob=9"), v.toString());
        assertTrue(StrategyParams.from(v).toString().contains("dummy.knob=9"));
        String text = ParamTableText.render(WITH_DUMMY);
        assertTrue(text.lines().anyMatch(l -> l.matches("dummy\\.knob +int +7 +\\[0, 10\\] +clicks +desk +a test-only knob")),
            text);
    }

    @Test
    void shouldPutATestOnlyRowInItsOwnSectionOfTheSchema() {
        String schema = ParamJson.schema(WITH_DUMMY);
        assertTrue(schema.contains("    \"dummy\": {\n      \"type\": \"object\",\n      \"additionalProperties\": false,\n"
            + "      \"properties\": {\n        \"knob\": {\n          \"type\": \"integer\",\n"
            + "          \"description\": \"a test-only knob\",\n          \"default\": 7,\n"
            + "          \"x-unit\": \"clicks\",\n          \"x-scope\": \"desk\",\n          \"minimum\": 0,\n"
            + "          \"maximum\": 10\n        }\n      }\n    }\n  }\n}\n"), schema);
    }

    @Test
    void shouldWriteATestOnlyRowIntoAParamsFileAsANestedSection() {
        String file = ParamJson.values(WITH_DUMMY.defaults().set(DUMMY, 4L));
        assertTrue(file.endsWith("    \"min_labels\": 390\n  },\n  \"dummy\": {\n    \"knob\": 4\n  }\n}\n"), file);
    }

    @Test
    void shouldKeepTheMessagesOfEachKindOfRange() {
        assertEquals("buy_threshold: value 0.3 out of range [0.5, 0.95]", message(BUY_THRESHOLD, 0.3));
        assertEquals("strength_smoothing: value 0.0 out of range (0.0, 1.0]",
            message(StrategyParamTable.STRENGTH_SMOOTHING, 0.0));
        assertEquals("oes.horizons: value 121 out of range [1, 120]", message(HORIZONS, new int[] {1, 121}));
        assertEquals("oes.horizons: needs 1 to 8 values, got 0", message(HORIZONS, new int[0]));
        assertEquals("sizing: must be one of [EQUAL_WEIGHT], got \"KELLY\"", message(StrategyParamTable.SIZING, "KELLY"));
    }

    private static String message(Param p, Object value) {
        ParamValues v = TABLE.defaults().set(p, value);
        return assertThrows(ConfigException.class, () -> StrategyParams.from(v)).getMessage();
    }

    @Test
    void shouldCheckRulesSpanningRowsWhenConcluding() {
        ParamValues v = TABLE.defaults().set(HORIZONS, new int[] {1, 5});
        assertEquals("oes.horizon_weights: needs one weight per horizon (2), got 3",
            assertThrows(ConfigException.class, () -> StrategyParams.from(v)).getMessage());
        ParamValues down = TABLE.defaults().set(HORIZONS, new int[] {5, 1, 10});
        assertEquals("oes.horizons: must be strictly increasing: [5, 1, 10]",
            assertThrows(ConfigException.class, () -> StrategyParams.from(down)).getMessage());
        ParamValues zero = TABLE.defaults().set(HORIZON_WEIGHTS, new double[3]);
        assertEquals("oes.horizon_weights: weights must not all be zero",
            assertThrows(ConfigException.class, () -> StrategyParams.from(zero)).getMessage());
    }

    @Test
    void shouldChangeTheModelFingerprintOnlyForModelRows() {
        StrategyParams base = StrategyParams.defaults();
        StrategyParams desk = base.toBuilder().set(MAX_POSITIONS, 5).set(BUY_THRESHOLD, 0.6).conclude();
        StrategyParams model = base.toBuilder().set(RIDGE, 1e3).conclude();
        assertEquals(base.modelFingerprint(), desk.modelFingerprint());
        assertNotEquals(base.modelFingerprint(), model.modelFingerprint());
        assertEquals(base.modelFingerprint(), StrategyParams.defaults().modelFingerprint());
    }

    @Test
    void shouldTagExactlyTheParametersThatChangeTheLearnersAsModel() {
        // DESIGN §3's list, plus sync.max_missing_symbols: a bar set it skips trains no learner.
        StringBuilder model = new StringBuilder();
        for (Param p : TABLE.params()) {
            if (p.scope() == ParamScope.MODEL) {
                model.append(p.key()).append(' ');
            }
        }
        assertEquals("sync.max_missing_symbols oes.ewrls_lambda oes.initial_variance oes.regularization oes.ridge "
                + "oes.max_trace oes.label oes.horizons ",
            model.toString());
    }

    @Test
    void shouldRefuseRowsWithoutMeaningDuplicatesOrABadDefault() {
        assertThrows(IllegalArgumentException.class, () -> ParamTable.of(Param.integer("a", 1, 0, 2)));
        Param a = Param.integer("a", 1, 0, 2).desk("", "a");
        assertThrows(IllegalArgumentException.class, () -> ParamTable.of(a, a));
        assertThrows(IllegalArgumentException.class, () -> ParamTable.of(a, Param.flag("a.b", true).desk("", "b")));
        assertThrows(ConfigException.class, () -> ParamTable.of(Param.integer("c", 3, 0, 2).desk("", "c")));
    }

    @Test
    void shouldNotLetABuilderChangeConcludedParams() {
        StrategyParams base = StrategyParams.defaults();
        base.toBuilder().set(MAX_POSITIONS, 9).conclude();
        assertEquals(3, base.maxPositions);
        assertEquals(3, base.values().intValue(MAX_POSITIONS));
    }

    @Test
    void shouldRefuseAValueOfTheWrongKindAsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> TABLE.defaults().set(MAX_POSITIONS, 2.5));
        assertThrows(IllegalArgumentException.class, () -> TABLE.defaults().set(DUMMY, 1L));
    }
}
