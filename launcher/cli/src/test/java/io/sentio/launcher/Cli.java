package io.sentio.launcher;

import io.sentio.core.testing.TestBars;
import io.sentio.launcher.cli.SentioMain;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Runs the CLI in-process and captures stdout and stderr. */
public final class Cli {
    public final int exitCode;
    public final String out;
    public final String err;

    private Cli(int exitCode, String out, String err) {
        this.exitCode = exitCode;
        this.out = out;
        this.err = err;
    }

    public static synchronized Cli run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = SentioMain.run(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\nstdout:\n" + out + "\nstderr:\n" + err;
    }

    /** The real data set of DESIGN §6, for tests tagged real-data (see {@link TestBars#dataDir()}). */
    public static Path realData() {
        return TestBars.dataDir();
    }

    /** {@code sentio generate --synthetic} of {@code sessions} sessions from {@code start} into {@code out}. */
    public static Path syntheticData(Path out, String start, int sessions) {
        Cli r = run("generate", "--synthetic", "--out", out.toString(), "--start", start, "--sessions",
            String.valueOf(sessions));
        if (r.exitCode != ExitCodes.OK) {
            throw new AssertionError("generate --synthetic failed: " + r);
        }
        return out;
    }

    /** The repository's config directory. */
    public static Path configDir() {
        return Path.of(System.getProperty("sentio.project.dir", "..")).resolve("config");
    }
}
