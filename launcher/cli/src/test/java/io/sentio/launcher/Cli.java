package io.sentio.launcher;

import io.sentio.launcher.cli.SentioMain;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

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

    /** The real data set of DESIGN §6, or a skipped test when it is absent. */
    public static Path realData() {
        String p = System.getProperty("sentio.shared.data");
        Assumptions.assumeTrue(p != null && Files.isDirectory(Path.of(p)),
            "real data not found (system property sentio.shared.data=" + p + "): skipped");
        return Path.of(p);
    }

    /** The repository's config directory. */
    public static Path configDir() {
        return Path.of(System.getProperty("sentio.project.dir", "..")).resolve("config");
    }
}
