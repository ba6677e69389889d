package io.sentio.launcher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The progress log of a long-running command: every line gets an ISO-8601 UTC timestamp
 * ({@code 2025-06-10T13:31:00.042Z}, wall clock: when it happened for the operator, whatever
 * market time a replay runs at) and goes to the console and, with {@code --log-file}, is appended to
 * that file. Callers keep printing whole lines to a {@link PrintStream}; they write no secrets, so
 * the file holds none either.
 */
public final class Log {
    private static final DateTimeFormatter STAMP =
        DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final PrintStream console;
    private OutputStream file;
    private final Clock clock;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private final PrintStream lines;

    private Log(PrintStream console, OutputStream file, Clock clock) {
        this.console = console;
        this.file = file;
        this.clock = clock;
        this.lines = new PrintStream(new Lines(), true, StandardCharsets.UTF_8);
    }

    /**
     * A log of timestamped lines to {@code console} and, when {@code logFile} is not null, appended to it
     * (created if missing). {@code option} names the option in the error for a file that cannot be opened.
     */
    public static Log open(PrintStream console, Path logFile, String option) {
        return open(console, logFile, option, Clock.systemUTC());
    }

    static Log open(PrintStream console, Path logFile, String option, Clock clock) {
        OutputStream file = null;
        if (logFile != null) {
            try {
                file = Files.newOutputStream(logFile, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw SentioException.badUsage(option + " " + logFile + ": cannot append to it: " + e.getMessage());
            }
        }
        return new Log(console, file, clock);
    }

    /** Where the command prints its progress lines: each one is stamped when its newline arrives. */
    public PrintStream lines() {
        return lines;
    }

    /**
     * A line for the file only: the failure message the CLI prints to the console anyway on its way out,
     * so the file tells why the session ended too.
     */
    public synchronized void fileOnly(String text) {
        if (file != null) {
            append(STAMP.format(clock.instant()) + " " + text + "\n");
        }
    }

    private synchronized void emit() {
        String text = STAMP.format(clock.instant()) + " "
            + line.toString(StandardCharsets.UTF_8) + "\n";
        line.reset();
        console.print(text);
        console.flush();
        if (file != null) {
            append(text);
        }
    }

    private void append(String text) {
        try {
            file.write(text.getBytes(StandardCharsets.UTF_8));
            file.flush();
        } catch (IOException e) {
            // A full disk must not stop a trading session over its log: say so on the console instead.
            console.println("sentio: log file write failed: " + e.getMessage());
        }
    }

    /** Ends a pending partial line and closes the file; later lines go to the console only. */
    public void close() {
        lines.flush();
        synchronized (this) {
            if (line.size() > 0) {
                emit();
            }
            if (file != null) {
                try {
                    file.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    file = null;
                }
            }
        }
    }

    /** Collects bytes into the current line. */
    private final class Lines extends OutputStream {
        @Override
        public void write(int b) {
            synchronized (Log.this) {
                if (b == '\n') {
                    emit();
                } else if (b != '\r') {
                    line.write(b);
                }
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (Log.this) {
                for (int i = off; i < off + len; i++) {
                    write(b[i]);
                }
            }
        }
    }
}
