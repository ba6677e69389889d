package io.sentio.launcher.cli;

import io.sentio.core.config.ParamJson;
import io.sentio.core.config.ParamTableText;
import io.sentio.core.config.StrategyParamTable;
import io.sentio.launcher.SentioException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sentio params}: the strategy parameter table, its JSON Schema, its defaults or the seed preset, from the one table in core. */
@Command(name = "params", mixinStandardHelpOptions = true,
    description = {"Print every key of rotation_params.json: type, default, valid range, unit, scope and meaning.",
        "Scope model: the key changes what the learners learn; desk: only signals, sizing, risk, costs or sync."})
public final class ParamsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--schema",
        description = "Print the JSON Schema instead (the content of config/rotation_params.schema.json).")
    boolean schema;

    @Option(names = "--defaults",
        description = "Print a params file holding every default instead.")
    boolean defaults;

    @Option(names = "--seed",
        description = "Print the seed preset instead (the content of config/presets/seed.json): the defaults with"
            + " close labels, no forecast clip and no half-spread floor, as the seed strategy had.")
    boolean seed;

    @Override
    public Integer call() {
        if ((schema ? 1 : 0) + (defaults ? 1 : 0) + (seed ? 1 : 0) > 1) {
            throw SentioException.badUsage("--schema, --defaults and --seed: give at most one");
        }
        String text;
        if (schema) {
            text = ParamJson.schema(StrategyParamTable.TABLE);
        } else if (defaults) {
            text = ParamJson.values(StrategyParamTable.TABLE.defaults());
        } else if (seed) {
            text = ParamJson.values(StrategyParamTable.seed());
        } else {
            text = ParamTableText.render(StrategyParamTable.TABLE);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(text);
        out.flush();
        return 0;
    }
}
