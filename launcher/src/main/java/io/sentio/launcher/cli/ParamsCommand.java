package io.sentio.launcher.cli;

import io.sentio.core.config.ParamSchema;
import io.sentio.core.config.ParamTableText;
import io.sentio.core.config.StrategyParamTable;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sentio params}: the strategy parameter table, or its JSON Schema, from the one definition in core. */
@Command(name = "params", mixinStandardHelpOptions = true,
    description = {"Print every key of rotation_params.json: type, default, valid range, unit, scope and meaning.",
        "Scope model: the key changes what the learners learn; desk: only signals, sizing, risk, costs or sync."})
public final class ParamsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--schema",
        description = "Print the JSON Schema instead (the content of config/rotation_params.schema.json).")
    boolean schema;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.print(schema ? ParamSchema.json(StrategyParamTable.TABLE) : ParamTableText.render(StrategyParamTable.TABLE));
        out.flush();
        return 0;
    }
}
