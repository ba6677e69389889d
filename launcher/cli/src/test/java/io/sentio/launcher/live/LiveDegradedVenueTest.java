package io.sentio.launcher.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.core.execution.ExecutionReport;
import io.sentio.core.time.SessionCalendar;
import io.sentio.journal.JournalReader;
import io.sentio.journal.codec.BarSetRecord;
import io.sentio.journal.codec.ExecReportRecord;
import io.sentio.journal.codec.RecordKind;
import io.sentio.journal.codec.RunHeader;
import io.sentio.journal.codec.RunMode;
import io.sentio.journal.pipeline.RunJournal;
import io.sentio.launcher.BuildInfo;
import io.sentio.launcher.ExitCodes;
import io.sentio.launcher.exchange.ExchangeServer;
import io.sentio.launcher.exchange.FaultPlan;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live daemon (paper, journaled) through a degraded venue, one accelerated session with three
 * faults: the market-data socket goes silent, the account's request budget runs out as an order goes
 * out (HTTP 429 until the announced reset), and the trade_updates stream is down for 20 minutes
 * around the fill of that order.
 *
 * <p>The day is 2025-07-03, which closes at 13:00 (211 minutes), at 100x: about 130 s. Not 200x: the
 * daemon's clock re-reads the exchange's once a real second, so at 200x it jumps 200 market seconds
 * at a time, past both the silence watchdog's 90 s and the silent minute's 60 s sync timeout in one
 * step, and which of the two acts first would be luck. At 100x one step cannot reach the timeout
 * (120 s after the last bars) while it always passes the watchdog's 90 s: the socket is declared
 * dead first and the minute waits for the backfill, as it does at real speed with these params.
 *
 * <p>Live equals the backtest of the day up to the rate-limited order; its fill comes later than the
 * backtest's (the 1-2 real seconds of the 429 are 2-3 market minutes here, so it fills at a later
 * minute's open), so from there the decisions and orders still equal the backtest's but that fill's
 * minute and price, the day's return and the state hash do not.
 */
class LiveDegradedVenueTest {
    private static final LocalDate DAY = LocalDate.of(2025, 7, 3);
    /**
     * The synthetic market whose 2025-07-03 gives the order schedule the faults are laid on (two
     * entries at 10:59, the rate-limited order at 12:30, the last at 12:54); the test checks it.
     */
    private static final long SEED = 11;
    private static final double SPEED = 100;
    /** 10:30, before the learners are ready and the first order: the decisions depend on that minute. */
    private static final int SILENT_FROM = 60;
    /** The day's third order (at 12:30). */
    private static final int RATE_LIMITED_ORDER = 3;
    /** 12:20 to 12:40: the rate-limited order is decided, sent and filled inside it. */
    private static final int TRADE_UPDATES_DOWN_AT = 170;
    private static final int TRADE_UPDATES_DOWN_FOR = 20;

    @Test
    void shouldTradeThroughASilentFeedARateLimitAndATradeUpdatesOutageLosingNoMinuteFillOrOrder(@TempDir Path dir)
        throws Exception {
        LiveFixture fx = new LiveFixture(dir, SEED);
        List<String> backtest = LiveFixture.decisions(fx.backtest(DAY));
        List<String> backtestOrders = orders(backtest);
        assertEquals(4, backtestOrders.size(), "the day's orders, which the fault schedule is laid on:\n" + backtest);
        String limitedOrder = backtestOrders.get(RATE_LIMITED_ORDER - 1);
        int limitedMinute = sessionMinute(limitedOrder);
        assertTrue(sessionMinute(backtestOrders.get(RATE_LIMITED_ORDER - 2)) < TRADE_UPDATES_DOWN_AT
            && limitedMinute > TRADE_UPDATES_DOWN_AT + 5 && limitedMinute + 5 < TRADE_UPDATES_DOWN_AT + TRADE_UPDATES_DOWN_FOR
            && sessionMinute(backtestOrders.get(RATE_LIMITED_ORDER)) > TRADE_UPDATES_DOWN_AT + TRADE_UPDATES_DOWN_FOR,
            "only the rate-limited order is sent while trade_updates is down: " + backtestOrders);

        FaultPlan faults = new FaultPlan();
        faults.silentFromMinute = SILENT_FROM;
        faults.rateLimitAtOrder = RATE_LIMITED_ORDER;
        faults.tradeUpdatesDownAtMinute = TRADE_UPDATES_DOWN_AT;
        faults.tradeUpdatesDownMinutes = TRADE_UPDATES_DOWN_FOR;
        Path journal = dir.resolve("journal");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        int placed;
        int duplicates;
        int rateLimited;
        int refusedStreams;
        List<String> brokerAtEnd;
        PrintStream oldErr = System.err;
        try (ExchangeServer x = fx.exchange(DAY, SPEED, faults)) {
            // The fixture's settings: reconnects after 20-100 ms, so trade_updates gives up within the outage.
            LiveSettings settings = fx.settings(x, out, err).journal((runId, shards) -> RunJournal.open(journal,
                new RunHeader(runId, BuildInfo.codeVersion(), RunMode.LIVE_PAPER, System.currentTimeMillis(), 0,
                    fx.universe.symbols(), bytes(fx.paramsFile), bytes(fx.symbolsFile)), shards, 0, null));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            try {
                exit = new LiveDaemon(settings).run();
            } finally {
                System.setErr(oldErr);
            }
            placed = x.orderCount();
            duplicates = x.duplicateClientOrderIds();
            rateLimited = x.rateLimitedRequests();
            refusedStreams = x.refusedTradeStreamConnections();
            brokerAtEnd = x.positions();
        }
        String[] live = {String.valueOf(exit), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
        String log = live[1] + live[2];
        Files.writeString(Path.of("target", "live-degraded-venue.log"), log);
        assertEquals(ExitCodes.OK, exit, log);

        // Market data: every minute once, in order, complete; the silent one came back through the backfill.
        Journaled j = Journaled.read(journal);
        int minutes = SessionCalendar.closeMinute(DAY) + 1;
        long open = SessionCalendar.openEpochSecond(DAY.toEpochDay());
        assertEquals(minutes, j.minutes.size(), "every minute of the session journaled once");
        for (int m = 0; m < minutes; m++) {
            assertEquals(open + 60L * m, (long) j.minutes.get(m), "minute " + m + " in order, none lost or repeated");
            assertTrue(j.complete.get(m), "minute " + m + " complete: no bar forward-filled");
        }
        assertTrue(j.backfilled.get(SILENT_FROM), "the silent minute came back through the backfill");
        assertTrue(log.contains("sentio live: market data lost (no message for "), "the watchdog declared the socket dead:\n" + log);
        assertTrue(log.contains("sentio live: backfilled "), log);
        assertTrue(log.contains("minutes complete ") && log.contains(", timed out 0, ") && log.contains("late bars 0"),
            "no minute timed out, no bar late: " + log);

        // Orders: each decided order reached the exchange once, the rate-limited one after its wait.
        List<String> liveDecisions = LiveFixture.decisions(live[1]);
        assertEquals(backtestOrders, orders(liveDecisions), "the backtest's orders, same ids:\n" + live[1]);
        assertEquals(backtestOrders.size(), placed, "every order placed once");
        assertEquals(0, duplicates, "no client order id sent twice");
        assertTrue(rateLimited >= 1, "the exchange answered 429");
        assertTrue(log.contains("orders sent " + backtestOrders.size() + ", rejected 0"), log);

        // Fills: trade_updates went down, the daemon polled, the stream came back; each order settled once.
        assertTrue(log.contains("sentio live: trade_updates stream down (") && log.contains("polling orders instead"), log);
        assertTrue(log.contains("sentio live: trade_updates stream back; polling stopped"), log);
        assertTrue(refusedStreams >= 5, "reconnects refused during the outage: " + refusedStreams);
        assertEquals(backtestOrders.size(), j.reports.size(), "one execution report per order, none repeated: " + j.reports);
        for (String r : j.reports) {
            assertTrue(r.startsWith(ExecutionReport.name(ExecutionReport.FILLED) + " "), "every order filled: " + j.reports);
        }
        assertTrue(log.contains("positions: daemon flat, broker flat"), log);
        assertEquals(List.of(), brokerAtEnd);

        // Decisions: the backtest's up to the rate-limited order; its fill later; the rest the backtest's again.
        int cut = backtest.indexOf(limitedOrder) + 1;
        assertEquals(backtest.subList(0, cut), liveDecisions.subList(0, cut), "live equals the backtest through the 429");
        List<String> backtestFills = fills(backtest);
        List<String> liveFills = fills(liveDecisions);
        assertEquals(backtestFills.size(), liveFills.size(), live[1]);
        for (int i = 0; i < backtestFills.size(); i++) {
            String b = backtestFills.get(i);
            String l = liveFills.get(i);
            if (i == RATE_LIMITED_ORDER - 1) {
                assertEquals(b.substring(5, b.indexOf('@')), l.substring(5, l.indexOf('@')), "same order, same shares");
                assertTrue(sessionMinute(l) > sessionMinute(b), "filled later than in the backtest: " + l + " vs " + b);
            } else {
                assertEquals(b, l, "every other fill as in the backtest");
            }
        }
        assertFalse(log.contains(io.sentio.launcher.alpaca.ExchangeFixture.SECRET), "the API secret never appears");

        String[] replay = LiveJournalTest.run(new String[] {"replay", "--journal", journal.toString()});
        assertEquals(String.valueOf(ExitCodes.OK), replay[0], replay[1] + replay[2]);
        assertTrue(replay[1].startsWith("replay identical"), "the degraded session's journal replays: " + replay[1]);
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> orders(List<String> decisions) {
        return decisions.stream().filter(l -> l.contains("[" + LiveFixture.RUN_ID + "-")).collect(Collectors.toList());
    }

    private static List<String> fills(List<String> decisions) {
        return decisions.stream().filter(l -> l.matches("^\\d\\d:\\d\\d fill .*")).collect(Collectors.toList());
    }

    /** Session minute of a printed "HH:MM ..." line. */
    private static int sessionMinute(String line) {
        return Integer.parseInt(line.substring(0, 2)) * 60 + Integer.parseInt(line.substring(3, 5)) - (9 * 60 + 30);
    }

    /** Bar sets (minute, complete, backfilled) and execution reports ("STATUS symbol order filled") of a journal. */
    private static final class Journaled {
        final List<Long> minutes = new ArrayList<>();
        final List<Boolean> complete = new ArrayList<>();
        final List<Boolean> backfilled = new ArrayList<>();
        final List<String> reports = new ArrayList<>();

        static Journaled read(Path journal) {
            Journaled j = new Journaled();
            try (JournalReader r = JournalReader.open(journal)) {
                while (r.next()) {
                    if (r.kind() == RecordKind.BAR_SET) {
                        BarSetRecord b = r.barSet();
                        boolean all = true;
                        boolean any = false;
                        for (int s = 0; s < b.symbolCount(); s++) {
                            all &= b.present(s);
                            any |= b.backfilled(s);
                        }
                        j.minutes.add(b.minute());
                        j.complete.add(all);
                        j.backfilled.add(any);
                    } else if (r.kind() == RecordKind.EXEC_REPORT) {
                        ExecReportRecord e = r.execReport();
                        j.reports.add(ExecutionReport.name(e.status()) + " " + e.symbol() + " " + e.orderSequence() + " "
                            + e.filledQuantity());
                    }
                }
            }
            return j;
        }
    }
}
