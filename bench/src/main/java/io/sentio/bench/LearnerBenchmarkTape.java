package io.sentio.bench;

import java.time.LocalDate;
import java.util.SplittableRandom;

import io.sentio.core.time.SessionCalendar;

/**
 * Pre-generated bars for the learner benchmarks: every minute of consecutive full and half
 * sessions from 2020-01-02, one seeded log-normal walk per symbol (0.15% per minute, lognormal
 * volume). Generated up front so the measured loop reads arrays and allocates nothing.
 */
final class LearnerBenchmarkTape {
    final int symbols;
    final int bars;
    final long[] time;
    final double[][] open;
    final double[][] high;
    final double[][] low;
    final double[][] close;
    final double[][] volume;

    LearnerBenchmarkTape(int symbols, int bars, long seed) {
        this.symbols = symbols;
        this.bars = bars;
        time = new long[bars];
        long day = SessionCalendar.nextTradingDay(LocalDate.of(2020, 1, 2)).toEpochDay();
        int minute = 0;
        for (int i = 0; i < bars; i++) {
            if (minute > SessionCalendar.closeMinute(day)) {
                do {
                    day++;
                } while (!SessionCalendar.isTradingDay(day));
                minute = 0;
            }
            time[i] = SessionCalendar.openEpochSecond(day) + 60L * minute++;
        }
        open = new double[symbols][bars];
        high = new double[symbols][bars];
        low = new double[symbols][bars];
        close = new double[symbols][bars];
        volume = new double[symbols][bars];
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int s = 0; s < symbols; s++) {
            double price = 20 + 80 * rnd.nextDouble();
            for (int i = 0; i < bars; i++) {
                double o = price;
                price *= Math.exp(0.0015 * gaussian(rnd));
                open[s][i] = o;
                close[s][i] = price;
                high[s][i] = Math.max(o, price) * (1 + 0.0007 * rnd.nextDouble());
                low[s][i] = Math.min(o, price) * (1 - 0.0007 * rnd.nextDouble());
                volume[s][i] = Math.floor(5000 * Math.exp(gaussian(rnd)));
            }
        }
    }

    private static double gaussian(SplittableRandom rnd) {
        double u = 1.0 - rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** Number of bars in the first {@code sessions} sessions of the tape's calendar. */
    static int barsOfSessions(int sessions) {
        long day = SessionCalendar.nextTradingDay(LocalDate.of(2020, 1, 2)).toEpochDay();
        int total = 0;
        for (int s = 0; s < sessions; s++) {
            while (!SessionCalendar.isTradingDay(day)) {
                day++;
            }
            total += SessionCalendar.closeMinute(day) + 1;
            day++;
        }
        return total;
    }
}
