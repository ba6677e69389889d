package io.sentio.launcher.live;

import io.sentio.journal.JournalWriteException;
import io.sentio.journal.pipeline.RunJournal;
import io.sentio.launcher.ExitCodes;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.BlockingDeque;

/**
 * Stops a live session as soon as its journal cannot be written (a full disk): nothing the ring
 * decides after that is journaled, so none of it may reach the broker (journal-out marks such
 * events failed and execution skips them) and the session must not go on holding positions it can
 * no longer account for. The stop jumps the input queue; {@code flatten} says whether the session's
 * positions are then closed through the broker or kept (halt).
 */
final class JournalFailureWatch {
    private final RunJournal journal;
    private final BlockingDeque<LiveInput> inputs;
    private final boolean flatten;
    private boolean stopped;

    JournalFailureWatch(RunJournal journal, BlockingDeque<LiveInput> inputs, boolean flatten) {
        this.journal = journal;
        this.inputs = inputs;
        this.flatten = flatten;
    }

    /** On the timer thread. */
    void check() {
        if (!stopped && journal.failure() instanceof JournalWriteException) {
            stopped = true;
            inputs.addFirst(new LiveInput.Stop(ExitCodes.JOURNAL_FAILED, journal.failure().getMessage() + "; "
                + (flatten ? "flattening the session's positions (--on-journal-failure flatten)"
                : "HALTED holding the session's positions, check the account by hand (--on-journal-failure halt)"),
                flatten));
        }
    }

    /**
     * The journal no longer records what happens next: {@code err} also goes to {@code DIR.failure.txt}
     * beside the journal directory when that can be written (the same disk may be full: then err only).
     */
    static PrintStream alongsideFallbackFile(RunJournal journal, PrintStream err) {
        Path dir = journal.directory().toAbsolutePath();
        Path file = dir.resolveSibling(dir.getFileName() + ".failure.txt");
        OutputStream fallback;
        try {
            fallback = new FileOutputStream(file.toFile(), true);
        } catch (IOException e) {
            err.println("sentio live: cannot write " + file + " (" + e.getMessage() + "): reporting on stderr only");
            return err;
        }
        err.println("sentio live: reporting the stop on stderr and in " + file);
        return new PrintStream(new Tee(err, fallback), true, StandardCharsets.UTF_8);
    }

    /** Writes to both; a failing fallback file never silences stderr. */
    private static final class Tee extends OutputStream {
        private final OutputStream primary;
        private final OutputStream fallback;
        private boolean fallbackBroken;

        Tee(OutputStream primary, OutputStream fallback) {
            this.primary = primary;
            this.fallback = fallback;
        }

        @Override
        public void write(int b) throws IOException {
            primary.write(b);
            if (!fallbackBroken) {
                try {
                    fallback.write(b);
                } catch (IOException e) {
                    fallbackBroken = true;
                }
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            primary.write(b, off, len);
            if (!fallbackBroken) {
                try {
                    fallback.write(b, off, len);
                } catch (IOException e) {
                    fallbackBroken = true;
                }
            }
        }

        @Override
        public void flush() throws IOException {
            primary.flush();
            if (!fallbackBroken) {
                try {
                    fallback.flush();
                } catch (IOException e) {
                    fallbackBroken = true;
                }
            }
        }

        @Override
        public void close() throws IOException {
            flush();
            fallback.close();
        }
    }
}
