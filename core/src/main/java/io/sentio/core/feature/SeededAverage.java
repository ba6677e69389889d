package io.sentio.core.feature;

import io.sentio.core.state.StateCodec;

/**
 * An exponential average seeded, as DESIGN §5.2 requires, with the simple mean of its first n
 * inputs (common libraries such as ta4j seed with the first value instead, so their early values
 * differ). EMA: {@code v += alpha (x - v)} with alpha = 2/(n+1). Wilder: {@code v = ((n-1) v + x)/n},
 * written exactly as DESIGN's ATR formula.
 */
final class SeededAverage {
    private final int n;
    private final boolean wilder;
    private final double alpha;
    private int seen;
    private double seedSum;
    private double value;

    private SeededAverage(int n, boolean wilder) {
        this.n = n;
        this.wilder = wilder;
        this.alpha = 2.0 / (n + 1);
    }

    static SeededAverage ema(int n) {
        return new SeededAverage(n, false);
    }

    static SeededAverage wilder(int n) {
        return new SeededAverage(n, true);
    }

    void push(double x) {
        if (seen < n) {
            seedSum += x;
            seen++;
            if (seen == n) {
                value = seedSum / n;
            }
        } else if (wilder) {
            value = ((n - 1) * value + x) / n;
        } else {
            value += alpha * (x - value);
        }
    }

    boolean isReady() {
        return seen >= n;
    }

    double value() {
        return value;
    }

    void visit(StateCodec c) {
        seen = c.i(seen);
        seedSum = c.d(seedSum);
        value = c.d(value);
    }
}
