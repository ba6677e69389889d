package io.sentio.journal.pipeline;

import io.sentio.core.execution.ExecutionReport;
import io.sentio.core.market.BarSet;
import io.sentio.core.pipeline.Stages;
import io.sentio.core.time.SessionCalendar;
import io.sentio.journal.Journal;
import io.sentio.journal.JournalDivergenceException;
import io.sentio.journal.JournalException;
import io.sentio.journal.JournalReader;
import io.sentio.journal.JournalWriter;
import io.sentio.journal.RecordVerifier;
import io.sentio.journal.codec.BarSetRecord;
import io.sentio.journal.codec.DeskDefinition;
import io.sentio.journal.codec.JournalFormat;
import io.sentio.journal.codec.ExecReportRecord;
import io.sentio.journal.codec.RecordKind;
import io.sentio.journal.codec.RunHeader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.agrona.DirectBuffer;

/**
 * One run's journal as the pipeline writes it (DESIGN §8): the run header and initial state from
 * the launching thread, inputs from {@link #journalIn()}, outputs from {@link #journalOut()}, and a
 * RUN_END with the final state hash. Opening a directory that already holds a journal of the same
 * run (same header but for the start time) resumes it after a crash: the run first re-publishes
 * the journaled inputs ({@link #replayInputs}), and every writer checks what it would write
 * against what the journal holds ({@link RecordVerifier}) until it reaches the end, then appends.
 * A run with shadow desks defines them (DESK records after the header) and journals their outputs
 * through {@link #shadowRecorder()} under their desk ids. A RUN_END that a stopped run wrote (SIGTERM
 * in a live session) is not the end of a resumed run: {@link #checkStop} checks the re-run stands
 * there once the inputs are re-published, and the run writes its own RUN_END at its end.
 */
public final class RunJournal implements AutoCloseable {
    private static final RecordKind[] INPUTS = {RecordKind.BAR_SET, RecordKind.CLOCK, RecordKind.EXEC_REPORT};
    private static final RecordKind[] OUTPUTS = {RecordKind.SIGNALS, RecordKind.DECISION, RecordKind.ORDER,
        RecordKind.FILL, RecordKind.SKIPPED, RecordKind.FAILED, RecordKind.SESSION_SUMMARY};
    /** RUN_END is not among them: a journal may hold a stop's RUN_END before the run's ({@link JournaledEnds}). */
    private static final RecordKind[] CONTROL = {RecordKind.RUN_HEADER, RecordKind.STATE_SNAPSHOT,
        RecordKind.DESK};

    private final Journal journal;
    private final RunHeader header;
    private final List<DeskDefinition> desks;
    private final boolean resumed;
    private final long resumeLimit;
    private final JournaledEnds ends;
    private final JournalWriter control;
    private final JournalInHandler in;
    private final JournalOutHandler out;
    private final ShadowJournal shadows;
    private volatile RuntimeException failure;

    private RunJournal(Path dir, long minFreeBytes, RunHeader header, List<DeskDefinition> desks, int shards,
                       long stateFingerprint, DirectBuffer state) {
        checkDesks(desks);
        this.desks = List.copyOf(desks);
        checkJournalDirectory(dir);
        // Opened writable before anything is read: a writer killed while creating the queue leaves
        // metadata that only a writable open repairs (a read-only open refuses it).
        this.journal = Journal.open(new Journal.Context().directory(dir).symbolCount(header.symbols().size())
            .minFreeBytes(minFreeBytes));
        RunHeader existing;
        try {
            existing = firstHeader(journal, dir);
            String differs = existing == null ? null : differingField(existing, header);
            if (differs != null) {
                throw new JournalException("journal " + dir + " holds another run (its " + differs
                    + " differs); give --journal a new directory");
            }
            if (existing != null) {
                requireIntact(journal);
            }
        } catch (RuntimeException e) {
            journal.close();
            throw e;
        }
        this.header = existing == null ? header : resumedHeader(existing, header);
        this.resumed = existing != null;
        this.resumeLimit = journal.nextSequence();
        try {
            this.ends = resumed ? JournaledEnds.read(journal, resumeLimit, desks.size()) : JournaledEnds.none(desks.size());
            this.control = startControl(stateFingerprint, state);
        } catch (RuntimeException e) {
            journal.close();
            throw e;
        }
        this.in = new JournalInHandler(this, header.symbols().size());
        this.out = new JournalOutHandler(this, header.runId(), header.symbols(), new Stages(shards).execution());
        this.shadows = desks.isEmpty() ? null : new ShadowJournal(this, header.runId(), header.symbols(), desks.size());
    }

    /** Shadow desks are numbered 1..k in the order given. */
    private static void checkDesks(List<DeskDefinition> desks) {
        for (int i = 0; i < desks.size(); i++) {
            if (desks.get(i).desk() != i + 1) {
                throw new IllegalArgumentException("shadow desk " + desks.get(i).name() + " has id " + desks.get(i).desk()
                    + ", expected " + (i + 1) + " (shadow desks are numbered 1..k in order)");
            }
        }
    }

    /** A resumed run keeps the original start time, so its header verifies byte for byte. */
    private static RunHeader resumedHeader(RunHeader existing, RunHeader header) {
        return new RunHeader(header.runId(), header.codeVersion(), header.mode(), existing.startEpochMillis(),
            header.initialStateFingerprint(), header.symbols(), header.paramsJson(), header.symbolsJson());
    }

    /** The writer of RUN_HEADER, the initial state and RUN_END; a write failure here closes the journal. */
    private JournalWriter startControl(long stateFingerprint, DirectBuffer state) {
        JournalWriter w = journal.createWriter();
        if (resumed) {
            w.verifyAgainst(journal.createVerifier(resumeLimit, CONTROL));
        }
        w.appendRunHeader(header);
        if (state != null) {
            w.appendStateSnapshot(stateFingerprint, state, 0, state.capacity());
        }
        for (DeskDefinition d : desks) {
            w.appendDesk(d);
        }
        return w;
    }

    /**
     * Opens (or resumes) the journal in {@code dir} and writes the header, and the initial state
     * file's bytes when the run starts from one ({@code state} null otherwise). {@code shards} is
     * the pipeline's K (it numbers the stages in FAILED records). Refuses to start with less than
     * {@code minFreeBytes} free on the directory's file system ({@link io.sentio.journal.JournalSpaceException}).
     */
    public static RunJournal open(Path dir, long minFreeBytes, RunHeader header, int shards, long stateFingerprint,
                                  DirectBuffer state) {
        return open(dir, minFreeBytes, header, List.of(), shards, stateFingerprint, state);
    }

    /**
     * {@link #open(Path, long, RunHeader, int, long, DirectBuffer)} for a run with shadow desks,
     * defined by {@code desks} (ids 1..k, in the pipeline's order). A resumed run must define the
     * same desks (its DESK records are verified like the header).
     */
    public static RunJournal open(Path dir, long minFreeBytes, RunHeader header, List<DeskDefinition> desks, int shards,
                                  long stateFingerprint, DirectBuffer state) {
        return new RunJournal(dir, minFreeBytes, header, desks, shards, stateFingerprint, state);
    }

    /** {@link #open(Path, long, RunHeader, int, long, DirectBuffer)} with the default free-space minimum. */
    public static RunJournal open(Path dir, RunHeader header, int shards, long stateFingerprint, DirectBuffer state) {
        return open(dir, io.sentio.journal.JournalSpace.MIN_FREE_BYTES, header, shards, stateFingerprint, state);
    }

    /** Refuses a directory that holds files but no Chronicle Queue: --journal must not scribble into it. */
    private static void checkJournalDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            String foreign = files.map(f -> f.getFileName().toString())
                .filter(name -> !isChronicleFile(name)).findFirst().orElse(null);
            if (foreign != null) {
                throw new JournalException(dir + " holds files that are not a Chronicle Queue journal (" + foreign
                    + ")");
            }
        } catch (IOException e) {
            throw new JournalException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Cycle and table files, and the {@code .discard} files Chronicle renames a cycle file to when a
     * writer was killed while creating it (it holds no record).
     */
    private static boolean isChronicleFile(String name) {
        return name.endsWith(".cq4") || name.endsWith(".cq4t") || name.matches(".*\\.cq4-\\d+\\.discard");
    }

    /** A run resumes only from a journal whose every record checks out: damage throws JournalCorruptException. */
    private static void requireIntact(Journal journal) {
        try (JournalReader r = journal.createReader()) {
            while (r.next()) {
                // next() checks each record
            }
            r.requireEnd();
        }
    }

    /** The journal's RUN_HEADER, or null when it holds no complete record yet. */
    private static RunHeader firstHeader(Journal journal, Path dir) {
        try (JournalReader r = journal.createReader()) {
            if (!r.next()) {
                return null;
            }
            if (r.kind() != RecordKind.RUN_HEADER) {
                throw new JournalException("journal " + dir + " starts with " + r.kind() + ", not RUN_HEADER");
            }
            return r.runHeader();
        }
    }

    /** The first field (other than the start time) in which two run headers differ, or null. */
    static String differingField(RunHeader a, RunHeader b) {
        if (!a.runId().equals(b.runId())) {
            return "run id (" + a.runId() + " vs " + b.runId() + ")";
        }
        if (a.mode() != b.mode()) {
            return "mode (" + a.mode() + " vs " + b.mode() + ")";
        }
        if (!a.codeVersion().equals(b.codeVersion())) {
            return "code version (" + a.codeVersion() + " vs " + b.codeVersion() + ")";
        }
        if (!a.symbols().equals(b.symbols())) {
            return "symbol list";
        }
        if (a.initialStateFingerprint() != b.initialStateFingerprint()) {
            return "initial state fingerprint";
        }
        if (!java.util.Arrays.equals(a.paramsJson(), b.paramsJson())) {
            return "params file";
        }
        return java.util.Arrays.equals(a.symbolsJson(), b.symbolsJson()) ? null : "symbols file";
    }

    public JournalInHandler journalIn() {
        return in;
    }

    public JournalOutHandler journalOut() {
        return out;
    }

    /** The hook that journals the shadow desks' outputs (PipelineContext#shadowRecorder); null without desks. */
    public io.sentio.core.pipeline.ShadowRecorder shadowRecorder() {
        return shadows;
    }

    /** The shadow desks this journal defines, in order (desk ids 1..k). */
    public List<DeskDefinition> desks() {
        return desks;
    }

    /** Whether the journal held this run already (a restart after a crash). */
    public boolean resumed() {
        return resumed;
    }

    /**
     * Hands every input journaled before this process started (BAR_SET rebuilt into {@code scratch},
     * CLOCK as millis, EXEC_REPORT as a report) to {@code sink}, in journal order; returns the last bar set's minute, or
     * Long.MIN_VALUE if there was none. The caller publishes them, then continues its source after
     * that minute.
     */
    public long replayInputs(BarSet scratch, InputSink sink) {
        long last = Long.MIN_VALUE;
        if (!resumed) {
            return last;
        }
        ExecutionReport report = new ExecutionReport();
        try (JournalReader r = journal.createReader().kinds(INPUTS)) {
            while (r.next() && r.sequence() < resumeLimit) {
                if (r.kind() == RecordKind.CLOCK) {
                    sink.clock(r.clock().epochMillis());
                } else if (r.kind() == RecordKind.EXEC_REPORT) {
                    sink.report(toReport(r.execReport(), report));
                } else {
                    toBarSet(r.barSet(), scratch);
                    last = scratch.epochSecond;
                    sink.barSet(scratch, r.barSet().backfilled(0));
                }
            }
        }
        return last;
    }

    /** Rebuilds an execution report from its record. */
    public static ExecutionReport toReport(ExecReportRecord r, ExecutionReport out) {
        return out.set(r.symbol(), r.orderSequence(), r.status(), r.filledQuantity(), r.averagePrice(),
            r.venueMillis());
    }

    /** Rebuilds a received bar set from its record: flags and values exactly as journaled. */
    public static void toBarSet(BarSetRecord r, BarSet out) {
        long t = r.minute();
        long day = SessionCalendar.nyEpochDay(t);
        out.reset(t, day, SessionCalendar.sessionMinute(t), SessionCalendar.closeMinute(day));
        for (int s = 0; s < r.symbolCount(); s++) {
            out.present[s] = r.present(s);
            out.open[s] = r.open(s);
            out.high[s] = r.high(s);
            out.low[s] = r.low(s);
            out.close[s] = r.close(s);
            out.volume[s] = r.volume(s);
        }
    }

    /** {@link #finish(long, long, long...)} with the run's and each shadow desk's own state hash. */
    public void finish(io.sentio.core.pipeline.RunResult result) {
        long[] shadows = new long[result.shadows.size()];
        for (int d = 0; d < shadows.length; d++) {
            shadows[d] = result.shadows.get(d).stateHash;
        }
        finish(result.barSets, result.stateHash, shadows);
    }

    /**
     * Resuming a run that was stopped (its journal ends with a RUN_END and the run goes on): once
     * the journaled inputs went through the pipeline, {@code barSets} of them, checks that the stop's
     * RUN_END records were written there (see {@link JournaledEnds#checkStop}). Throws
     * JournalDivergenceException if not; does nothing when the journal holds no RUN_END.
     */
    public void checkStop(long barSets) {
        ends.checkStop(barSets);
    }

    /**
     * Writes RUN_END (or, resuming a finished run that ends where the journal's did, checks it),
     * then one RUN_END per shadow desk under its id with the desk's own state hash
     * ({@code shadowStateHashes}, in desk order); call after the pipeline drained. A resumed run
     * that goes past a stop's RUN_END must have passed {@link #checkStop}.
     */
    public void finish(long barSets, long stateHash, long... shadowStateHashes) {
        requireShadowHashes(shadowStateHashes);
        if (ends.appendNeeded(0, barSets, stateHash)) {
            control.appendRunEnd(barSets, stateHash);
        }
        for (int d = 0; d < shadowStateHashes.length; d++) {
            if (ends.appendNeeded(d + 1, barSets, shadowStateHashes[d])) {
                control.desk(d + 1).appendRunEnd(barSets, shadowStateHashes[d]);
            }
        }
        control.desk(0);
    }

    private void requireShadowHashes(long[] shadowStateHashes) {
        if (shadowStateHashes.length != desks.size()) {
            throw new IllegalArgumentException("the journal defines " + desks.size() + " shadow desk(s), "
                + shadowStateHashes.length + " state hash(es) given");
        }
    }

    /** Whether a recovering writer found the re-run differing from the journal (see {@link #failure()}). */
    public boolean hasDiverged() {
        return failure instanceof JournalDivergenceException;
    }

    /** The first exception a journal stage threw, or null. */
    public RuntimeException failure() {
        return failure;
    }

    void noteFailure(RuntimeException e) {
        if (failure == null) {
            failure = e;
        }
    }

    JournalWriter inputWriter() {
        return writer(0, 0, INPUTS);
    }

    JournalWriter outputWriter() {
        return writer(0, 0, OUTPUTS);
    }

    /** One writer for every shadow desk: they are journaled desk after desk on one thread. */
    JournalWriter shadowWriter() {
        return writer(1, JournalFormat.MAX_DESK, OUTPUTS);
    }

    private JournalWriter writer(int deskFrom, int deskTo, RecordKind... kinds) {
        JournalWriter w = journal.createWriter();
        return resumed ? w.verifyAgainst(journal.createVerifier(resumeLimit, deskFrom, deskTo, kinds)) : w;
    }

    public RunHeader header() {
        return header;
    }

    public Path directory() {
        return journal.directory();
    }

    @Override
    public void close() {
        journal.close();
    }

    /** Receives journaled inputs during recovery. */
    public interface InputSink {
        /** {@code backfilled}: the set was assembled from bars fetched after a feed reconnect (live). */
        void barSet(BarSet set, boolean backfilled);

        void clock(long epochMillis);

        void report(ExecutionReport report);
    }
}
