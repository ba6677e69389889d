package io.sentio.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.core.config.ParamJson;
import io.sentio.core.config.StrategyParamTable;
import io.sentio.launcher.Cli;
import io.sentio.launcher.ExitCodes;
import org.junit.jupiter.api.Test;

/** {@code sentio params}: the parameter table and its JSON Schema on stdout. */
class ParamsCommandTest {

    @Test
    void shouldPrintOneLinePerParameterWithRangeScopeAndMeaning() {
        Cli r = Cli.run("params");
        assertEquals(0, r.exitCode, r::toString);
        assertEquals(StrategyParamTable.TABLE.size() + 1, r.out.lines().count(), r.out);
        assertTrue(r.out.startsWith("key "), r.out);
        assertTrue(r.out.lines().anyMatch(l -> l.matches(
            "oes\\.ridge +double +20000\\.0 +\\[0\\.0, 1\\.0E9\\] +model +ridge pseudo-observation strength.*")), r.out);
        assertTrue(r.out.lines().anyMatch(l -> l.matches(
            "sync\\.timeout_ms +long +2000 +\\[1, 60000\\] +ms +desk +live: .*")), r.out);
    }

    @Test
    void shouldPrintTheGeneratedSchemaWithSchemaOption() {
        Cli r = Cli.run("params", "--schema");
        assertEquals(0, r.exitCode, r::toString);
        assertEquals(ParamJson.schema(StrategyParamTable.TABLE), r.out);
    }

    @Test
    void shouldPrintTheDefaultsAsAParamsFileWithDefaultsOption() {
        Cli r = Cli.run("params", "--defaults");
        assertEquals(0, r.exitCode, r::toString);
        assertEquals(ParamJson.values(StrategyParamTable.TABLE.defaults()), r.out);
    }

    @Test
    void shouldPrintTheSeedPresetWithSeedOption() {
        Cli r = Cli.run("params", "--seed");
        assertEquals(0, r.exitCode, r::toString);
        assertEquals(ParamJson.values(StrategyParamTable.seed()), r.out);
        assertTrue(r.out.contains("\"label\": \"close\""), r.out);
    }

    @Test
    void shouldRefuseSchemaAndDefaultsTogether() {
        Cli r = Cli.run("params", "--schema", "--defaults");
        assertEquals(ExitCodes.BAD_USAGE, r.exitCode, r::toString);
        assertTrue(r.err.contains("--schema, --defaults and --seed: give at most one"), r::toString);
    }

    @Test
    void shouldListTheParamsCommandInTopLevelHelp() {
        Cli r = Cli.run("--help");
        assertTrue(r.out.lines().anyMatch(l -> l.trim().startsWith("params ")), r.out);
    }
}
