package io.sentio.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

import io.sentio.core.config.OesParams;
import io.sentio.core.learn.OnlineLearner;

/**
 * The learner's cost in this thread's CPU time, less sensitive than JMH's wall clock to the other
 * processes on a shared machine: 12 fresh learners over a generated tape per round (the first
 * rounds warm the JIT), reporting per symbol-bar the whole {@code onBar}, and, split, the decision's
 * half {@code predictBar} (the critical path) and the deferred {@code learn} (wall clock around each
 * half of a bar set, CPU time over the round).
 *
 * <p>Run: {@code java -cp bench/target/sentio-bench.jar io.sentio.bench.LearnerCpuHarness [sessions] [rounds]}
 * (default 20 sessions, 8 rounds).
 */
public final class LearnerCpuHarness {
    private static final int SYMBOLS = 12;

    private LearnerCpuHarness() {
    }

    public static void main(String[] args) {
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        LearnerBenchmarkTape tape = new LearnerBenchmarkTape(SYMBOLS, LearnerBenchmarkTape.barsOfSessions(sessions), 20250401L);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        double symbolBars = (double) SYMBOLS * tape.bars;
        double[] whole = new double[rounds];
        double[] splitCpu = new double[rounds];
        double[] predict = new double[rounds];
        double[] learn = new double[rounds];
        double sink = 0;
        for (int round = 0; round < rounds; round++) {
            OnlineLearner[] ls = learners();
            long c0 = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < tape.bars; i++) {
                for (int s = 0; s < SYMBOLS; s++) {
                    ls[s].onBar(tape.time[i], tape.open[s][i], tape.high[s][i], tape.low[s][i], tape.close[s][i],
                        tape.volume[s][i]);
                }
            }
            whole[round] = (cpu.getCurrentThreadCpuTime() - c0) / symbolBars;
            sink += ls[0].probability();

            ls = learners();
            long predictNanos = 0;
            long learnNanos = 0;
            c0 = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < tape.bars; i++) {
                long t0 = System.nanoTime();
                for (int s = 0; s < SYMBOLS; s++) {
                    ls[s].predictBar(tape.time[i], tape.open[s][i], tape.high[s][i], tape.low[s][i], tape.close[s][i],
                        tape.volume[s][i]);
                }
                long t1 = System.nanoTime();
                for (int s = 0; s < SYMBOLS; s++) {
                    ls[s].learn();
                }
                learnNanos += System.nanoTime() - t1;
                predictNanos += t1 - t0;
            }
            splitCpu[round] = (cpu.getCurrentThreadCpuTime() - c0) / symbolBars;
            predict[round] = predictNanos / symbolBars;
            learn[round] = learnNanos / symbolBars;
            sink += ls[0].probability();
            System.out.printf("round %d: onBar %.0f ns CPU; split %.0f ns CPU = predictBar %.0f + learn %.0f ns wall%n",
                round, whole[round], splitCpu[round], predict[round], learn[round]);
        }
        int from = rounds / 2;
        System.out.printf("per symbol-bar over the last %d rounds (%d symbols x %d bars), min / median ns:%n",
            rounds - from, SYMBOLS, tape.bars);
        System.out.printf("  onBar (CPU)        %6.0f / %6.0f%n", min(whole, from), median(whole, from));
        System.out.printf("  predictBar (wall)  %6.0f / %6.0f%n", min(predict, from), median(predict, from));
        System.out.printf("  learn (wall)       %6.0f / %6.0f%n", min(learn, from), median(learn, from));
        System.out.println("(checksum " + sink + ")");
    }

    private static OnlineLearner[] learners() {
        OnlineLearner[] ls = new OnlineLearner[SYMBOLS];
        for (int s = 0; s < SYMBOLS; s++) {
            ls[s] = new OnlineLearner(OesParams.defaults(), 0.557);
        }
        return ls;
    }

    private static double min(double[] v, int from) {
        return Arrays.stream(v, from, v.length).min().orElse(Double.NaN);
    }

    private static double median(double[] v, int from) {
        double[] c = Arrays.copyOfRange(v, from, v.length);
        Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
    }
}
