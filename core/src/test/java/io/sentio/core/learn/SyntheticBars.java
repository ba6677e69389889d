package io.sentio.core.learn;

import java.time.LocalDate;
import java.util.Random;

import io.sentio.core.time.SessionCalendar;

/**
 * Seeded random bars on real session minutes: a log-normal walk with occasional jumps, missing
 * minutes, flat stretches and zero volume, to exercise every rule of the learner.
 */
final class SyntheticBars {
    final long[] time;
    final double[] open;
    final double[] high;
    final double[] low;
    final double[] close;
    final double[] volume;

    SyntheticBars(int n, long seed, LocalDate start) {
        time = new long[n];
        open = new double[n];
        high = new double[n];
        low = new double[n];
        close = new double[n];
        volume = new double[n];
        Random rnd = new Random(seed);
        long day = SessionCalendar.nextTradingDay(start).toEpochDay();
        int minute = 0;
        double price = 10 + 90 * rnd.nextDouble();
        for (int i = 0; i < n; i++) {
            if (minute > SessionCalendar.closeMinute(day)) {
                do {
                    day++;
                } while (!SessionCalendar.isTradingDay(day));
                minute = 0;
                price *= Math.exp(0.01 * rnd.nextGaussian());
            }
            time[i] = SessionCalendar.openEpochSecond(day) + 60L * minute;
            minute += rnd.nextInt(20) == 0 ? 1 + rnd.nextInt(4) : 1;
            boolean flat = rnd.nextInt(50) == 0;
            double o = price;
            if (!flat) {
                double jump = rnd.nextInt(500) == 0 ? 0.05 * rnd.nextGaussian() : 0.0;
                price *= Math.exp(0.0015 * rnd.nextGaussian() + jump);
                price = Math.max(0.01, Math.min(1e5, price));
            }
            open[i] = o;
            close[i] = price;
            high[i] = flat ? price : Math.max(o, price) * (1 + 0.001 * rnd.nextDouble());
            low[i] = flat ? price : Math.min(o, price) * (1 - 0.001 * rnd.nextDouble());
            volume[i] = rnd.nextInt(10) == 0 ? 0 : Math.floor(1000 * Math.exp(rnd.nextGaussian()));
        }
    }

    int size() {
        return time.length;
    }

    void feed(Learner l, int i) {
        l.onBar(time[i], open[i], high[i], low[i], close[i], volume[i]);
    }
}
