package io.sentio.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.journal.Journal;
import io.sentio.journal.JournalWriter;
import io.sentio.journal.codec.DecisionKind;
import io.sentio.journal.codec.FillStatus;
import io.sentio.journal.codec.RunHeader;
import io.sentio.journal.codec.RunMode;
import io.sentio.journal.codec.Side;
import io.sentio.launcher.Cli;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sentio report --journal}: daily reports rebuilt from journal records written with the journal API. */
class ReportCommandTest {
    private static final List<String> SYMBOLS = List.of("AAA", "BBB");
    /** 2025-04-01 09:30 and 2025-04-02 09:30, New York (EDT). */
    private static final long DAY1 = 1_743_514_200L;
    private static final long DAY2 = DAY1 + 86_400;
    private static final String PARAMS = "{\"costs\": {\"slippage_bps\": 2.5, \"commission_per_share\": 0.01}}";

    private static void bars(JournalWriter w, long minute, double aaa, double bbb) {
        w.appendBarSet(minute, new boolean[] {true, true}, new boolean[2], new double[] {aaa, bbb},
            new double[] {aaa, bbb}, new double[] {aaa, bbb}, new double[] {aaa, bbb}, new double[] {100, 100});
    }

    /** Day 1: AAA bought 10 at 100, sold 10 at 102 (commission 0.10 each), one cancelled order, a summary.
     *  Day 2: BBB bought 5 at 50, last close 52, no summary (a live day cut short). */
    private static Path journal(Path dir) {
        Path j = dir.resolve("journal");
        try (Journal journal = Journal.open(new Journal.Context().directory(j).symbolCount(2))) {
            JournalWriter w = journal.createWriter();
            w.appendRunHeader(new RunHeader("mock1", "test", RunMode.MOCK, 0L, 7L, SYMBOLS,
                PARAMS.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8)));
            bars(w, DAY1, 100, 50);
            w.appendDecision(DAY1, DecisionKind.ENTER, 0, 0.6, 0.6, 1);
            w.appendOrder("mock1-" + DAY1 + "-AAA-0", DAY1, 0, Side.BUY, 10, io.sentio.journal.codec.OrderType.MARKET);
            w.appendFill("mock1-" + DAY1 + "-AAA-0", DAY1 + 60, 0, Side.BUY, 10, 100.0, 0.10, FillStatus.FILLED);
            w.appendFill("mock1-" + DAY1 + "-BBB-1", DAY1 + 60, 1, Side.BUY, 0, Double.NaN, 0, FillStatus.CANCELLED);
            bars(w, DAY1 + 120, 101, 50);
            w.appendDecision(DAY1 + 120, DecisionKind.EOD_FLATTEN, 0, 0.5, 0.5, 4);
            w.appendFill("mock1-" + (DAY1 + 120) + "-AAA-2", DAY1 + 180, 0, Side.SELL, 10, 102.0, 0.10,
                FillStatus.FILLED);
            w.appendSessionSummary(DAY1 / 86_400, 100_019.8, 100_019.8 / 100_000 - 1, 2);
            bars(w, DAY2, 70, 50);
            w.appendFill("mock1-" + DAY2 + "-BBB-3", DAY2 + 60, 1, Side.BUY, 5, 50.0, 0.05, FillStatus.FILLED);
            bars(w, DAY2 + 120, 70, 52);
        }
        return j;
    }

    @Test
    void shouldReportTheLastSessionOfAJournalByDefault(@TempDir Path dir) {
        Cli cli = Cli.run("report", "--journal", journal(dir).toString());
        assertEquals(0, cli.exitCode, cli.toString());
        assertTrue(cli.out.startsWith("sentio mock session 2025-04-02  run mock1"), cli.out);
        assertTrue(cli.out.contains("costs assumed: max(2.50 bp of the price, 0.50 tick x $0.0100 = $0.0050) per share per fill,"
            + " against the order; commission $0.0100 per share"), cli.out);
        assertTrue(cli.out.contains("start equity          100019.80"), cli.out);
        assertTrue(cli.out.contains("end equity            100029.75"), "BBB marked at its last close: 5 * 2 - 0.05");
        assertTrue(cli.out.contains("session summary journaled (0: equity from fills and last closes)              0"),
            cli.out);
    }

    @Test
    void shouldRebuildTradesPnlAndRoundTripsOfTheChosenSession(@TempDir Path dir) throws Exception {
        Path html = dir.resolve("day.html");
        Cli cli = Cli.run("report", "--journal", journal(dir).toString(), "--date", "2025-04-01", "--html", html.toString());
        assertEquals(0, cli.exitCode, cli.toString());
        String out = cli.out;
        assertTrue(out.contains("P&L                       19.80"), out);
        assertTrue(out.contains("AAA                 19.80"), "2 * 10 - 0.20 commission: " + out);
        assertTrue(out.contains("round trips                           1"), out);
        assertTrue(out.contains("win rate                         1.0000"), out);
        assertTrue(out.contains("cancelled orders                      1"), out);
        assertTrue(out.contains("decisions ENTER                       1"), out);
        assertTrue(out.contains("decisions EOD_FLATTEN                 1"), out);
        assertTrue(out.contains("trades (2)"), out);
        assertTrue(out.contains("09:31:00 AAA      BUY        10     100.0000        1000.00  mock1-" + DAY1 + "-AAA-0"), out);
        assertTrue(out.contains("latency (us)\n  not measured"), "the journal holds no latency record");
        String page = Files.readString(html, StandardCharsets.UTF_8);
        assertTrue(page.contains("<table id=\"trades-table\""));
        assertTrue(page.contains("sentio mock session 2025-04-01"));
    }

    @Test
    void shouldRejectADateTheJournalDoesNotHold(@TempDir Path dir) {
        Cli cli = Cli.run("report", "--journal", journal(dir).toString(), "--date", "2025-05-01");
        assertEquals(2, cli.exitCode, cli.toString());
        assertTrue(cli.err.contains("--date 2025-05-01: not in the journal (sessions 2025-04-01 to 2025-04-02)"), cli.err);
    }

    @Test
    void shouldNameTheOptionWhenTheJournalIsMissing(@TempDir Path dir) {
        Cli cli = Cli.run("report", "--journal", dir.resolve("nope").toString());
        assertEquals(2, cli.exitCode, cli.toString());
        assertTrue(cli.err.contains("--journal: no journal at"), cli.err);
    }
}
