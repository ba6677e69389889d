package io.sentio.launcher.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sentio.journal.JournalReader;
import io.sentio.journal.RecordFormatter;
import io.sentio.journal.codec.RecordKind;
import io.sentio.launcher.Cli;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Helpers for tests that run the CLI with a journal over the built-in synthetic market. */
final class JournalRuns {
    static final Pattern HASH = Pattern.compile("state hash: ([0-9a-f]{16})");

    private JournalRuns() {
    }

    static String[] withConfig(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--params", params().toString(), "--symbols", Cli.configDir().resolve("symbols.json").toString()));
        return all.toArray(new String[0]);
    }

    static Path params() {
        return Cli.configDir().resolve("rotation_params.json");
    }

    static String hash(Cli run) {
        Matcher m = HASH.matcher(run.out);
        if (!m.find()) {
            throw new AssertionError("no state hash in\n" + run);
        }
        return m.group(1);
    }

    /** Every record of the given kinds, formatted without its sequence/index columns, in journal order. */
    static List<String> records(Path journal, RecordKind... kinds) {
        List<String> out = new ArrayList<>();
        RecordFormatter f = new RecordFormatter();
        try (JournalReader r = JournalReader.open(journal)) {
            while (r.next()) {
                if (r.kind() == RecordKind.RUN_HEADER) {
                    f.format(r);
                }
                if (List.of(kinds).contains(r.kind())) {
                    String line = f.format(r);
                    out.add(line.substring(line.indexOf(' ', line.indexOf("index=")) + 1));
                }
            }
        }
        return out;
    }

    static long count(Path journal, RecordKind kind) {
        return records(journal, kind).size();
    }

    static void assertOk(Cli run) {
        assertEquals(0, run.exitCode, run.toString());
    }
}
