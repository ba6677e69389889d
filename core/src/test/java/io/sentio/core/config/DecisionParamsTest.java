package io.sentio.core.config;

import static io.sentio.core.config.StrategyParamTable.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The decision rule's keys: desk scope, defaults that keep the probability rule, errors naming the key. */
class DecisionParamsTest {
    private static String message(Param p, Object value) {
        ParamValues v = TABLE.defaults().set(p, value);
        return assertThrows(ConfigException.class, () -> StrategyParams.from(v)).getMessage();
    }

    @Test
    void shouldNameTheKeyOfEachBadValue() {
        assertEquals("decision: must be one of [probability, expected_return], got \"kelly\"", message(DECISION, "kelly"));
        assertEquals("entry_cost_multiple: value -1.0 out of range [0.0, 100.0]", message(ENTRY_COST_MULTIPLE, -1.0));
        assertEquals("exit_cost_multiple: value 101.0 out of range [-100.0, 100.0]", message(EXIT_COST_MULTIPLE, 101.0));
        assertEquals("max_hold_bars: value 391 out of range [0, 390]", message(MAX_HOLD_BARS, 391));
        assertEquals("calibration.half_life: value 0.5 out of range [1.0, 1.0E7]", message(CALIBRATION_HALF_LIFE, 0.5));
        assertEquals("calibration.min_labels: value 1 out of range [2, 10000000]", message(CALIBRATION_MIN_LABELS, 1));
    }

    @Test
    void shouldDefaultToTheProbabilityRuleAndKeepEveryNewKeyOutOfTheModel() {
        StrategyParams d = StrategyParams.defaults();
        assertEquals(StrategyParams.Decision.PROBABILITY, d.decision);
        assertEquals(0, d.maxHoldBars, "no hold limit unless asked");
        StrategyParams er = d.toBuilder().set(DECISION, "expected_return").set(ENTRY_COST_MULTIPLE, 2.0)
            .set(EXIT_COST_MULTIPLE, 0.5).set(MAX_HOLD_BARS, 30).set(CALIBRATION_HALF_LIFE, 1000.0)
            .set(CALIBRATION_MIN_LABELS, 50).conclude();
        assertEquals(StrategyParams.Decision.EXPECTED_RETURN, er.decision);
        assertEquals(2.0, er.entryCostMultiple);
        assertEquals(0.5, er.exitCostMultiple);
        assertEquals(30, er.maxHoldBars);
        assertEquals(1000.0, er.calibrationHalfLife);
        assertEquals(50, er.calibrationMinLabels);
        assertEquals(d.modelKey(), er.modelKey(), "one model tape serves both rules");
    }
}
