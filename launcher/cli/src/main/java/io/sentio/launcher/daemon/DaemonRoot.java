package io.sentio.launcher.daemon;

import io.sentio.journal.JournalReader;
import io.sentio.journal.codec.RecordKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The daemon's directory: {@code state.bin}, the learners' state after the last completed session
 * (tomorrow's start); {@code history/}, the bars downloaded for the first day's warm-up; and one
 * directory per session, {@code yyyy-mm-dd/}, holding its {@code journal/}, the {@code state.bin}
 * it ended with and its daily report ({@code report.txt}, {@code report.html}).
 */
public final class DaemonRoot {
    public static final String STATE = "state.bin";
    private final Path root;

    public DaemonRoot(Path root) {
        this.root = root;
    }

    public Path path() {
        return root;
    }

    /** The state the next session starts from. */
    public Path state() {
        return root.resolve(STATE);
    }

    public Path history() {
        return root.resolve("history");
    }

    public Path day(LocalDate session) {
        return root.resolve(session.toString());
    }

    public Path journal(LocalDate session) {
        return day(session).resolve("journal");
    }

    /** Where the session's LiveDaemon writes its end state; it becomes {@link #state()} once the session is complete. */
    public Path dayState(LocalDate session) {
        return day(session).resolve(STATE);
    }

    public Path textReport(LocalDate session) {
        return day(session).resolve("report.txt");
    }

    public Path htmlReport(LocalDate session) {
        return day(session).resolve("report.html");
    }

    /**
     * Whether the session's journal holds its SESSION_SUMMARY: the ring saw the close minute. A
     * session stopped earlier (SIGTERM, a failure) has none and is not complete.
     */
    public boolean completed(LocalDate session) {
        Path journal = journal(session);
        if (!Files.isDirectory(journal)) {
            return false;
        }
        try (JournalReader r = JournalReader.open(journal)) {
            r.kinds(RecordKind.SESSION_SUMMARY).toStart();
            while (r.next()) {
                if (r.sessionSummary().nyEpochDay() == session.toEpochDay()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Makes the session's end state the next session's start: copied beside {@link #state()}, then
     * renamed over it, so a crash leaves either the old state or the new one, never half of one.
     */
    public void promote(LocalDate session) throws IOException {
        Path tmp = root.resolve(STATE + ".tmp");
        Files.copy(dayState(session), tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, state(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The session directories (named yyyy-mm-dd), oldest first. */
    public List<LocalDate> sessions() throws IOException {
        List<LocalDate> days = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return days;
        }
        try (Stream<Path> entries = Files.list(root)) {
            for (Path p : (Iterable<Path>) entries::iterator) {
                String name = p.getFileName().toString();
                if (Files.isDirectory(p) && name.length() == 10) {
                    try {
                        days.add(LocalDate.parse(name));
                    } catch (DateTimeParseException notADay) {
                        // another directory of the operator's: not the daemon's to touch
                    }
                }
            }
        }
        days.sort(null);
        return days;
    }

    /** Deletes all but the newest {@code keep} session directories; returns the sessions removed. */
    public List<LocalDate> retain(int keep) throws IOException {
        List<LocalDate> days = sessions();
        List<LocalDate> removed = new ArrayList<>();
        for (int i = 0; i < days.size() - keep; i++) {
            deleteTree(day(days.get(i)));
            removed.add(days.get(i));
        }
        return removed;
    }

    private static void deleteTree(Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw new UncheckedIOException(e);
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
