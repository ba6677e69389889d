package io.sentio.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.journal.Journal;
import io.sentio.journal.JournalWriter;
import io.sentio.journal.codec.DecisionKind;
import io.sentio.journal.codec.FillStatus;
import io.sentio.journal.codec.OrderType;
import io.sentio.journal.codec.RunHeader;
import io.sentio.journal.codec.RunMode;
import io.sentio.journal.codec.Side;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalDumpCommandTest {
    private static final long MINUTE = 1_743_514_200L;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @BeforeEach
    void capture() {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    private void writeJournal() {
        try (Journal journal = Journal.open(new Journal.Context().directory(dir).symbolCount(2))) {
            JournalWriter w = journal.createWriter();
            w.appendRunHeader(new RunHeader("run-1", "dev", RunMode.MOCK, 1L, 2L, List.of("SPY", "SH"),
                "{}".getBytes(StandardCharsets.UTF_8), "[\"SPY\",\"SH\"]".getBytes(StandardCharsets.UTF_8)));
            w.appendBarSet(MINUTE, new boolean[] {true, false}, new boolean[] {false, false},
                new double[] {563.25, Double.NaN}, new double[] {564, Double.NaN}, new double[] {563, Double.NaN},
                new double[] {563.5, Double.NaN}, new double[] {1200, Double.NaN});
            w.appendDecision(MINUTE, DecisionKind.ENTER, 0, 0.4, 0.6, 1);
            w.appendOrder("run-1-1743514200-SPY-1", MINUTE, 0, Side.BUY, 17, OrderType.MARKET);
            w.appendFill("run-1-1743514200-SPY-1", MINUTE + 60, 0, Side.BUY, 17, 563.31, 0, FillStatus.FILLED);
        }
    }

    private String[] lines() {
        return out.toString(StandardCharsets.UTF_8).split("\n");
    }

    @Test
    void shouldPrintEveryRecordOnItsOwnLineWithSymbolNames() {
        writeJournal();
        assertEquals(0, SentioMain.run("journal", "dump", "--journal", dir.toString()));
        String[] lines = lines();
        assertEquals(5, lines.length);
        assertTrue(lines[0].startsWith("seq=0 index=0x") && lines[0].contains("RUN_HEADER run=run-1"), lines[0]);
        assertTrue(lines[1].contains("BAR_SET minute=2025-04-01T09:30:00-04:00 SPY{o=563.25 h=564.0 l=563.0"
            + " c=563.5 v=1200.0} SH{absent}"), lines[1]);
        assertTrue(lines[4].contains("FILL id=run-1-1743514200-SPY-1 minute=2025-04-01T09:31:00-04:00 FILLED BUY"
            + " 17 SPY @ 563.31"), lines[4]);
    }

    @Test
    void shouldFilterByKindAndStartAtASequenceNumber() {
        writeJournal();
        assertEquals(0, SentioMain.run("journal", "dump", "--journal", dir.toString(), "--kind", "order,fill",
            "--from", "4"));
        String[] lines = lines();
        assertEquals(1, lines.length);
        assertTrue(lines[0].startsWith("seq=4 ") && lines[0].contains(" FILL "), lines[0]);
    }

    @Test
    void shouldExitWithBadUsageForAnUnknownKindOrAMissingJournal() {
        writeJournal();
        assertEquals(2, SentioMain.run("journal", "dump", "--journal", dir.toString(), "--kind", "TRADES"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--kind: unknown record kind 'TRADES'"));
        assertEquals(2, SentioMain.run("journal", "dump", "--journal", dir.resolve("none").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--journal: no journal at"));
    }
}
