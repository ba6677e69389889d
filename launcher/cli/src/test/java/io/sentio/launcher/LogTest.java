package io.sentio.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTest {
    private static final Clock AT = Clock.fixed(Instant.parse("2025-06-10T13:31:00.042Z"), ZoneId.of("America/New_York"));

    @Test
    void shouldStampEveryLineInUtcOnTheConsoleAndAppendItToTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("live.log");
        Files.writeString(file, "kept\n");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Log log = Log.open(new PrintStream(console, true, StandardCharsets.UTF_8), file, "--log-file", AT);
        log.lines().println("sentio live: one");
        log.lines().print("sentio live: two, ");
        log.lines().print("in two prints\r\nsentio live: three");
        log.fileOnly("sentio: why it stopped");
        log.close();
        assertEquals("2025-06-10T13:31:00.042Z sentio live: one\n"
            + "2025-06-10T13:31:00.042Z sentio live: two, in two prints\n"
            + "2025-06-10T13:31:00.042Z sentio live: three\n", console.toString(StandardCharsets.UTF_8));
        assertEquals(List.of("kept", "2025-06-10T13:31:00.042Z sentio live: one",
            "2025-06-10T13:31:00.042Z sentio live: two, in two prints",
            "2025-06-10T13:31:00.042Z sentio: why it stopped",
            "2025-06-10T13:31:00.042Z sentio live: three"), Files.readAllLines(file));
        log.lines().println("after close: console only");
        assertEquals(5, Files.readAllLines(file).size());
    }

    @Test
    void shouldRefuseALogFileItCannotAppendToNamingTheOption(@TempDir Path dir) {
        SentioException e = assertThrows(SentioException.class,
            () -> Log.open(System.err, dir.resolve("no-such-dir").resolve("x.log"), "--log-file", AT));
        assertEquals(ExitCodes.BAD_USAGE, e.exitCode());
        assertEquals(true, e.getMessage().startsWith("--log-file " + dir.resolve("no-such-dir").resolve("x.log")), e.getMessage());
    }
}
