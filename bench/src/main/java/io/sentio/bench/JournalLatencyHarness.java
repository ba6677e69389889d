package io.sentio.bench;

import io.sentio.journal.Journal;
import io.sentio.journal.JournalWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * Latency of one minute's journal load (a 12-symbol BAR_SET then a SIGNALS record) when appends
 * are paced rather than saturating: the JMH benchmark writes ~1 GB/s, so its tail is page faults
 * on fresh file pages, while a run appends two records a minute. Pairs are spaced
 * {@code intervalMicros} apart (default 20) and timed one append at a time. Run:
 * {@code java <chronicle flags> -cp bench/target/sentio-bench.jar io.sentio.bench.JournalLatencyHarness
 * [pairs] [intervalMicros]}
 */
public final class JournalLatencyHarness {
    private static final int SYMBOLS = 12;

    private JournalLatencyHarness() {
    }

    public static void main(String[] args) throws IOException {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        long intervalNanos = 1_000L * (args.length > 1 ? Integer.parseInt(args[1]) : 20);
        boolean[] present = new boolean[SYMBOLS];
        boolean[] backfilled = new boolean[SYMBOLS];
        double[] prices = new double[SYMBOLS];
        int[] signal = new int[SYMBOLS];
        Arrays.fill(present, true);
        Arrays.fill(prices, 100.25);
        Histogram bars = new Histogram(3_600_000_000_000L, 3);
        Histogram signals = new Histogram(3_600_000_000_000L, 3);
        Path dir = Files.createTempDirectory("sentio-journal-latency");
        try (Journal journal = Journal.open(new Journal.Context().directory(dir).symbolCount(SYMBOLS))) {
            JournalWriter w = journal.createWriter();
            long minute = 1_743_514_200L;
            for (int round = 0; round < 2; round++) {
                bars.reset();
                signals.reset();
                long next = System.nanoTime();
                for (int i = 0; i < pairs; i++, minute += 60) {
                    while (System.nanoTime() < next) {
                        Thread.onSpinWait();
                    }
                    next += intervalNanos;
                    long t0 = System.nanoTime();
                    w.appendBarSet(minute, present, backfilled, prices, prices, prices, prices, prices);
                    long t1 = System.nanoTime();
                    w.appendSignals(minute, prices, prices, prices, signal);
                    long t2 = System.nanoTime();
                    bars.recordValue(t1 - t0);
                    signals.recordValue(t2 - t1);
                }
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                    Files.delete(f);
                }
            }
        }
        print("BAR_SET (12 symbols, 528 B)", bars);
        print("SIGNALS (12 symbols, 336 B)", signals);
    }

    private static void print(String what, Histogram h) {
        System.out.printf("%-28s n=%d p50=%.2fus p90=%.2fus p99=%.2fus p99.9=%.2fus max=%.1fus%n", what,
            h.getTotalCount(), h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(90) / 1e3,
            h.getValueAtPercentile(99) / 1e3, h.getValueAtPercentile(99.9) / 1e3, h.getMaxValue() / 1e3);
    }
}
