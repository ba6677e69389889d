package io.sentio.bench;

import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.sentio.core.config.OesParams;
import io.sentio.core.learn.OnlineLearner;

/**
 * Steady-state cost of the learner: one symbol-bar (features, up to 3 EWRLS updates with ridge
 * pseudo-observations, standardization, 3 predictions and confidences), and one 12-symbol bar set
 * processed sequentially. Learners are warmed past readiness first; when the tape runs out they are
 * restored from the snapshot taken at the warm point (rare, and itself allocation-free).
 *
 * <p>Run: {@code java -jar bench/target/sentio-bench.jar Learner -f 1 -wi 5 -i 5 -w 1s -r 1s -prof gc}
 * (C2 needs about five one-second warm-up iterations before the EWRLS loops settle).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class LearnerBenchmark {
    private static final int WARM_BARS = 2 * 391;

    @Param({"1", "12"})
    public int symbols;

    private LearnerBenchmarkTape tape;
    private OnlineLearner[] learners;
    private UnsafeBuffer[] checkpoints;
    private int cursor;

    @Setup
    public void setUp() {
        int bars = symbols == 1 ? LearnerBenchmarkTape.barsOfSessions(1500) : LearnerBenchmarkTape.barsOfSessions(250);
        tape = new LearnerBenchmarkTape(symbols, bars, 20250401L);
        learners = new OnlineLearner[symbols];
        checkpoints = new UnsafeBuffer[symbols];
        for (int s = 0; s < symbols; s++) {
            learners[s] = new OnlineLearner(OesParams.defaults(), 0.557);
            for (int i = 0; i < WARM_BARS; i++) {
                feed(s, i);
            }
            if (!learners[s].isReady()) {
                throw new IllegalStateException("learner not ready after warm-up");
            }
            checkpoints[s] = new UnsafeBuffer(new byte[learners[s].snapshotLength()]);
            learners[s].snapshot(checkpoints[s], 0);
        }
        cursor = WARM_BARS;
    }

    private void feed(int s, int i) {
        learners[s].onBar(tape.time[i], tape.open[s][i], tape.high[s][i], tape.low[s][i],
            tape.close[s][i], tape.volume[s][i]);
    }

    /** One bar of every symbol (symbols = 1: one symbol-bar); returns the summed probability. */
    @Benchmark
    public double barSet() {
        if (cursor == tape.bars) {
            for (int s = 0; s < symbols; s++) {
                learners[s].restore(checkpoints[s], 0);
            }
            cursor = WARM_BARS;
        }
        int i = cursor++;
        double sum = 0;
        for (int s = 0; s < symbols; s++) {
            feed(s, i);
            sum += learners[s].probability();
        }
        return sum;
    }
}
