package io.sentio.launcher.cli;

import io.sentio.core.learn.Learner;
import io.sentio.core.learn.OnlineLearner;
import io.sentio.core.pipeline.LearnerFactory;
import io.sentio.core.pipeline.PipelineContext;
import io.sentio.journal.state.StateBlob;
import io.sentio.journal.state.StateFile;
import io.sentio.journal.state.StateFileException;
import io.sentio.journal.state.StateFileWriter;
import io.sentio.journal.state.StateHash;
import io.sentio.launcher.ExitCodes;
import io.sentio.launcher.SentioException;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A warm start (DESIGN §8): the learners and synchronizer state {@code sentio warmup} wrote into a
 * {@link StateFile}, with the sessions it was trained on. Sections besides the learner blobs:
 * {@code sync} (per symbol f64 last close, i32 missing run) and {@code warmup} (i64 first and last
 * trained New York epoch day, i32 sessions, i64 bar sets). The params fingerprint is the
 * {@link StateHash} of the params file's bytes: a state only warms a run with the same params file.
 */
final class WarmState {
    static final String SYNC = "sync";
    static final String WARMUP = "warmup";
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    private final Path path;
    private final byte[] bytes;
    private final StateFile file;
    private final double[] lastClose;
    private final int[] missingRun;
    private final LocalDate firstDay;
    private final LocalDate lastDay;
    private final int sessions;
    private final long barSets;

    private WarmState(Path path, byte[] bytes, StateFile file) {
        this.path = path;
        this.bytes = bytes;
        this.file = file;
        int n = file.symbols().size();
        DirectBuffer sync = section(SYNC, 12 * n);
        lastClose = new double[n];
        missingRun = new int[n];
        for (int s = 0; s < n; s++) {
            lastClose[s] = sync.getDouble(12 * s, LE);
            missingRun[s] = sync.getInt(12 * s + 8, LE);
        }
        DirectBuffer w = section(WARMUP, 28);
        firstDay = LocalDate.ofEpochDay(w.getLong(0, LE));
        lastDay = LocalDate.ofEpochDay(w.getLong(8, LE));
        sessions = w.getInt(16, LE);
        barSets = w.getLong(20, LE);
    }

    private DirectBuffer section(String name, int length) {
        DirectBuffer b = file.section(name);
        if (b == null || b.capacity() != length) {
            throw SentioException.badUsage("--state " + path + ": corrupted: section '" + name + "' missing or not "
                + length + " bytes");
        }
        return b;
    }

    /** Loads {@code --state}; exit 2 naming the reason if it is unusable for this universe and params file. */
    static WarmState load(Path path, List<String> symbols, byte[] paramsFile) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw SentioException.badUsage("--state: cannot read " + path + ": " + e.getMessage());
        }
        return fromBytes(bytes, path, symbols, paramsFile);
    }

    /** The same from bytes, e.g. a journal's STATE_SNAPSHOT (checked against the params file the run had). */
    static WarmState fromBytes(byte[] bytes, Path source, List<String> symbols, byte[] paramsFile) {
        StateFile file;
        try {
            file = StateFile.parse(bytes, source, symbols);
        } catch (StateFileException e) {
            throw SentioException.badUsage("--state: " + e.getMessage());
        }
        if (file.paramsFingerprint() != paramsFingerprint(paramsFile)) {
            throw SentioException.badUsage("--state: state file " + source + ": params mismatch: it was trained with "
                + "another params file (fingerprint " + StateHash.hex(file.paramsFingerprint()) + ", this run's is "
                + StateHash.hex(paramsFingerprint(paramsFile)) + ")");
        }
        return new WarmState(source, bytes, file);
    }

    static long paramsFingerprint(byte[] paramsFile) {
        return StateHash.hash(new UnsafeBuffer(paramsFile), 0, paramsFile.length);
    }

    /** Writes a state file of trained learners and synchronizer; returns its fingerprint. */
    static long write(Path out, List<String> symbols, byte[] paramsFile, OnlineLearner[] learners, double[] lastClose,
                      int[] missingRun, LocalDate first, LocalDate last, int sessions, long barSets) {
        List<StateBlob> blobs = new ArrayList<>();
        for (OnlineLearner l : learners) {
            blobs.add(new StateBlob() {
                @Override
                public int snapshotLength() {
                    return l.snapshotLength();
                }

                @Override
                public void snapshot(org.agrona.MutableDirectBuffer buffer, int offset) {
                    l.snapshot(buffer, offset);
                }
            });
        }
        UnsafeBuffer sync = new UnsafeBuffer(new byte[12 * symbols.size()]);
        for (int s = 0; s < symbols.size(); s++) {
            sync.putDouble(12 * s, lastClose[s], LE);
            sync.putInt(12 * s + 8, missingRun[s], LE);
        }
        UnsafeBuffer w = new UnsafeBuffer(new byte[28]);
        w.putLong(0, first.toEpochDay(), LE);
        w.putLong(8, last.toEpochDay(), LE);
        w.putInt(16, sessions, LE);
        w.putLong(20, barSets, LE);
        Map<String, StateBlob> sections = new TreeMap<>();
        sections.put(SYNC, StateBlob.of(sync.byteArray()));
        sections.put(WARMUP, StateBlob.of(w.byteArray()));
        try {
            return StateFileWriter.write(out, symbols, paramsFingerprint(paramsFile), blobs, sections);
        } catch (StateFileException e) {
            throw new SentioException(ExitCodes.FAILURE, "--out: " + e.getMessage(), e);
        }
    }

    /** Restores every learner and the synchronizer at the start of the run. */
    PipelineContext applyTo(PipelineContext ctx, LearnerFactory fresh) {
        return ctx.syncState(lastClose.clone(), missingRun.clone()).learnerFactory(symbol -> {
            Learner l = fresh.create(symbol);
            if (!(l instanceof OnlineLearner)) {
                throw new IllegalStateException("--state warms OnlineLearners only, got " + l.getClass().getName());
            }
            try {
                ((OnlineLearner) l).restore(file.learner(symbol), 0);
            } catch (IllegalStateException e) {
                throw SentioException.badUsage("--state " + path + ": learner of " + file.symbols().get(symbol)
                    + ": " + e.getMessage());
            }
            return l;
        });
    }

    /** The line printed on stderr when a run starts from this state. */
    String describe() {
        return "loaded state " + file.fingerprintHex() + " (" + file.symbols().size() + " symbols, " + sessions
            + " sessions " + firstDay + ".." + lastDay + ", " + barSets + " bar sets) from " + path;
    }

    long fingerprint() {
        return file.fingerprint();
    }

    byte[] bytes() {
        return bytes.clone();
    }

    LocalDate firstDay() {
        return firstDay;
    }

    int sessions() {
        return sessions;
    }

    long barSets() {
        return barSets;
    }

    /** The last session the learners were trained on: a run from this state starts after it. */
    LocalDate lastDay() {
        return lastDay;
    }
}
