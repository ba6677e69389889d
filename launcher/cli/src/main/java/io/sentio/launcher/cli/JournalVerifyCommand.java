package io.sentio.launcher.cli;

import io.sentio.journal.JournalCorruptException;
import io.sentio.journal.JournalException;
import io.sentio.journal.JournalReader;
import io.sentio.journal.codec.RecordKind;
import io.sentio.launcher.ExitCodes;
import io.sentio.launcher.SentioException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sentio journal verify}: reads every record of a journal, checking each one's checksum,
 * and prints what is intact; exit 3 (bad data) when a record is damaged. Reading goes on past a
 * damaged record, so the report says how much of the rest survived too.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = "Check every record of a journal (CRC32C, format, length) and print what is intact; exit 3 if a "
        + "record is damaged.")
public final class JournalVerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--journal", required = true, paramLabel = "DIR", description = "Journal directory of a run.")
    Path journal;

    static boolean isInput(RecordKind kind) {
        return kind == RecordKind.BAR_SET || kind == RecordKind.CLOCK || kind == RecordKind.EXEC_REPORT;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Map<RecordKind, Long> byKind = new EnumMap<>(RecordKind.class);
        long firstMinute = Long.MIN_VALUE;
        long damaged = 0;
        long intactAfterDamage = 0;
        JournalCorruptException first = null;
        long unchecked;
        long intact;
        // a RUN_END followed by inputs was a stop's (SIGTERM), and the run was resumed after it
        boolean endsWithRunEnd = false;
        try (JournalReader reader = JournalReader.open(journal)) {
            while (true) {
                try {
                    if (!reader.next()) {
                        break;
                    }
                } catch (JournalCorruptException e) {
                    damaged++;
                    first = first == null ? e : first;
                    continue;
                }
                byKind.merge(reader.kind(), 1L, Long::sum);
                if (reader.kind() == RecordKind.RUN_END) {
                    endsWithRunEnd = true;
                } else if (isInput(reader.kind())) {
                    endsWithRunEnd = false;
                }
                if (first != null) {
                    intactAfterDamage++;
                }
                if (firstMinute == Long.MIN_VALUE) {
                    firstMinute = reader.lastInputMinute();
                }
            }
            try {
                reader.requireEnd();
            } catch (JournalCorruptException e) {
                damaged++;
                first = first == null ? e : first;
            }
            unchecked = reader.uncheckedRecords();
            intact = reader.intactRecords();
            out.println("journal " + journal + ": " + intact + " record(s) intact, " + (intact - unchecked)
                + " checked by CRC32C, " + unchecked + " unchecked (format version 1, no checksum)");
            if (firstMinute != Long.MIN_VALUE) {
                out.println("  input minutes " + Instant.ofEpochSecond(firstMinute) + " .. "
                    + Instant.ofEpochSecond(reader.lastInputMinute()));
            }
        } catch (JournalException e) {
            throw SentioException.badUsage("--journal: " + e.getMessage());
        }
        StringBuilder kinds = new StringBuilder("  by kind:");
        byKind.forEach((k, n) -> kinds.append(' ').append(k).append(' ').append(n));
        out.println(kinds);
        out.println("  " + (endsWithRunEnd ? "ends with RUN_END: the run finished or was stopped (SIGTERM)"
            : byKind.containsKey(RecordKind.RUN_END)
            ? "inputs after its last RUN_END: resumed after a stop, then killed or still running"
            : "no RUN_END: the run was killed or is still running"));
        if (first == null) {
            out.println("verify: intact");
            out.flush();
            return ExitCodes.OK;
        }
        out.println("verify: " + damaged + " damaged record(s) or header(s), " + intactAfterDamage
            + " record(s) intact after the first: " + first.getMessage());
        out.flush();
        return ExitCodes.BAD_DATA;
    }
}
