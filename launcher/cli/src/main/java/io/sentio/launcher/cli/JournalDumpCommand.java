package io.sentio.launcher.cli;

import io.sentio.journal.JournalException;
import io.sentio.journal.JournalReader;
import io.sentio.journal.RecordFormatter;
import io.sentio.journal.codec.RecordKind;
import io.sentio.launcher.ExitCodes;
import io.sentio.launcher.SentioException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sentio journal dump}: prints a journal's records as text, one per line. */
@Command(name = "dump", mixinStandardHelpOptions = true,
    description = "Print the records of a journal as text, one per line, in journal order.")
public final class JournalDumpCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--journal", required = true, paramLabel = "DIR", description = "Journal directory of a run.")
    Path journal;

    @Option(names = "--from", paramLabel = "N", defaultValue = "0",
        description = "First record sequence number to print (the seq= column); default ${DEFAULT-VALUE}.")
    long from;

    @Option(names = "--kind", paramLabel = "K", split = ",",
        description = "Only these record kinds (comma-separated, case-insensitive), e.g. DECISION,ORDER,FILL.")
    List<String> kinds = new ArrayList<>();

    @Override
    public Integer call() {
        if (from < 0) {
            throw SentioException.badUsage("--from must be >= 0: " + from);
        }
        RecordKind[] selected = parseKinds();
        PrintWriter out = spec.commandLine().getOut();
        try (JournalReader reader = JournalReader.open(journal)) {
            RecordFormatter formatter = new RecordFormatter();
            if (reader.kinds(RecordKind.RUN_HEADER).next()) {
                formatter.symbols(reader.runHeader().symbols());
            }
            reader.kinds(selected);
            if (reader.toSequence(from)) {
                while (reader.next()) {
                    out.println(formatter.format(reader));
                }
                reader.requireEnd();
            }
            out.flush();
        } catch (JournalException e) {
            out.flush();
            if (e.getMessage().startsWith("no journal at")) {
                throw SentioException.badUsage("--journal: " + e.getMessage());
            }
            throw new SentioException(ExitCodes.BAD_DATA, e.getMessage(), e);
        }
        return ExitCodes.OK;
    }

    private RecordKind[] parseKinds() {
        RecordKind[] selected = new RecordKind[kinds.size()];
        for (int i = 0; i < selected.length; i++) {
            String k = kinds.get(i).trim().toUpperCase(Locale.ROOT);
            try {
                selected[i] = RecordKind.valueOf(k);
            } catch (IllegalArgumentException e) {
                throw SentioException.badUsage("--kind: unknown record kind '" + kinds.get(i) + "'; kinds are "
                    + Arrays.toString(RecordKind.values()));
            }
        }
        return selected;
    }

    /** {@code sentio journal}: groups the journal tools. */
    @Command(name = "journal", mixinStandardHelpOptions = true, description = "Journal tools.",
        subcommands = {JournalDumpCommand.class, JournalVerifyCommand.class})
    public static final class Group implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }
    }
}
