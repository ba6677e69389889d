package io.sentio.bench;

import io.sentio.core.config.StrategyParams;
import io.sentio.core.learn.OnlineLearner;
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
 * One 12-symbol bar set through the running ring (sync, K shards of {@link OnlineLearner}s,
 * portfolio, execution). Bar sets are generated on the fly into one reused BarSet (the ring copies
 * it): a seeded random walk minute after minute from 2020-01-02, because the learners reject a bar
 * that is not after the previous one, so a replayed loop of sets cannot be used. {@code publish}:
 * throughput with the ring's own back-pressure; with {@code -prof gc}, gc.alloc.rate.norm is the
 * steady-state allocation per bar set (the run's logs are pre-sized for every op of a trial).
 * {@code roundTrip}: publish and wait until execution is done (unloaded end-to-end latency).
 *
 * <pre>java -jar bench/target/sentio-bench.jar PipelineBenchmark -f 1 -prof gc</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED"})
public class PipelineBenchmark {
    /** Pre-sizes the run's equity curve and trip log for every op of a trial, so nothing grows. */
    private static final int EXPECTED_PER_TRIAL = 2_000_000;

    @Param({"2"})
    public int shards;

    private final SplittableRandom rnd = new SplittableRandom(7);
    private BarSet set;
    private double[] price;
    private long day;
    private int minute;
    private Pipeline pipeline;

    @Setup(Level.Trial)
    public void startRing() {
        int symbols = PipelineHarness.SYMBOLS.length;
        set = new BarSet(symbols);
        price = new double[symbols];
        for (int s = 0; s < symbols; s++) {
            price[s] = 20 + 5 * s;
        }
        day = SessionCalendar.nextTradingDay(LocalDate.of(2020, 1, 2)).toEpochDay();
        minute = 0;
        StrategyParams params = StrategyParams.defaults();
        pipeline = new Pipeline(new PipelineContext().universe(Universe.of(PipelineHarness.SYMBOLS)).params(params)
            .shards(shards).learnerFactory(s -> new OnlineLearner(params.oes, params.buyThreshold))
            .expectedBars(EXPECTED_PER_TRIAL).conclude());
        pipeline.start();
    }

    @TearDown(Level.Trial)
    public void stopRing() {
        pipeline.finish();
    }

    @Benchmark
    public void publish() {
        pipeline.publish(nextSet(), System.nanoTime());
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void roundTrip() {
        pipeline.publish(nextSet(), System.nanoTime());
        pipeline.awaitDrained();
    }

    /** The next session minute, every symbol present, each a +-0.1% uniform step. */
    private BarSet nextSet() {
        if (minute > SessionCalendar.closeMinute(day)) {
            do {
                day++;
            } while (!SessionCalendar.isTradingDay(day));
            minute = 0;
        }
        set.reset(SessionCalendar.openEpochSecond(day) + 60L * minute, day, minute, SessionCalendar.closeMinute(day));
        for (int s = 0; s < price.length; s++) {
            double o = price[s];
            price[s] *= Math.exp(0.001 * (rnd.nextDouble() * 2 - 1));
            set.put(s, o, Math.max(o, price[s]), Math.min(o, price[s]), price[s], 1000 + rnd.nextInt(5000));
        }
        minute++;
        return set;
    }
}
