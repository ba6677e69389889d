package io.sentio.launcher.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.core.execution.ExecutionReport;
import io.sentio.journal.JournalReader;
import io.sentio.journal.codec.ExecReportRecord;
import io.sentio.journal.codec.RecordKind;
import io.sentio.launcher.ExitCodes;
import io.sentio.launcher.exchange.ExchangeServer;
import io.sentio.launcher.exchange.FaultPlan;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sentio live --paper --journal} against the stand-in filling every order in two parts (and
 * cancelling the first order's rest): the daemon applies each order once, whole, after its final
 * report; its positions end equal to the broker's; the journal replays identically, and a journal
 * with one broker report changed does not. One session serves all of it (about 40 s at 600x here).
 */
class LivePartialFillsTest {
    private static final double SPEED = 600;
    private static final Pattern POSITIONS = Pattern.compile("positions: daemon (\\S+), broker (\\S+)");

    @Test
    void shouldApplyEachPartFilledOrderOnceWholeMatchTheBrokerAndReplayOnlyTheUntamperedJournal(@TempDir Path dir)
        throws Exception {
        LiveFixture fx = new LiveFixture(dir);
        Path journal = dir.resolve("journal");
        FaultPlan faults = new FaultPlan();
        faults.partialFills = true;
        faults.cancelRestOfNthOrder = 1;
        String[] live;
        List<String> brokerAtEnd;
        try (ExchangeServer x = fx.exchange(SPEED, faults)) {
            live = LiveJournalTest.run(fx.cliArgs(x, "--journal", journal.toString()));
            brokerAtEnd = x.positions();
        }
        java.nio.file.Files.writeString(Path.of("target", "live-partial-fills.log"), live[1] + live[2]);
        assertEquals("0", live[0], live[2]);
        String liveHash = live[1].lines().filter(l -> l.startsWith("state hash: ")).findFirst().orElseThrow()
            .substring("state hash: ".length());

        Recorded rec = Recorded.read(journal);
        assertTrue(rec.orders.size() >= 4, "the session traded: " + rec.orders.keySet() + "\n" + live[1]);
        long first = rec.orders.keySet().iterator().next();
        long partFilled = 0;
        long tamperOrder = -1;
        for (Map.Entry<Long, Long> o : rec.orders.entrySet()) {
            long seq = o.getKey();
            long qty = o.getValue();
            List<long[]> reports = rec.reports.get(seq);
            String what = "order " + seq + " of " + qty + " shares, reports (status, filled, journal seq) "
                + describe(reports);
            if (reports.size() == 1 && reports.get(0)[0] == ExecutionReport.REJECTED) {
                // A buy sent while the sell that pays for it is only part-filled: the cash account refuses it
                // (insufficient buying power), the slot is freed, and a later bar decides again.
                assertEquals(1, rec.fills.get(seq).size(), what);
                assertEquals(0, (long) rec.fills.get(seq).get(0)[0], "a rejected order fills nothing: " + what);
                continue;
            }
            partFilled++;
            assertTrue(qty >= 2, what);
            assertEquals(2, reports.size(), what);
            assertEquals(ExecutionReport.PARTIAL, reports.get(0)[0], what);
            assertEquals(qty / 2, reports.get(0)[1], what);
            long filled = seq == first ? qty / 2 : qty;
            assertEquals(seq == first ? ExecutionReport.CANCELLED : ExecutionReport.FILLED, reports.get(1)[0],
                "the first order's rest is cancelled, every other order fills: " + what);
            assertEquals(filled, reports.get(1)[1], what);

            List<double[]> fills = rec.fills.get(seq);
            assertEquals(1, fills.size(), "applied once: " + what);
            assertEquals(filled, (long) fills.get(0)[0], "whole: what the final report says filled, " + what);
            assertEquals(rec.reportPrice.get(reports.get(1)[2]), fills.get(0)[1], 0.0, "at the average fill price");
            assertTrue(fills.get(0)[2] > reports.get(1)[2], "applied after the final report: " + what);
            if (seq != first) {
                assertRestFilledAtTheNextMinutesOpen(rec, o.getValue(), reports);
                tamperOrder = tamperOrder < 0 ? seq : tamperOrder;
            }
        }
        assertTrue(partFilled >= 4, "orders filled in two parts: " + partFilled);

        Matcher m = POSITIONS.matcher(live[2]);
        assertTrue(m.find(), live[2]);
        assertEquals(m.group(2), m.group(1), "daemon and broker positions agree at the end");
        assertEquals(m.group(2).equals("flat") ? List.of() : List.of(m.group(2).split(",")), brokerAtEnd);

        String[] replay = LiveJournalTest.run(new String[] {"replay", "--journal", journal.toString()});
        assertEquals(String.valueOf(ExitCodes.OK), replay[0], replay[1] + replay[2]);
        assertTrue(replay[1].startsWith("replay identical") && replay[1].contains(liveHash), replay[1]);

        // One broker report changed: a filled order's final average price, 25 cents higher.
        long tamperedSeq = rec.reports.get(tamperOrder).get(1)[2];
        double price = rec.reportPrice.get(tamperedSeq);
        Path tampered = dir.resolve("tampered");
        copyWithReportPrice(journal, tampered, tamperedSeq, price + 0.25);
        String[] diverged = LiveJournalTest.run(new String[] {"replay", "--journal", tampered.toString()});
        java.nio.file.Files.writeString(Path.of("target", "live-partial-fills.log"), live[1] + live[2] + replay[1]
            + diverged[1]);
        assertEquals(String.valueOf(ExitCodes.REPLAY_DIVERGED), diverged[0], diverged[1] + diverged[2]);
        assertTrue(diverged[1].matches("(?s)replay diverged at event \\d+ \\(minute .*\\), output #\\d+ \\(journal seq "
            + (long) rec.fills.get(tamperOrder).get(0)[2] + "\\): FILL field price: expected " + price + ", actual "
            + (price + 0.25) + "\\s*"), "names the fill of the changed report: " + diverged[1]);
    }

    /** The final average price is the partial's price and the next minute's open, weighted by shares. */
    private static void assertRestFilledAtTheNextMinutesOpen(Recorded rec, long qty, List<long[]> reports) {
        double first = rec.reportPrice.get(reports.get(0)[2]);
        double average = rec.reportPrice.get(reports.get(1)[2]);
        long half = qty / 2;
        double rest = (average * qty - first * half) / (qty - half);
        int symbol = (int) reports.get(0)[3];
        boolean found = false;
        for (Map.Entry<Long, double[]> bar : rec.opens.entrySet()) {
            double[] next = rec.opens.get(bar.getKey() + 60);
            found |= bar.getValue()[symbol] == first && next != null && Math.abs(next[symbol] - rest) < 1e-6;
        }
        assertTrue(found, "part at a minute's open " + first + ", rest at the next minute's open " + rest);
    }

    private static String describe(List<long[]> reports) {
        StringBuilder b = new StringBuilder();
        for (long[] r : reports == null ? List.<long[]>of() : reports) {
            b.append(" (").append(ExecutionReport.name((int) r[0])).append(", ").append(r[1]).append(", ").append(r[2])
                .append(')');
        }
        return b.toString();
    }

    /**
     * Copies a journal record by record into a new Chronicle Queue (the journal's roll cycle), with
     * the EXEC_REPORT of journal sequence {@code sequence} given another average price.
     */
    private static void copyWithReportPrice(Path from, Path to, long sequence, double price) {
        ExecReportRecord report = new ExecReportRecord();
        boolean changed = false;
        try (JournalReader r = JournalReader.open(from);
             SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(to).rollCycle(RollCycles.FAST_DAILY)
                 .rollTime(LocalTime.MIDNIGHT, ZoneOffset.UTC).build();
             ExcerptAppender appender = queue.createAppender()) {
            while (r.next()) {
                if (r.kind() == RecordKind.EXEC_REPORT && r.sequence() == sequence) {
                    ExecReportRecord e = r.execReport();
                    report.encode(r.buffer(), 0, sequence, e.orderSequence(), e.symbol(), e.status(), e.filledQuantity(),
                        price, e.venueMillis());
                    changed = true;
                }
                // a different recorded input, not damage: the record carries a valid checksum
                CRC32C crc = new CRC32C();
                crc.update(r.buffer().byteArray(), 0, r.length());
                try (DocumentContext dc = appender.writingDocument()) {
                    dc.wire().bytes().write(r.buffer().byteArray(), 0, r.length());
                    dc.wire().bytes().writeInt((int) crc.getValue());
                }
            }
        }
        assertTrue(changed, "journal seq " + sequence + " is an EXEC_REPORT");
    }

    /** What the journal holds about orders, reports, fills and bar opens. */
    private static final class Recorded {
        /** Order sequence to shares ordered, in sequence order. */
        final Map<Long, Long> orders = new TreeMap<>();
        /** Order sequence to its reports: {status, filled, journal seq, symbol}. */
        final Map<Long, List<long[]>> reports = new HashMap<>();
        /** Journal seq of a report to its average price. */
        final Map<Long, Double> reportPrice = new HashMap<>();
        /** Order sequence to its fills: {qty, price, journal seq}. */
        final Map<Long, List<double[]>> fills = new HashMap<>();
        /** Minute (epoch second) to every symbol's open. */
        final Map<Long, double[]> opens = new HashMap<>();

        static Recorded read(Path journal) {
            Recorded rec = new Recorded();
            try (JournalReader r = JournalReader.open(journal)) {
                while (r.next()) {
                    if (r.kind() == RecordKind.ORDER) {
                        rec.orders.put(sequenceOf(r.order().clientOrderId()), r.order().qty());
                    } else if (r.kind() == RecordKind.EXEC_REPORT) {
                        ExecReportRecord e = r.execReport();
                        rec.reports.computeIfAbsent(e.orderSequence(), k -> new ArrayList<>())
                            .add(new long[] {e.status(), e.filledQuantity(), r.sequence(), e.symbol()});
                        rec.reportPrice.put(r.sequence(), e.averagePrice());
                    } else if (r.kind() == RecordKind.FILL) {
                        rec.fills.computeIfAbsent(sequenceOf(r.fill().clientOrderId()), k -> new ArrayList<>())
                            .add(new double[] {r.fill().qty(), r.fill().price(), r.sequence()});
                    } else if (r.kind() == RecordKind.BAR_SET) {
                        double[] open = new double[r.barSet().symbolCount()];
                        for (int i = 0; i < open.length; i++) {
                            open[i] = r.barSet().open(i);
                        }
                        rec.opens.put(r.barSet().minute(), open);
                    }
                }
            }
            return rec;
        }

        /** The run-wide order sequence at the end of a client order id (RUN-second-SYMBOL-sequence). */
        private static long sequenceOf(String clientOrderId) {
            return Long.parseLong(clientOrderId.substring(clientOrderId.lastIndexOf('-') + 1));
        }
    }
}
