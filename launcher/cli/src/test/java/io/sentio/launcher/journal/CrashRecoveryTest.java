package io.sentio.launcher.journal;

import static io.sentio.launcher.journal.JournalRuns.assertOk;
import static io.sentio.launcher.journal.JournalRuns.hash;
import static io.sentio.launcher.journal.JournalRuns.records;
import static io.sentio.launcher.journal.JournalRuns.withConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.core.time.SessionCalendar;
import io.sentio.journal.JournalComparator;
import io.sentio.journal.JournalReader;
import io.sentio.journal.codec.RecordKind;
import io.sentio.launcher.Cli;
import io.sentio.launcher.SentioProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sentio mock --journal} in a child JVM killed with SIGKILL at several points (while the
 * warm-up sessions stream unpaced, and twice during the paced day after some orders), then run
 * again to the end: the recovered run must end with the uninterrupted run's state hash and
 * journal, and no client order id may be sent (printed by the execution stage) twice.
 */
class CrashRecoveryTest {
    private static final Pattern ORDER_ID = Pattern.compile("\\[(run-[^\\]]+)]");
    private static final String SPEED = "2000";

    @TempDir
    Path tmp;

    @Test
    void shouldRecoverFromKillNineWithTheUninterruptedRunsHashAndStreamAndNoOrderSentTwice() throws Exception {
        Path reference = tmp.resolve("reference");
        Cli uninterrupted = Cli.run(withConfig("mock", "--speed", SPEED, "--journal", reference.toString()));
        assertOk(uninterrupted);

        Path crashed = tmp.resolve("crashed");
        List<String> printed = new ArrayList<>();
        Random random = new Random(20251124);
        SentioProcess first = startMock(crashed, tmp.resolve("c1.err"));
        awaitFirstJournalCycle(crashed, 120);
        awaitJournaledBarSets(crashed, 1 + random.nextInt(SessionCalendar.BARS_PER_FULL_SESSION), 120);
        printed.addAll(first.kill9());
        // the day sends about 16 orders: the two kills together must leave some for the last run
        int secondKillAfter = 3 + random.nextInt(4);
        SentioProcess second = startMock(crashed, tmp.resolve("c2.err"));
        second.await(lines -> orderIds(lines).size() >= secondKillAfter, 120);
        printed.addAll(second.kill9());
        int thirdKillAfter = 3 + random.nextInt(4);
        SentioProcess third = startMock(crashed, tmp.resolve("c3.err"));
        third.await(lines -> orderIds(lines).size() >= thirdKillAfter, 120);
        printed.addAll(third.kill9());

        SentioProcess last = startMock(crashed, tmp.resolve("c4.err"));
        assertEquals(0, last.waitForExit(300), () -> "the recovered run finishes\n" + last.stderr());
        printed.addAll(last.lines);
        String out = String.join("\n", last.lines);
        assertEquals(hash(uninterrupted), JournalRuns.HASH.matcher(out).results().findFirst().orElseThrow().group(1));

        try (JournalReader e = JournalReader.open(reference); JournalReader a = JournalReader.open(crashed)) {
            assertNull(new JournalComparator(e, a, List.of()).finish(), "signals, decisions, orders, fills");
        }
        for (RecordKind k : List.of(RecordKind.BAR_SET, RecordKind.DECISION, RecordKind.ORDER, RecordKind.FILL,
            RecordKind.SESSION_SUMMARY, RecordKind.RUN_HEADER, RecordKind.RUN_END)) {
            List<String> expected = records(reference, k);
            List<String> actual = records(crashed, k);
            if (k == RecordKind.RUN_HEADER) {
                expected = List.of(expected.get(0).replaceAll("start=\\d+", ""));
                actual = List.of(actual.get(0).replaceAll("start=\\d+", ""));
            }
            assertEquals(expected, actual, k + " records, each exactly once");
        }
        List<String> ids = orderIds(printed);
        assertEquals(ids.size(), new HashSet<>(ids).size(), "an order id was sent twice: " + ids);
        Set<String> journaled = new HashSet<>();
        for (String order : records(crashed, RecordKind.ORDER)) {
            Matcher m = Pattern.compile("id=(\\S+)").matcher(order);
            assertTrue(m.find());
            journaled.add(m.group(1));
        }
        assertTrue(journaled.containsAll(ids), "only journaled orders were sent");
        assertTrue(ids.size() >= 10, "the kills happened during the paced day, after orders: " + ids.size());
    }

    private static List<String> orderIds(List<String> lines) {
        List<String> ids = new ArrayList<>();
        for (String line : lines) {
            Matcher m = ORDER_ID.matcher(line);
            if (m.find()) {
                ids.add(m.group(1));
            }
        }
        return ids;
    }

    /**
     * The first kill lands while warm-up sessions stream into the journal, unpaced: the journal is
     * read only once its first cycle file exists.
     */
    private static void awaitFirstJournalCycle(Path journal, long timeoutSeconds) throws Exception {
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(journal)) {
                try (Stream<Path> files = Files.list(journal)) {
                    if (files.anyMatch(f -> f.getFileName().toString().endsWith(".cq4"))) {
                        return;
                    }
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no journal cycle file in " + journal + " within " + timeoutSeconds + " s");
    }

    /**
     * Waits until the journal holds {@code count} bar sets: a kill point inside the first warm-up
     * session, whatever the machine's speed.
     */
    private static void awaitJournaledBarSets(Path journal, int count, long timeoutSeconds) throws Exception {
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            int barSets = 0;
            try (JournalReader r = JournalReader.open(journal)) {
                while (barSets < count && r.next()) {
                    if (r.kind() == RecordKind.BAR_SET) {
                        barSets++;
                    }
                }
            }
            if (barSets >= count) {
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("fewer than " + count + " bar sets in " + journal + " within " + timeoutSeconds + " s");
    }

    /** The same mock command in a child JVM, so it can be killed with SIGKILL. */
    private static SentioProcess startMock(Path journal, Path err) throws Exception {
        return SentioProcess.start(err, withConfig("mock", "--speed", SPEED, "--journal", journal.toString()));
    }
}
