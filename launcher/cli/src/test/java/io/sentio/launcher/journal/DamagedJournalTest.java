package io.sentio.launcher.journal;

import static io.sentio.launcher.journal.JournalRuns.assertOk;
import static io.sentio.launcher.journal.JournalRuns.withConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.journal.JournalReader;
import io.sentio.launcher.Cli;
import io.sentio.launcher.ExitCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A four-session journal with one record damaged after it was written: every tool that reads it
 * names the damaged record and exits with the bad-data code, instead of reading a shorter journal.
 */
class DamagedJournalTest {
    private static final long DAMAGED_SEQUENCE = 900;

    @TempDir
    Path tmp;
    private Path journal;

    @BeforeEach
    void recordFourSessions() {
        journal = tmp.resolve("journal");
        assertOk(backtest());
    }

    private Cli backtest() {
        return Cli.run(withConfig("backtest", "--to", "2025-04-04", "--journal", journal.toString()));
    }

    @Test
    void shouldVerifyAnIntactJournal() {
        Cli verify = Cli.run("journal", "verify", "--journal", journal.toString());
        assertEquals(ExitCodes.OK, verify.exitCode, verify.toString());
        assertTrue(verify.out.contains("0 unchecked"), verify.out);
        assertTrue(verify.out.contains("ends with RUN_END"), verify.out);
        assertTrue(verify.out.endsWith("verify: intact\n"), verify.out);
    }

    @Test
    void shouldNameTheDamagedRecordInVerifyAndSayHowMuchSurvived() throws IOException {
        damagePayloadOf(DAMAGED_SEQUENCE);
        Cli verify = Cli.run("journal", "verify", "--journal", journal.toString());
        assertEquals(ExitCodes.BAD_DATA, verify.exitCode, verify.toString());
        assertTrue(verify.out.contains("verify: 1 damaged record(s) or header(s)"), verify.out);
        assertDamageNamed(verify.out);
    }

    @Test
    void shouldStopDumpAtTheDamagedRecordWithTheBadDataCode() throws IOException {
        damagePayloadOf(DAMAGED_SEQUENCE);
        Cli dump = Cli.run("journal", "dump", "--journal", journal.toString());
        assertEquals(ExitCodes.BAD_DATA, dump.exitCode, dump.toString());
        assertEquals(DAMAGED_SEQUENCE, dump.out.lines().count(), "the records before the damage are printed");
        assertDamageNamed(dump.err);
    }

    @Test
    void shouldRefuseToReplayADamagedJournalAsBadDataNotDivergence() throws IOException {
        damagePayloadOf(DAMAGED_SEQUENCE);
        Cli replay = Cli.run("replay", "--journal", journal.toString());
        assertEquals(ExitCodes.BAD_DATA, replay.exitCode, replay.toString());
        assertDamageNamed(replay.err);
    }

    @Test
    void shouldRefuseToReportFromADamagedJournal() throws IOException {
        damagePayloadOf(DAMAGED_SEQUENCE);
        Cli report = Cli.run("report", "--journal", journal.toString());
        assertEquals(ExitCodes.BAD_DATA, report.exitCode, report.toString());
        assertDamageNamed(report.err);
    }

    @Test
    void shouldRefuseToResumeADamagedJournal() throws IOException {
        damagePayloadOf(DAMAGED_SEQUENCE);
        Cli resume = backtest();
        assertEquals(ExitCodes.BAD_DATA, resume.exitCode, resume.toString());
        assertTrue(resume.err.contains("cannot resume"), resume.err);
        assertDamageNamed(resume.err);
    }

    @Test
    void shouldReportADamagedDocumentHeaderInsteadOfAShorterJournal() throws IOException {
        byte[] file = Files.readAllBytes(cycleFile());
        int at = offsetOf(file, DAMAGED_SEQUENCE) - 4;
        Arrays.fill(file, at, at + 4, (byte) 0);
        Files.write(cycleFile(), file);
        Cli dump = Cli.run("journal", "dump", "--journal", journal.toString());
        assertEquals(ExitCodes.BAD_DATA, dump.exitCode, dump.toString());
        assertTrue(dump.err.contains("sequence " + DAMAGED_SEQUENCE + ", "), dump.err);
        assertTrue(dump.err.contains("the Chronicle document header is damaged"), dump.err);
        Cli replay = Cli.run("replay", "--journal", journal.toString());
        assertEquals(ExitCodes.BAD_DATA, replay.exitCode, replay.toString());
    }

    private static void assertDamageNamed(String text) {
        assertTrue(text.matches("(?s).*damaged record at index 0x[0-9a-f]+, sequence " + DAMAGED_SEQUENCE
            + ", after input minute 2025-04-0\\dT\\d\\d:\\d\\d:00Z.*: checksum mismatch.*"), text);
    }

    /** Flips 64 bytes inside one record's payload, as a disk or a stray write would. */
    private void damagePayloadOf(long sequence) throws IOException {
        byte[] file = Files.readAllBytes(cycleFile());
        int at = offsetOf(file, sequence) + 24;
        for (int i = at; i < at + 64; i++) {
            file[i] ^= (byte) 0xff;
        }
        Files.write(cycleFile(), file);
    }

    private int offsetOf(byte[] file, long sequence) throws IOException {
        byte[] record;
        try (JournalReader r = JournalReader.open(journal)) {
            assertTrue(r.toSequence(sequence));
            assertTrue(r.next());
            assertTrue(r.length() >= 24 + 64, "a record long enough to damage 64 bytes of it");
            record = Arrays.copyOf(r.buffer().byteArray(), r.length());
        }
        for (int i = 0; i + record.length <= file.length; i++) {
            if (Arrays.equals(file, i, i + record.length, record, 0, record.length)) {
                return i;
            }
        }
        throw new AssertionError("record " + sequence + " not found in " + cycleFile());
    }

    private Path cycleFile() throws IOException {
        try (Stream<Path> files = Files.list(journal)) {
            return files.filter(f -> f.toString().endsWith(".cq4")).findFirst().orElseThrow();
        }
    }
}
