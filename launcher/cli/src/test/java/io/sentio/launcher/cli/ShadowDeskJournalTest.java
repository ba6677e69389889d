package io.sentio.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sentio.journal.JournalReader;
import io.sentio.journal.codec.JournalFormat;
import io.sentio.journal.codec.RecordKind;
import io.sentio.launcher.Cli;
import io.sentio.launcher.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32C;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backtest --journal --shadow A --shadow B}: the journal holds every desk (DESK definitions,
 * each desk's outputs and RUN_END under its id), replay reproduces every desk, and a changed shadow
 * record diverges naming that desk.
 */
class ShadowDeskJournalTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SYMBOLS = Cli.configDir().resolve("symbols.json").toString();
    private static final String PARAMS = Cli.configDir().resolve("rotation_params.json").toString();

    private static Path paramsWith(Path dir, String name, String key, JsonNode value) throws Exception {
        ObjectNode p = (ObjectNode) MAPPER.readTree(Files.readAllBytes(Cli.configDir().resolve("rotation_params.json")));
        p.set(key, value);
        Path file = dir.resolve(name + ".json");
        MAPPER.writeValue(file.toFile(), p);
        return file;
    }

    private static Cli backtestWithShadows(Path dir, Path journal) throws Exception {
        Path eager = paramsWith(dir, "eager", "buy_threshold", MAPPER.getNodeFactory().numberNode(0.53));
        Path single = paramsWith(dir, "single", "max_positions", MAPPER.getNodeFactory().numberNode(1));
        return Cli.run("backtest", "--symbols", SYMBOLS, "--params", PARAMS, "--to", "2025-04-04", "--shadow",
            eager.toString(), "--shadow", single.toString(), "--journal", journal.toString(), "--json",
            dir.resolve("run.json").toString());
    }

    @Test
    void shouldJournalEveryShadowDeskAndReplayEachIdentically(@TempDir Path dir) throws Exception {
        Path journal = dir.resolve("journal");
        Cli run = backtestWithShadows(dir, journal);
        assertEquals(0, run.exitCode, run.toString());

        Map<Integer, Integer> fillsPerDesk = new HashMap<>();
        Map<Integer, Long> endHashes = new HashMap<>();
        try (JournalReader r = JournalReader.open(journal)) {
            while (r.next()) {
                assertEquals(JournalFormat.VERSION, r.buffer().getByte(JournalFormat.FORMAT_VERSION));
                if (r.kind() == RecordKind.DESK) {
                    assertEquals(r.desk() == 1 ? "eager" : "single", r.deskDefinition().name());
                } else if (r.kind() == RecordKind.FILL) {
                    fillsPerDesk.merge(r.desk(), 1, Integer::sum);
                } else if (r.kind() == RecordKind.RUN_END) {
                    endHashes.put(r.desk(), r.runEnd().stateHash());
                } else if (r.desk() != 0) {
                    assertTrue(r.kind() == RecordKind.SIGNALS || r.kind() == RecordKind.DECISION
                        || r.kind() == RecordKind.ORDER || r.kind() == RecordKind.SESSION_SUMMARY,
                        "a shadow desk journals only its outputs: " + r.kind());
                }
            }
        }
        JsonNode json = MAPPER.readTree(dir.resolve("run.json").toFile());
        for (int desk = 0; desk <= 2; desk++) {
            assertTrue(fillsPerDesk.getOrDefault(desk, 0) > 0, "desk " + desk + " traded: " + fillsPerDesk);
        }
        assertEquals(json.get("state_hash").asText(), io.sentio.core.state.StateCodec.hex(endHashes.get(0)));
        assertEquals(json.get("shadows").get(0).get("desk_state_hash").asText(),
            io.sentio.core.state.StateCodec.hex(endHashes.get(1)));
        assertEquals(json.get("shadows").get(1).get("desk_state_hash").asText(),
            io.sentio.core.state.StateCodec.hex(endHashes.get(2)));

        Cli replay = Cli.run("replay", "--journal", journal.toString());
        assertEquals(0, replay.exitCode, replay.toString());
        assertTrue(replay.out.startsWith("replay identical: ") && replay.out.contains(" of desk 0 and 2 shadow desk(s)"),
            replay.out);

        Cli dump = Cli.run("journal", "dump", "--journal", journal.toString(), "--kind", "DESK,FILL");
        assertEquals(0, dump.exitCode, dump.toString());
        assertTrue(dump.out.contains(" desk=1 DESK desk=1 name=eager params={"), dump.out);
        assertTrue(dump.out.contains(" desk=2 FILL id=run.s2-"), dump.out);
        assertTrue(dump.out.lines().anyMatch(l -> l.matches("seq=\\d+ index=0x[0-9a-f]+ FILL id=run-.*")),
            "desk 0's records carry no desk= column: " + dump.out);
    }

    @Test
    void shouldPutEachShadowDeskBesideTheTradedDeskInTheDailyReport(@TempDir Path dir) throws Exception {
        Path journal = dir.resolve("journal");
        assertEquals(0, backtestWithShadows(dir, journal).exitCode);
        JsonNode json = MAPPER.readTree(dir.resolve("run.json").toFile());
        Path html = dir.resolve("day.html");
        Cli report = Cli.run("report", "--journal", journal.toString(), "--date", "2025-04-03", "--html", html.toString());
        assertEquals(0, report.exitCode, report.toString());
        assertTrue(report.out.contains("shadow desks (simulated, never sent) beside the traded desk"), report.out);
        for (int d = 0; d < 2; d++) {
            JsonNode shadow = json.get("shadows").get(d);
            JsonNode day = shadow.get("daily").get(2);
            assertEquals("2025-04-03", day.get("date").asText());
            String row = String.format(java.util.Locale.ROOT, "  %-16s", shadow.get("name").asText());
            String line = report.out.lines().filter(l -> l.startsWith(row)).findFirst().orElseThrow(
                () -> new AssertionError("a row for " + shadow.get("name") + ":\n" + report.out));
            assertEquals(day.get("return_pct").asDouble(), Double.parseDouble(line.trim().split("\\s+")[2].replace(",", "")),
                5e-5, line);
        }
        assertTrue(report.out.contains("  desk 0 (traded) "), report.out);
        assertTrue(Files.readString(html).contains("<table id=\"shadow-table\""), "the HTML report has the table too");
    }

    @Test
    void shouldReplayEveryDeskOfAJournaledMockSession(@TempDir Path dir) throws Exception {
        Path eager = paramsWith(dir, "eager", "buy_threshold", MAPPER.getNodeFactory().numberNode(0.53));
        Path journal = dir.resolve("journal");
        Cli mock = Cli.run("mock", "--symbols", SYMBOLS, "--params", PARAMS, "--speed", "0", "--shadow", eager.toString(),
            "--journal", journal.toString());
        assertEquals(0, mock.exitCode, mock.toString());
        assertTrue(mock.out.contains("shadow desk eager (costs "), mock.out);
        Cli replay = Cli.run("replay", "--journal", journal.toString());
        assertEquals(0, replay.exitCode, replay.toString());
        assertTrue(replay.out.contains(" of desk 0 and 1 shadow desk(s)"), replay.out);
    }

    @Test
    void shouldVerifyEveryDeskAndAppendNothingWhenTheFinishedRunIsStartedAgain(@TempDir Path dir) throws Exception {
        Path journal = dir.resolve("journal");
        assertEquals(0, backtestWithShadows(dir, journal).exitCode);
        long records = count(journal);
        Cli again = backtestWithShadows(dir, journal);
        assertEquals(0, again.exitCode, again.toString());
        assertTrue(again.err.contains("resuming journal"), again.err);
        assertEquals(records, count(journal), "every desk's records were verified, none written twice");
    }

    private static long count(Path journal) {
        long n = 0;
        try (JournalReader r = JournalReader.open(journal)) {
            while (r.next()) {
                n++;
            }
        }
        return n;
    }

    @Test
    void shouldNameTheShadowDeskWhoseJournaledFillWasChanged(@TempDir Path dir) throws Exception {
        Path journal = dir.resolve("journal");
        Cli run = backtestWithShadows(dir, journal);
        assertEquals(0, run.exitCode, run.toString());

        Path tampered = dir.resolve("tampered");
        long[] changed = copyWithFirstFillOfDeskDearer(journal, tampered, 2, 0.25);
        Cli replay = Cli.run("replay", "--journal", tampered.toString());
        assertEquals(ExitCodes.REPLAY_DIVERGED, replay.exitCode, replay.toString());
        double price = Double.longBitsToDouble(changed[1]);
        assertTrue(replay.out.matches("(?s)replay diverged at event \\d+ in shadow desk 2 \\(single\\) \\(minute .*\\), "
            + "output #\\d+ \\(journal seq " + changed[0] + "\\): FILL field price: expected " + (price + 0.25)
            + ", actual " + price + "\\s*"), replay.out);
    }

    /**
     * Copies a journal record by record into a new Chronicle Queue (the journal's roll cycle), the
     * first FILL of {@code desk} {@code more} dearer, with a valid checksum (a changed record, not
     * damage); returns that fill's sequence and original price bits.
     */
    private static long[] copyWithFirstFillOfDeskDearer(Path from, Path to, int desk, double more) {
        long[] changed = null;
        try (JournalReader r = JournalReader.open(from);
             SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(to).rollCycle(RollCycles.FAST_DAILY)
                 .rollTime(LocalTime.MIDNIGHT, ZoneOffset.UTC).build();
             ExcerptAppender appender = queue.createAppender()) {
            while (r.next()) {
                if (changed == null && r.kind() == RecordKind.FILL && r.desk() == desk) {
                    double price = r.fill().price();
                    changed = new long[] {r.sequence(), Double.doubleToRawLongBits(price)};
                    r.buffer().putDouble(JournalFormat.FILL_PRICE, price + more, JournalFormat.ORDER);
                }
                CRC32C crc = new CRC32C();
                crc.update(r.buffer().byteArray(), 0, r.length());
                try (DocumentContext dc = appender.writingDocument()) {
                    dc.wire().bytes().write(r.buffer().byteArray(), 0, r.length());
                    dc.wire().bytes().writeInt((int) crc.getValue());
                }
            }
        }
        assertTrue(changed != null, "desk " + desk + " has a fill");
        return changed;
    }
}
