package io.sentio.bench;

import io.sentio.core.config.StrategyParams;
import io.sentio.core.learn.OnlineLearner;
import io.sentio.core.market.BarSet;
import io.sentio.core.market.Universe;
import io.sentio.core.pipeline.Pipeline;
import io.sentio.core.pipeline.PipelineContext;
import io.sentio.core.pipeline.RunResult;
import io.sentio.journal.JournalReader;
import io.sentio.journal.codec.RunHeader;
import io.sentio.journal.codec.RunMode;
import io.sentio.journal.pipeline.RunJournal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * End-to-end latency of the real pipeline (OnlineLearner, 12 symbols of the real data set) with the
 * journal stages on and off, alternating in the same JVM, at a fixed publication rate, each bar set
 * stamped at its planned send time; then the journal's bytes per session and the journal-out
 * append rate implied by the on run.
 * <pre>
 * java &lt;chronicle flags&gt; -cp bench/target/sentio-bench.jar io.sentio.bench.JournalOnOffHarness DATA_DIR [rate] [sessions]
 * </pre>
 */
public final class JournalOnOffHarness {
    private JournalOnOffHarness() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        double rate = args.length > 1 ? Double.parseDouble(args[1]) : 1000;
        int sessions = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        BarSet[] all = PipelineHarness.load(data);
        int count = Math.min(all.length, sessions * 391);
        System.out.printf(Locale.ROOT, "machine: %d cores, %s %s; %d bar sets x %d symbols at %.0f/s; OnlineLearner%n",
            Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
            System.getProperty("java.version"), count, PipelineHarness.SYMBOLS.length, rate);
        for (int round = 0; round < 4; round++) {
            boolean on = round % 2 == 1;
            Path dir = Files.createTempDirectory("sentio-onoff");
            try {
                RunResult r = run(all, count, rate, on ? dir.resolve("j") : null);
                System.out.printf(Locale.ROOT, "round %d journal %-3s %s hash %s%n", round, on ? "on" : "off", r.endToEnd,
                    r.stateHashHex());
                if (on) {
                    bytes(dir.resolve("j"), count);
                }
            } finally {
                delete(dir);
            }
        }
    }

    private static RunResult run(BarSet[] sets, int count, double rate, Path journalDir) throws InterruptedException {
        StrategyParams params = StrategyParams.defaults();
        Universe u = Universe.of(PipelineHarness.SYMBOLS);
        PipelineContext ctx = new PipelineContext().universe(u).params(params).shards(2).expectedBars(count + 16)
            .learnerFactory(s -> new OnlineLearner(params.oes, params.buyThreshold));
        RunJournal journal = null;
        if (journalDir != null) {
            byte[] none = "{}".getBytes(StandardCharsets.US_ASCII);
            journal = RunJournal.open(journalDir, new RunHeader("bench", "bench", RunMode.BACKTEST, 0, 0, u.symbols(),
                none, none), 2, 0, null);
            ctx.journalIn(journal.journalIn()).journalOut(journal.journalOut());
        }
        Pipeline p = new Pipeline(ctx.conclude());
        p.start();
        long interval = (long) (1e9 / rate);
        long start = System.nanoTime() + 1_000_000;
        long allocatedAtHalf = 0;
        for (int i = 0; i < count; i++) {
            if (i == count / 2) {
                p.awaitDrained();
                allocatedAtHalf = allocated(p.handlerThreads());
                start = System.nanoTime() - i * interval;
            }
            long planned = start + i * interval;
            while (System.nanoTime() < planned) {
                Thread.onSpinWait();
            }
            p.publish(sets[i], planned);
        }
        p.awaitDrained();
        long steady = allocated(p.handlerThreads()) - allocatedAtHalf;
        System.out.printf(Locale.ROOT, "  handler threads allocated %d bytes over the second %d bar sets (%.2f per bar set)%n",
            steady, count - count / 2, (double) steady / (count - count / 2));
        RunResult r = p.finish();
        if (journal != null) {
            System.out.println("  (journal on) service time " + journal.journalIn().latency());
            System.out.println("  (journal on) service time " + journal.journalOut().latency());
            journal.finish(r.barSets, r.stateHash);
            journal.close();
        }
        return r;
    }

    private static long allocated(java.util.List<Thread> threads) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory
            .getThreadMXBean();
        long sum = 0;
        for (Thread t : threads) {
            sum += mx.getThreadAllocatedBytes(t.getId());
        }
        return sum;
    }

    /** Record bytes plus Chronicle's 4-byte document header, per 391-minute session. */
    private static void bytes(Path dir, int barSets) {
        long records = 0;
        long bytes = 0;
        try (JournalReader r = JournalReader.open(dir)) {
            while (r.next()) {
                records++;
                bytes += r.length() + 4;
            }
        }
        double perSession = bytes * 391.0 / barSets;
        System.out.printf(Locale.ROOT, "  journal: %d records, %d bytes, %.0f KB per 391-minute session%n", records,
            bytes, perSession / 1024);
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(f);
            }
        }
    }
}
