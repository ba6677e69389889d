package io.sentio.launcher.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * No two packages of sentio's main code use each other, directly or through others: jdeps reads the
 * compiled classes of every module this one is built with (core, journal, data, alpaca, exchange, cli),
 * so references written without an import count too.
 */
class PackageCycleTest {
    private static final List<String> MODULES = List.of("sentio-core", "sentio-journal", "sentio-data",
        "sentio-alpaca", "sentio-exchange", "sentio-launcher");

    @Test
    void shouldFindNoCycleBetweenThePackagesOfAllModules() {
        List<String> outputs = mainOutputs();
        assertEquals(MODULES.size(), outputs.size(), "one main output per module: " + outputs);
        Map<String, Set<String>> graph = packageGraph(outputs);
        assertTrue(graph.containsKey("io.sentio.launcher.cli") && graph.containsKey("io.sentio.core.pipeline"), graph::toString);
        assertEquals(List.of(), PackageCycles.of(graph));
    }

    @Test
    void shouldReportAPackageCycleThroughAThirdPackage() {
        Map<String, Set<String>> graph = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a", "d"), "d", Set.of());
        assertEquals(List.of(Set.of("a", "b", "c")), PackageCycles.of(graph));
    }

    /** target/classes of this module and of each sentio module on the test classpath (a reactor build). */
    private static List<String> mainOutputs() {
        List<String> outputs = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            boolean moduleClasses = p.endsWith(Path.of("target", "classes")) && Files.isDirectory(p);
            boolean moduleJar = p.getFileName().toString().matches("sentio-[a-z]+(-[0-9][^-]*(-SNAPSHOT)?)?\\.jar");
            if (moduleClasses || moduleJar) {
                outputs.add(entry);
            }
        }
        return outputs;
    }

    /** Package to the other sentio packages it uses, from {@code jdeps -verbose:package}. */
    private static Map<String, Set<String>> packageGraph(List<String> outputs) {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        List<String> args = new ArrayList<>(List.of("-verbose:package"));
        args.addAll(outputs);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = jdeps.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
            args.toArray(String[]::new));
        assertEquals(0, rc, err.toString(StandardCharsets.UTF_8));
        Map<String, Set<String>> graph = new TreeMap<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 3 && f[1].equals("->") && f[0].startsWith("io.sentio.") && f[2].startsWith("io.sentio.")
                && !f[0].equals(f[2])) {
                graph.computeIfAbsent(f[0], k -> new TreeSet<>()).add(f[2]);
            }
        }
        return graph;
    }
}
