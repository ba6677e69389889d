package io.sentio.launcher.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The daemon's runtime classpath (what the build copies to lib/ and bin/sentio runs) must not carry the
 * stand-in exchange: it is a test dependency of this module only. The build writes that classpath to
 * target/runtime-classpath.txt; the class-loading check proves the list is the one that matters.
 */
class RuntimeClasspathTest {
    private static final Path RUNTIME_CLASSPATH = Path.of("target", "runtime-classpath.txt");

    @Test
    void shouldKeepTheStandInExchangeOffTheDaemonsRuntimeClasspath() throws Exception {
        List<String> entries = runtimeEntries();
        assertTrue(entries.stream().anyMatch(e -> e.contains("sentio-alpaca") || e.contains("alpaca" + File.separator + "target")),
            "the Alpaca client should be there: " + entries);
        for (String e : entries) {
            assertFalse(e.contains("sentio-exchange") || e.contains("exchange" + File.separator + "target"), e);
            assertFalse(e.contains("mockwebserver"), e);
        }
        try (URLClassLoader daemon = new URLClassLoader(urls(entries), ClassLoader.getPlatformClassLoader())) {
            assertEquals("io.sentio.launcher.cli.SentioMain",
                Class.forName("io.sentio.launcher.cli.SentioMain", false, daemon).getName());
            assertThrows(ClassNotFoundException.class,
                () -> Class.forName("io.sentio.launcher.exchange.ExchangeServer", false, daemon));
            assertThrows(ClassNotFoundException.class,
                () -> Class.forName("mockwebserver3.MockWebServer", false, daemon));
        }
    }

    /** This module's own classes, then its runtime dependencies as Maven resolved them. */
    private static List<String> runtimeEntries() throws Exception {
        assertTrue(Files.isRegularFile(RUNTIME_CLASSPATH), RUNTIME_CLASSPATH + " is written by the build");
        List<String> entries = new ArrayList<>();
        entries.add(Path.of("target", "classes").toAbsolutePath().toString());
        entries.addAll(Arrays.asList(Files.readString(RUNTIME_CLASSPATH).strip().split(File.pathSeparator)));
        return entries;
    }

    private static URL[] urls(List<String> entries) throws Exception {
        URL[] urls = new URL[entries.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = Path.of(entries.get(i)).toUri().toURL();
        }
        return urls;
    }
}
