package io.sentio.bench;

import io.sentio.journal.Journal;
import io.sentio.journal.JournalReader;
import io.sentio.journal.JournalWriter;
import io.sentio.journal.codec.DecisionKind;
import io.sentio.journal.codec.FillStatus;
import io.sentio.journal.codec.OrderType;
import io.sentio.journal.codec.RecordKind;
import io.sentio.journal.codec.RunHeader;
import io.sentio.journal.codec.RunMode;
import io.sentio.journal.codec.Side;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Journal size of one 391-minute session of a 12-symbol universe: header, 391 BAR_SET and SIGNALS
 * records, 8 decisions/orders/fills, a session summary. Prints the bytes per kind; Chronicle adds
 * a 4-byte header per document and its index pages on top. Run:
 * {@code java <chronicle flags> -cp bench/target/sentio-bench.jar io.sentio.bench.JournalSessionBytes}
 */
public final class JournalSessionBytes {
    private static final int SYMBOLS = 12;
    private static final int MINUTES = 391;
    private static final int TRADES = 8;

    private JournalSessionBytes() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("sentio-session-bytes");
        try {
            write(dir);
            report(dir);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                    Files.delete(f);
                }
            }
        }
    }

    private static void write(Path dir) {
        List<String> symbols = new ArrayList<>();
        for (int i = 0; i < SYMBOLS; i++) {
            symbols.add("SYM" + i);
        }
        double[] values = new double[SYMBOLS];
        boolean[] flags = new boolean[SYMBOLS];
        int[] signal = new int[SYMBOLS];
        Arrays.fill(values, 100.0);
        Arrays.fill(flags, true);
        boolean[] none = new boolean[SYMBOLS];
        long minute = 1_743_514_200L;
        try (Journal journal = Journal.open(new Journal.Context().directory(dir).symbolCount(SYMBOLS))) {
            JournalWriter w = journal.createWriter();
            w.appendRunHeader(new RunHeader("bench-run", "dev", RunMode.BACKTEST, 0, 0, symbols,
                new byte[600], "[\"SYM0\"]".getBytes(StandardCharsets.UTF_8)));
            for (int m = 0; m < MINUTES; m++, minute += 60) {
                w.appendBarSet(minute, flags, none, values, values, values, values, values);
                w.appendSignals(minute, values, values, values, signal);
                if (m % (MINUTES / TRADES) == 0) {
                    String id = "bench-run-" + minute + "-SYM" + (m % SYMBOLS) + "-" + m;
                    w.appendDecision(minute, DecisionKind.ENTER, m % SYMBOLS, 0.4, 0.6, 1);
                    w.appendOrder(id, minute, m % SYMBOLS, Side.BUY, 100, OrderType.MARKET);
                    w.appendFill(id, minute + 60, m % SYMBOLS, Side.BUY, 100, 100.01, 0, FillStatus.FILLED);
                }
            }
            w.appendSessionSummary(20_179, 100_000, 0.001, TRADES);
        }
    }

    private static void report(Path dir) {
        Map<RecordKind, long[]> byKind = new EnumMap<>(RecordKind.class);
        long total = 0;
        long documents = 0;
        try (JournalReader r = JournalReader.open(dir)) {
            while (r.next()) {
                long[] acc = byKind.computeIfAbsent(r.kind(), k -> new long[2]);
                acc[0]++;
                acc[1] += r.length();
                total += r.length();
                documents++;
            }
        }
        for (Map.Entry<RecordKind, long[]> e : byKind.entrySet()) {
            System.out.printf("%-16s %5d records %8d bytes (%d each)%n", e.getKey(), e.getValue()[0],
                e.getValue()[1], e.getValue()[1] / e.getValue()[0]);
        }
        System.out.printf("session payload  %5d records %8d bytes; with Chronicle's 4-byte document headers %d bytes%n",
            documents, total, total + 4 * documents);
    }
}
