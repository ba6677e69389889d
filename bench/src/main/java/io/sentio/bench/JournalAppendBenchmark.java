package io.sentio.bench;

import io.sentio.journal.Journal;
import io.sentio.journal.JournalWriter;
import io.sentio.journal.codec.BarSetRecord;
import io.sentio.journal.codec.JournalFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Append cost of the two per-minute records of a 12-symbol universe into a real Chronicle Queue,
 * and of encoding a BAR_SET alone (the flyweight, no queue) for the ratio. A fresh journal per
 * iteration keeps the files small (appends run at ~1 GB/s). Run:
 * {@code java -jar bench/target/sentio-bench.jar Journal -prof gc}
 */
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {
    "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
    "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
    "--add-exports=java.base/jdk.internal.util=ALL-UNNAMED",
    "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
    "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
    "--add-opens=java.base/java.util=ALL-UNNAMED",
    "--add-opens=jdk.compiler/com.sun.tools.javac=ALL-UNNAMED",
    "-Dchronicle.analytics.disable=true",
    "-Dchronicle.announcer.disable=true",
    "-Xmx1g"})
@State(Scope.Thread)
public class JournalAppendBenchmark {
    static final int SYMBOLS = 12;

    private final boolean[] present = new boolean[SYMBOLS];
    private final boolean[] backfilled = new boolean[SYMBOLS];
    private final double[] open = new double[SYMBOLS];
    private final double[] high = new double[SYMBOLS];
    private final double[] low = new double[SYMBOLS];
    private final double[] close = new double[SYMBOLS];
    private final double[] volume = new double[SYMBOLS];
    private final double[] p = new double[SYMBOLS];
    private final double[] confidence = new double[SYMBOLS];
    private final double[] strength = new double[SYMBOLS];
    private final int[] signal = new int[SYMBOLS];
    private final UnsafeBuffer staging = new UnsafeBuffer(new byte[JournalFormat.barSetLength(SYMBOLS)]);
    private final BarSetRecord flyweight = new BarSetRecord();
    private Path dir;
    private Journal journal;
    private JournalWriter writer;
    private long minute = 1_743_514_200L;

    @Setup(Level.Trial)
    public void fill() {
        for (int i = 0; i < SYMBOLS; i++) {
            present[i] = i != 3;
            open[i] = 100 + i;
            high[i] = 100.5 + i;
            low[i] = 99.5 + i;
            close[i] = 100.25 + i;
            volume[i] = 10_000 + i;
            p[i] = 0.5 + i / 100.0;
            confidence[i] = 0.3;
            strength[i] = p[i] * confidence[i];
            signal[i] = i % 3 - 1;
        }
    }

    @Setup(Level.Iteration)
    public void openJournal() throws IOException {
        dir = Files.createTempDirectory("sentio-bench-journal");
        journal = Journal.open(new Journal.Context().directory(dir).symbolCount(SYMBOLS));
        writer = journal.createWriter();
    }

    @TearDown(Level.Iteration)
    public void deleteJournal() throws IOException {
        journal.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(f);
            }
        }
    }

    @Benchmark
    public long appendBarSet() {
        minute += 60;
        return writer.appendBarSet(minute, present, backfilled, open, high, low, close, volume);
    }

    @Benchmark
    public long appendSignals() {
        minute += 60;
        return writer.appendSignals(minute, p, confidence, strength, signal);
    }

    @Benchmark
    public int encodeBarSetOnly() {
        minute += 60;
        flyweight.encode(staging, 0, 0, minute, SYMBOLS);
        for (int i = 0; i < SYMBOLS; i++) {
            flyweight.symbol(i, present[i], backfilled[i], open[i], high[i], low[i], close[i], volume[i]);
        }
        return flyweight.length();
    }
}
