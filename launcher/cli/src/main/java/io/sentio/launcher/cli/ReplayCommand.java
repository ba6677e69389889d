package io.sentio.launcher.cli;

import io.sentio.core.config.StrategyParams;
import io.sentio.core.execution.ExecutionReport;
import io.sentio.core.execution.ReportedVenue;
import io.sentio.core.market.BarSet;
import io.sentio.core.market.Universe;
import io.sentio.core.pipeline.Pipeline;
import io.sentio.core.pipeline.PipelineContext;
import io.sentio.core.pipeline.RunResult;
import io.sentio.core.state.StateCodec;
import io.sentio.journal.Divergence;
import io.sentio.journal.JournalComparator;
import io.sentio.journal.JournalException;
import io.sentio.journal.JournalReader;
import io.sentio.journal.JournalSpace;
import io.sentio.journal.codec.DeskDefinition;
import io.sentio.journal.codec.JournalFormat;
import io.sentio.journal.codec.RecordKind;
import io.sentio.journal.codec.RunHeader;
import io.sentio.journal.codec.RunMode;
import io.sentio.journal.pipeline.RunJournal;
import io.sentio.launcher.ExitCodes;
import io.sentio.launcher.SentioException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.agrona.ExpandableArrayBuffer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sentio replay} (DESIGN §4, §8): rebuilds the run from its journal header (params and
 * symbols files as given, the initial state from STATE_SNAPSHOT), feeds the recorded BAR_SET and
 * CLOCK records (and, for a live or paper session, its EXEC_REPORTs into a {@link ReportedVenue}
 * that sends nothing) in order through a fresh pipeline journaling into a scratch directory, compares
 * every signal, decision, order and fill with the recorded ones ({@link JournalComparator}), then
 * the final state hash with RUN_END. A run with shadow desks (DESK records) replays them too, from
 * their recorded params files: each desk's outputs and its own RUN_END state hash are compared,
 * and a difference names the desk. Exit 0 when identical, 4 at the first difference.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = "Re-run a journal through a fresh pipeline; exit 4 at the first differing output.")
public final class ReplayCommand implements Callable<Integer> {
    private static final RecordKind[] INPUTS = {RecordKind.BAR_SET, RecordKind.CLOCK, RecordKind.EXEC_REPORT};
    private final EngineWiring wiring;
    private final PrintStream out;

    @Option(names = "--journal", paramLabel = "DIR", required = true, description = "Journal directory of a run.")
    Path journal;

    @Option(names = "--params", paramLabel = "FILE",
        description = "Replay with these params instead of the recorded ones (a changed value must diverge).")
    Path params;

    public ReplayCommand(EngineWiring wiring, PrintStream out) {
        this.wiring = wiring;
        this.out = out;
    }

    @Override
    public Integer call() throws IOException {
        Recorded rec = Recorded.read(CliOptions.existingDir(journal, "--journal"));
        Path scratch = Files.createTempDirectory("sentio-replay");
        try {
            return replay(rec, scratch);
        } finally {
            deleteTree(scratch);
        }
    }

    private int replay(Recorded rec, Path scratch) throws IOException {
        RunHeader h = rec.header;
        if (rec.version < JournalFormat.VERSION) {
            out.println("replay cannot be identical: --journal " + journal + " was written with journal format version "
                + rec.version + " (code version " + h.codeVersion() + "); this build writes version " + JournalFormat.VERSION
                + ", whose learners compute with fused multiply-adds and take the confidence x'Px before the update of P"
                + " (Sherman-Morrison), which rounds differently: replay it with the build that wrote it");
            return ExitCodes.REPLAY_DIVERGED;
        }
        Path symbolsFile = Files.write(scratch.resolve("symbols-from-journal.json"), h.symbolsJson());
        Path paramsFile = params != null ? params : Files.write(scratch.resolve("params-from-journal.json"), h.paramsJson());
        Universe universe = wiring.universe(symbolsFile);
        StrategyParams p = wiring.params(paramsFile);
        List<PipelineContext.ShadowSpec> shadows = new ArrayList<>();
        for (DeskDefinition d : rec.desks) {
            Path file = Files.write(scratch.resolve("shadow-" + d.desk() + "-from-journal.json"), d.paramsJson());
            shadows.add(new PipelineContext.ShadowSpec(d.name(), wiring.params(file)));
        }
        PipelineContext ctx = new PipelineContext().universe(universe).params(p).learnerFactory(wiring.learners(p))
            .runId(h.runId()).shadows(shadows);
        if (rec.state != null) {
            WarmState.fromBytes(rec.state, journal, universe.symbols(), h.paramsJson()).applyTo(ctx, wiring.learners(p));
        }
        boolean live = h.mode() == RunMode.LIVE || h.mode() == RunMode.LIVE_PAPER;
        if (live) {
            ctx.venue(new ReportedVenue(universe.size()));
        }
        RunHeader replayHeader = new RunHeader(h.runId(), h.codeVersion(), RunMode.REPLAY, h.startEpochMillis(),
            h.initialStateFingerprint(), h.symbols(), h.paramsJson(), h.symbolsJson());
        Path actualDir = scratch.resolve("journal");
        RunResult result;
        long inputs;
        int shards = concluded(ctx).shards();
        try (RunJournal actual = RunJournal.open(actualDir, JournalSpace.MIN_FREE_BYTES, replayHeader, rec.desks, shards,
            0, null)) {
            Pipeline pipeline = new Pipeline(ctx.copy().journalIn(actual.journalIn()).journalOut(actual.journalOut())
                .shadowRecorder(actual.shadowRecorder()).conclude());
            pipeline.start();
            inputs = feed(pipeline, universe.size());
            result = pipeline.finish();
            actual.finish(result);
        }
        long matched = 0;
        for (int desk = 0; desk <= rec.desks.size(); desk++) {
            String name = desk == 0 ? "desk 0" : rec.desks.get(desk - 1).name();
            Divergence d;
            try (JournalReader expected = JournalReader.open(journal); JournalReader actual = JournalReader.open(actualDir)) {
                JournalComparator cmp = new JournalComparator(expected, actual, h.symbols(), desk, name);
                d = cmp.finish();
                matched += cmp.matched();
            }
            if (d != null) {
                out.println(describe(d, inputs));
                return ExitCodes.REPLAY_DIVERGED;
            }
        }
        if (!rec.finished) {
            out.println("replay: " + matched + " outputs identical, but the journal has no RUN_END after its last input (the"
                + " run did not finish or is still running): final state hash not recorded, replay's is " + result.stateHashHex());
            return ExitCodes.REPLAY_DIVERGED;
        }
        if (rec.stateHash != result.stateHash) {
            out.println("replay diverged at the end (event " + inputs + "): RUN_END field state hash: expected "
                + StateCodec.hex(rec.stateHash) + ", actual " + result.stateHashHex());
            return ExitCodes.REPLAY_DIVERGED;
        }
        for (int desk = 1; desk <= rec.desks.size(); desk++) {
            RunResult shadow = result.shadows.get(desk - 1);
            Long recorded = rec.shadowHashes.get(desk);
            if (recorded == null || recorded != shadow.stateHash) {
                out.println("replay diverged at the end (event " + inputs + "): shadow desk " + desk + " ("
                    + shadow.name + ") RUN_END field state hash: expected "
                    + (recorded == null ? "a RUN_END of the desk" : StateCodec.hex(recorded)) + ", actual "
                    + shadow.stateHashHex());
                return ExitCodes.REPLAY_DIVERGED;
            }
        }
        out.println("replay identical: " + inputs + " events, " + matched + " outputs"
            + (rec.desks.isEmpty() ? "" : " of desk 0 and " + rec.desks.size() + " shadow desk(s)")
            + ", state hash: " + result.stateHashHex());
        return ExitCodes.OK;
    }

    /** The replay's context concluded; a --params whose model differs from the shadow desks' is bad usage. */
    private PipelineContext concluded(PipelineContext ctx) {
        try {
            return ctx.conclude();
        } catch (IllegalArgumentException e) {
            throw SentioException.badUsage((params != null ? "--params " + params + ": " : "--journal " + journal + ": ")
                + e.getMessage());
        }
    }

    /**
     * Publishes every recorded input in journal order (a live run's EXEC_REPORTs too, which the
     * {@link ReportedVenue} settles orders from); returns how many.
     */
    private long feed(Pipeline pipeline, int symbols) {
        BarSet set = new BarSet(symbols);
        ExecutionReport report = new ExecutionReport();
        long n = 0;
        try (JournalReader r = JournalReader.open(journal).kinds(INPUTS)) {
            while (r.next()) {
                if (r.kind() == RecordKind.CLOCK) {
                    pipeline.publishClock(r.clock().epochMillis(), System.nanoTime());
                } else if (r.kind() == RecordKind.EXEC_REPORT) {
                    pipeline.publishReport(RunJournal.toReport(r.execReport(), report));
                } else {
                    RunJournal.toBarSet(r.barSet(), set);
                    pipeline.publish(set, System.nanoTime(), r.barSet().backfilled(0));
                }
                n++;
            }
        }
        return n;
    }

    /** The divergence with the event (input record) index it belongs to, found through its minute. */
    private String describe(Divergence d, long inputs) {
        boolean expectedSide = d.expectedIndex() >= 0;
        long minute = minuteOf(expectedSide ? journal : null, expectedSide ? d.expectedIndex() : -1);
        long event = minute == Long.MIN_VALUE ? inputs : eventIndex(minute);
        return "replay diverged at event " + event + (d.desk() == 0 ? "" : " in shadow desk " + d.desk() + " ("
            + d.deskName() + ")") + (minute == Long.MIN_VALUE ? "" : " (minute "
            + java.time.Instant.ofEpochSecond(minute).atZone(io.sentio.core.time.SessionCalendar.NEW_YORK)
                .toLocalDateTime() + " New York)")
            + ", output #" + d.outputNumber() + " (journal seq " + d.expectedSequence() + "): " + d.kind()
            + " field " + d.field() + ": expected " + d.expected() + ", actual " + d.actual();
    }

    private long minuteOf(Path dir, long index) {
        if (dir == null) {
            return Long.MIN_VALUE;
        }
        try (JournalReader r = JournalReader.open(dir)) {
            if (!r.toIndex(index) || !r.next()) {
                return Long.MIN_VALUE;
            }
            // Every output record kind keeps its minute at the same offset as BAR_SET's.
            return r.buffer().getLong(io.sentio.journal.codec.JournalFormat.MINUTE, io.sentio.journal.codec.JournalFormat.ORDER);
        }
    }

    private long eventIndex(long minute) {
        long n = 0;
        try (JournalReader r = JournalReader.open(journal).kinds(INPUTS)) {
            while (r.next()) {
                if (r.kind() == RecordKind.BAR_SET && r.barSet().minute() == minute) {
                    return n;
                }
                n++;
            }
        }
        return n;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.delete(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** What the recorded journal says about its run. */
    private static final class Recorded {
        RunHeader header;
        /** Format version of the RUN_HEADER record: the arithmetic the run was computed with. */
        int version;
        byte[] state;
        final List<DeskDefinition> desks = new ArrayList<>();
        final Map<Integer, Long> shadowHashes = new HashMap<>();
        boolean finished;
        long stateHash;

        static Recorded read(Path dir) {
            Recorded rec = new Recorded();
            try (JournalReader r = JournalReader.open(dir)
                .kinds(RecordKind.RUN_HEADER, RecordKind.STATE_SNAPSHOT, RecordKind.DESK, RecordKind.RUN_END,
                    RecordKind.BAR_SET, RecordKind.CLOCK, RecordKind.EXEC_REPORT)) {
                while (r.next()) {
                    if (r.kind() == RecordKind.RUN_HEADER && rec.header == null) {
                        rec.header = r.runHeader();
                        rec.version = r.buffer().getByte(JournalFormat.FORMAT_VERSION);
                    } else if (r.kind() == RecordKind.STATE_SNAPSHOT && rec.state == null) {
                        ExpandableArrayBuffer b = new ExpandableArrayBuffer(r.stateSnapshot().blobLength());
                        r.stateSnapshot().getBlob(b, 0);
                        rec.state = new byte[r.stateSnapshot().blobLength()];
                        b.getBytes(0, rec.state);
                    } else if (r.kind() == RecordKind.DESK) {
                        rec.desks.add(r.deskDefinition());
                    } else if (r.kind() == RecordKind.RUN_END && r.desk() != 0) {
                        rec.shadowHashes.put(r.desk(), r.runEnd().stateHash());
                    } else if (r.kind() == RecordKind.RUN_END) {
                        rec.finished = true;
                        rec.stateHash = r.runEnd().stateHash();
                    } else if (JournalVerifyCommand.isInput(r.kind())) {
                        // the RUN_END before was a stop's (SIGTERM) and the run was resumed after it
                        rec.finished = false;
                    }
                }
                r.requireEnd();
            } catch (JournalException e) {
                throw SentioException.badData("--journal: " + e.getMessage());
            }
            if (rec.header == null) {
                throw SentioException.badData("--journal " + dir + ": no RUN_HEADER record");
            }
            return rec;
        }
    }
}
