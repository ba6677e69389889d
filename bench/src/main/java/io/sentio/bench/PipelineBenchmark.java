package io.sentio.bench;

import io.sentio.core.config.StrategyParams;
import io.sentio.core.market.BarSet;
import io.sentio.core.market.Universe;
import io.sentio.core.pipeline.Pipeline;
import io.sentio.core.pipeline.PipelineContext;
import io.sentio.core.time.SessionCalendar;
import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One 12-symbol bar set through the running ring (sync, K momentum stand-in learners, portfolio,
 * execution). {@code publish}: throughput with the ring's own back-pressure; run with
 * {@code -prof gc} for allocation per bar set (the pipeline is built once per trial, its result
 * logs pre-sized for every op, so gc.alloc.rate.norm is the steady-state figure). {@code roundTrip}: publish and
 * wait until execution is done (unloaded end-to-end latency).
 *
 * <pre>java -jar bench/target/sentio-bench.jar PipelineBenchmark -prof gc</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class PipelineBenchmark {
    private static final int SETS = 391 * 5;
    /** Pre-sizes the run's equity curve and trip log for every op of a trial, so nothing grows. */
    private static final int EXPECTED_PER_TRIAL = 8_000_000;

    @Param({"2"})
    public int shards;

    private BarSet[] sets;
    private Pipeline pipeline;
    private int next;

    @Setup(Level.Trial)
    public void startRing() {
        sets = randomWalk(PipelineHarness.SYMBOLS.length, SETS, 7);
        StrategyParams params = StrategyParams.defaults();
        pipeline = new Pipeline(new PipelineContext().universe(Universe.of(PipelineHarness.SYMBOLS)).params(params)
            .shards(shards).learnerFactory(s -> new BenchMomentumLearner(10, 150, params.buyThreshold))
            .expectedBars(EXPECTED_PER_TRIAL).conclude());
        pipeline.start();
    }

    @TearDown(Level.Trial)
    public void stopRing() {
        pipeline.finish();
    }

    @Benchmark
    public void publish() {
        pipeline.publish(sets[next], System.nanoTime());
        next = next + 1 == SETS ? 0 : next + 1;
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void roundTrip() {
        pipeline.publish(sets[next], System.nanoTime());
        pipeline.awaitDrained();
        next = next + 1 == SETS ? 0 : next + 1;
    }

    /** Five sessions of every symbol present, seeded random walk. */
    static BarSet[] randomWalk(int symbols, int count, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] price = new double[symbols];
        for (int s = 0; s < symbols; s++) {
            price[s] = 20 + 5 * s;
        }
        BarSet[] out = new BarSet[count];
        long day = LocalDate.of(2025, 6, 2).toEpochDay();
        int minute = 0;
        for (int i = 0; i < count; i++) {
            if (minute > SessionCalendar.closeMinute(day)) {
                do {
                    day++;
                } while (!SessionCalendar.isTradingDay(day));
                minute = 0;
            }
            BarSet b = new BarSet(symbols);
            b.reset(SessionCalendar.openEpochSecond(day) + 60L * minute, day, minute, SessionCalendar.closeMinute(day));
            for (int s = 0; s < symbols; s++) {
                double o = price[s];
                price[s] *= Math.exp(0.001 * (rnd.nextDouble() * 2 - 1));
                b.put(s, o, Math.max(o, price[s]), Math.min(o, price[s]), price[s], 1000);
            }
            out[i] = b;
            minute++;
        }
        return out;
    }
}
