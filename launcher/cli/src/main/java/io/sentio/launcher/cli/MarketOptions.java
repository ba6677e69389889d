package io.sentio.launcher.cli;

import io.sentio.launcher.config.ConfigFiles;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The market a command runs on: bars, universe and strategy params, with the same defaults for
 * every command that trains or trades on history (backtest, mock, warmup, signals).
 */
class MarketOptions {
    @Option(names = "--data", paramLabel = "DIR",
        description = "Folder of SYMBOL_RTH_NH.csv[.gz] bar files (default: the built-in seeded synthetic market).")
    Path data;

    @Option(names = "--symbols", paramLabel = "FILE", description = "Universe (default config/symbols.json).")
    Path symbols;

    @Option(names = "--params", paramLabel = "FILE", description = "Strategy params (default config/rotation_params.json).")
    Path params;

    /** The params file's bytes as given (the default file without --params), for the journal and state fingerprints. */
    byte[] paramsBytes() {
        return RunOptions.bytesOf(params != null ? params : ConfigFiles.defaultFile("rotation_params.json"), "--params");
    }

    byte[] symbolsBytes() {
        return RunOptions.bytesOf(symbols != null ? symbols : ConfigFiles.defaultFile("symbols.json"), "--symbols");
    }

    /** Where the bars come from, for messages. */
    String dataName() {
        return data == null ? "the synthetic market" : data.toString();
    }
}
