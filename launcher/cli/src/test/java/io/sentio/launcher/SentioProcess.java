package io.sentio.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.launcher.cli.SentioMain;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code sentio} in a child JVM with this test JVM's module and timezone flags, as an operator runs
 * it, so a test can kill it with SIGKILL; its stdout lines are collected as they come, its stderr
 * goes to a file.
 */
public final class SentioProcess {
    public final List<String> lines = new CopyOnWriteArrayList<>();
    private final Process process;
    private final Thread reader;
    private final Path err;

    private SentioProcess(Process process, Path err) {
        this.process = process;
        this.err = err;
        this.reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // killed: what was read is what it printed
            }
        });
        reader.start();
    }

    public static SentioProcess start(Path stderrFile, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("--add-") || arg.startsWith("-Dchronicle") || arg.startsWith("--enable-native")
                || arg.startsWith("--sun-misc") || arg.startsWith("-Duser.timezone")) {
                cmd.add(arg);
            }
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(SentioMain.class.getName());
        cmd.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectError(stderrFile.toFile());
        // Keys come only from a test's --env-file: the child never sees an operator's Alpaca keys.
        builder.environment().keySet().removeIf(name -> name.startsWith("APCA_"));
        return new SentioProcess(builder.start(), stderrFile);
    }

    /** Waits until {@code condition} holds for the lines printed so far; fails if the child ends first. */
    public void await(Predicate<List<String>> condition, long timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (!condition.test(lines)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("child ended or timed out before the kill point: " + lines + "\nstderr:\n"
                    + stderr());
            }
            Thread.sleep(2);
        }
    }

    /** Its stderr so far, without Chronicle's start-up banner lines. */
    public String stderr() {
        try {
            return Files.readString(err).replaceAll("(?m)^.*INFO net.openhft.*\n", "");
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** SIGKILL (destroyForcibly on Linux); returns what it printed. */
    public List<String> kill9() throws InterruptedException {
        process.destroyForcibly();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        reader.join(10_000);
        assertEquals(137, process.exitValue(), "killed by SIGKILL, not finished: " + lines);
        return new ArrayList<>(lines);
    }

    /**
     * SIGTERM, as systemd or an operator's kill stops it; the JVM runs its shutdown hooks. Through the
     * process handle: {@code Process.destroy()} also closes our end of its stdout, losing what it
     * prints while it stops.
     */
    public void terminate() {
        process.toHandle().destroy();
    }

    public boolean alive() {
        return process.isAlive();
    }

    public int waitForExit(long timeoutSeconds) throws InterruptedException {
        assertTrue(process.waitFor(timeoutSeconds, TimeUnit.SECONDS), "the child finished within " + timeoutSeconds + " s");
        reader.join(10_000);
        return process.exitValue();
    }
}
