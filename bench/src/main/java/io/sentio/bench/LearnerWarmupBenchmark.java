package io.sentio.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.sentio.core.config.OesParams;
import io.sentio.core.learn.OnlineLearner;
import io.sentio.core.state.StateCodec;

/**
 * The {@code warmup} command's learning work: 12 fresh learners, 20 sessions (7800 bars) each,
 * sequential on one thread. Target: at most 1 s. Returns the combined state hash.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class LearnerWarmupBenchmark {
    private static final int SYMBOLS = 12;
    private static final int BARS = 7800;

    private LearnerBenchmarkTape tape;

    @Setup
    public void setUp() {
        tape = new LearnerBenchmarkTape(SYMBOLS, BARS, 7L);
    }

    @Benchmark
    public long warmTwelveSymbolsOver7800Bars() {
        OesParams params = OesParams.defaults();
        StateCodec hash = new StateCodec().hashing();
        for (int s = 0; s < SYMBOLS; s++) {
            OnlineLearner l = new OnlineLearner(params, 0.557);
            for (int i = 0; i < BARS; i++) {
                l.onBar(tape.time[i], tape.open[s][i], tape.high[s][i], tape.low[s][i], tape.close[s][i], tape.volume[s][i]);
            }
            l.visit(hash);
        }
        return hash.hash();
    }
}
