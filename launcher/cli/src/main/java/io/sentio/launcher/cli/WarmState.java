package io.sentio.launcher.cli;

import io.sentio.core.learn.Learner;
import io.sentio.core.learn.OnlineLearner;
import io.sentio.core.pipeline.LearnerFactory;
import io.sentio.core.pipeline.PipelineContext;
import io.sentio.core.state.StateCodec;
import io.sentio.core.state.Stateful;
import io.sentio.core.sync.BarSetSynchronizer;
import io.sentio.journal.state.StateBlob;
import io.sentio.journal.state.StateFile;
import io.sentio.journal.state.StateFileException;
import io.sentio.journal.state.StateFileWriter;
import io.sentio.launcher.ExitCodes;
import io.sentio.launcher.SentioException;
import java.io.IOException;
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
 * {@link StateFile}, with the sessions it was trained on. Every blob is a component's
 * {@link StateCodec} walk, written and read back by the same walk: the learners, {@code sync}
 * ({@link BarSetSynchronizer}: per symbol f64 last close, i32 missing run) and {@code warmup}
 * ({@link Span}: i64 first and last trained New York epoch day, i32 sessions, i64 bar sets) and, when
 * the params decide by expected return, {@code calibration} (the desk's calibration walk). The
 * params fingerprint is the
 * {@link StateCodec#hashOf} of the params file's bytes: a state only warms a run with the same params file.
 */
final class WarmState {
    static final String SYNC = "sync";
    static final String WARMUP = "warmup";
    /** The expected_return desk's calibration ({@link io.sentio.core.decision.ReturnCalibration}); only under that rule. */
    static final String CALIBRATION = "calibration";

    private final Path path;
    private final byte[] bytes;
    private final StateFile file;
    private final double[] lastClose;
    private final int[] missingRun;
    private final Span span = new Span();
    private final byte[] calibration;

    private WarmState(Path path, byte[] bytes, StateFile file) {
        this.path = path;
        this.bytes = bytes;
        this.file = file;
        int n = file.symbols().size();
        BarSetSynchronizer sync = new BarSetSynchronizer(n, 0, 0);
        restore(SYNC, sync);
        lastClose = new double[n];
        missingRun = new int[n];
        for (int s = 0; s < n; s++) {
            lastClose[s] = sync.lastClose(s);
            missingRun[s] = sync.missingRun(s);
        }
        restore(WARMUP, span);
        DirectBuffer c = file.section(CALIBRATION);
        calibration = c == null ? null : new byte[c.capacity()];
        if (c != null) {
            c.getBytes(0, calibration);
        }
    }

    /** Reads section {@code name} with {@code component}'s walk, which must take exactly its bytes. */
    private void restore(String name, Stateful component) {
        DirectBuffer b = file.section(name);
        int length = StateCodec.lengthOf(component);
        if (b == null || b.capacity() != length) {
            throw SentioException.badUsage("--state " + path + ": corrupted: section '" + name + "' missing or not "
                + length + " bytes");
        }
        component.visit(new StateCodec().readingFrom(b, 0));
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
                + "another params file (fingerprint " + StateCodec.hex(file.paramsFingerprint()) + ", this run's is "
                + StateCodec.hex(paramsFingerprint(paramsFile)) + ")");
        }
        return new WarmState(source, bytes, file);
    }

    static long paramsFingerprint(byte[] paramsFile) {
        return StateCodec.hashOf(new UnsafeBuffer(paramsFile), 0, paramsFile.length);
    }

    /** Writes a state file of trained learners and the synchronizer they ran behind; returns its fingerprint. */
    static long write(Path out, List<String> symbols, byte[] paramsFile, OnlineLearner[] learners, Stateful sync,
                      Stateful calibration, LocalDate first, LocalDate last, int sessions, long barSets) {
        List<StateBlob> blobs = new ArrayList<>();
        for (OnlineLearner l : learners) {
            blobs.add(StateBlob.of(l));
        }
        Span span = new Span();
        span.firstDay = first.toEpochDay();
        span.lastDay = last.toEpochDay();
        span.sessions = sessions;
        span.barSets = barSets;
        Map<String, StateBlob> sections = new TreeMap<>();
        sections.put(SYNC, StateBlob.of(sync));
        sections.put(WARMUP, StateBlob.of(span));
        if (calibration != null) {
            sections.put(CALIBRATION, StateBlob.of(calibration));
        }
        try {
            return StateFileWriter.write(out, symbols, paramsFingerprint(paramsFile), blobs, sections);
        } catch (StateFileException e) {
            throw new SentioException(ExitCodes.FAILURE, "--out: " + e.getMessage(), e);
        }
    }

    /** Restores every learner, the synchronizer and (under expected_return) the calibration at the start of the run. */
    PipelineContext applyTo(PipelineContext ctx, LearnerFactory fresh) {
        if (calibration != null) {
            ctx.calibrationState(calibration.clone());
        }
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
        return "loaded state " + file.fingerprintHex() + " (" + file.symbols().size() + " symbols, " + sessions()
            + " sessions " + firstDay() + ".." + lastDay() + ", " + barSets() + " bar sets) from " + path;
    }

    long fingerprint() {
        return file.fingerprint();
    }

    byte[] bytes() {
        return bytes.clone();
    }

    LocalDate firstDay() {
        return LocalDate.ofEpochDay(span.firstDay);
    }

    int sessions() {
        return span.sessions;
    }

    long barSets() {
        return span.barSets;
    }

    /** The last session the learners were trained on: a run from this state starts after it. */
    LocalDate lastDay() {
        return LocalDate.ofEpochDay(span.lastDay);
    }

    /** The sessions a state was trained on: the {@code warmup} section. */
    private static final class Span implements Stateful {
        long firstDay;
        long lastDay;
        int sessions;
        long barSets;

        @Override
        public void visit(StateCodec c) {
            firstDay = c.l(firstDay);
            lastDay = c.l(lastDay);
            sessions = c.i(sessions);
            barSets = c.l(barSets);
        }
    }
}
