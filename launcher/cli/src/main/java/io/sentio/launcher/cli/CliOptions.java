package io.sentio.launcher.cli;

import io.sentio.core.config.StrategyParams;
import io.sentio.launcher.SentioException;
import io.sentio.launcher.config.ConfigFiles;
import io.sentio.launcher.config.ParamsLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/** Option helpers shared by the data commands. */
final class CliOptions {
    private CliOptions() {
    }

    static Path existingDir(Path dir, String option) {
        if (!Files.isDirectory(dir)) {
            throw SentioException.badUsage(option + ": not a directory: " + dir);
        }
        return dir;
    }

    /** The given params file, else {@code config/rotation_params.json}, else the built-in defaults. */
    static StrategyParams params(Path given) {
        if (given != null) {
            return ParamsLoader.load(given);
        }
        Path def = ConfigFiles.defaultFile("rotation_params.json");
        return Files.isRegularFile(def) ? ParamsLoader.load(def) : StrategyParams.defaults();
    }
}
