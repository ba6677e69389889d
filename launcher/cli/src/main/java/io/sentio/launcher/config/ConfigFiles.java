package io.sentio.launcher.config;

import java.nio.file.Path;

/**
 * Where the default config files live: {@code config/} under the sentio home, which the
 * {@code launcher/bin/sentio} script passes as {@code -Dsentio.home}; without it, the working directory.
 */
public final class ConfigFiles {
    private ConfigFiles() {
    }

    public static Path home() {
        String home = System.getProperty("sentio.home");
        return Path.of(home == null ? "" : home).toAbsolutePath();
    }

    public static Path defaultFile(String name) {
        return home().resolve("config").resolve(name);
    }
}
