package io.sentio.core.synth;

import io.sentio.core.market.BarSource;
import io.sentio.core.market.MutableBar;
import io.sentio.core.market.Universe;
import io.sentio.core.time.SessionCalendar;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * A seeded, deterministic market for the default universe: three underlying paths (an S&P-like
 * index, a Nasdaq-like index correlated with it, a VIX-futures-like path moving against it) with
 * regimes, and the twelve ETFs derived from them by one-minute returns (DESIGN §6).
 *
 * <p>Regimes (trending up, trending down, high volatility, calm) switch at each session open and
 * at random minutes. Gaps are genuine: single missing minutes (more often in calm markets), a
 * symbol out for a run of minutes (it goes stale), and rare minutes where nothing trades (the
 * synchronizer skips them). Sessions come from {@link SessionCalendar}, early closes included.
 *
 * <p>Everything is drawn from one {@link SplittableRandom} seeded by the caller, in a fixed order:
 * the same seed, start and session count give the same bars on every machine.
 */
public final class SyntheticMarket {
    private enum Regime {
        TREND_UP(0.00008, 0.0006, 0.005), TREND_DOWN(-0.00008, 0.0006, 0.005),
        HIGH_VOL(0.0, 0.0018, 0.002), CALM(0.0, 0.0003, 0.02);

        final double drift;
        final double sigma;
        final double dropProbability;

        Regime(double drift, double sigma, double dropProbability) {
            this.drift = drift;
            this.sigma = sigma;
            this.dropProbability = dropProbability;
        }
    }

    private static final int SP = 0;
    private static final int NDX = 1;
    private static final int VIX = 2;
    private static final String[] SYMBOLS = {
        "SVIX", "SVXY", "TQQQ", "UPRO", "QQQ", "SPY", "SH", "PSQ", "SDS", "SQQQ", "UVXY", "UVIX"};
    private static final int[] UNDERLYING = {VIX, VIX, NDX, SP, NDX, SP, SP, NDX, SP, NDX, VIX, VIX};
    private static final double[] LEVERAGE = {-1, -0.5, 3, 3, 1, 1, -1, -1, -2, -3, 1.5, 2};
    private static final double[] START_PRICE = {40, 45, 60, 90, 480, 560, 40, 35, 18, 30, 25, 30};
    private static final double[] BASE_VOLUME = {8e4, 3e4, 6e5, 5e4, 4e5, 6e5, 5e4, 2e4, 9e4, 7e5, 5e5, 2e5};
    private static final double[] UNDERLYING_START = {5600, 19500, 20};
    private static final double REGIME_SWITCH_PER_MINUTE = 1.0 / 90;
    private static final double DEAD_MINUTE_PROBABILITY = 0.002;
    private static final double OUTAGE_PER_SESSION = 0.05;

    private final Universe universe = Universe.of(SYMBOLS);
    private final BarSeries[] series = new BarSeries[SYMBOLS.length];

    private SyntheticMarket() {
        for (int s = 0; s < SYMBOLS.length; s++) {
            series[s] = new BarSeries(SYMBOLS[s]);
        }
    }

    /** Generates {@code sessions} sessions from the first trading day at or after {@code start}. */
    public static SyntheticMarket generate(long seed, LocalDate start, int sessions) {
        if (sessions < 1) {
            throw new IllegalArgumentException("sessions must be >= 1, got " + sessions);
        }
        SyntheticMarket m = new SyntheticMarket();
        new Generator(new SplittableRandom(seed), m.series).run(start, sessions);
        return m;
    }

    public Universe universe() {
        return universe;
    }

    public BarSeries series(String symbol) {
        int i = universe.indexOf(symbol);
        if (i < 0) {
            throw new IllegalArgumentException("not in the synthetic universe: " + symbol);
        }
        return series[i];
    }

    /** A fresh source over the symbol's bars. */
    public BarSource source(String symbol) {
        return series(symbol).source();
    }

    /** Sources for every symbol, in universe order. */
    public BarSource[] sources() {
        BarSource[] out = new BarSource[series.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = series[i].source();
        }
        return out;
    }

    private static final class Generator {
        private final SplittableRandom rnd;
        private final BarSeries[] series;
        private final MutableBar[] under = {new MutableBar(), new MutableBar(), new MutableBar()};
        private final double[] underClose = UNDERLYING_START.clone();
        private final ReturnDerivation[] etf = new ReturnDerivation[SYMBOLS.length];
        private final MutableBar bar = new MutableBar();
        private final int[] outageStart = new int[SYMBOLS.length];
        private final int[] outageEnd = new int[SYMBOLS.length];
        private Regime regime;

        Generator(SplittableRandom rnd, BarSeries[] series) {
            this.rnd = rnd;
            this.series = series;
            for (int s = 0; s < SYMBOLS.length; s++) {
                etf[s] = new ReturnDerivation(LEVERAGE[s], START_PRICE[s]);
            }
        }

        void run(LocalDate start, int sessions) {
            LocalDate day = SessionCalendar.nextTradingDay(start);
            for (int n = 0; n < sessions; n++) {
                if (n > 0) {
                    day = SessionCalendar.nextTradingDay(day.plusDays(1));
                }
                session(day.toEpochDay());
            }
        }

        private void session(long nyDay) {
            long open = SessionCalendar.openEpochSecond(nyDay);
            int close = SessionCalendar.closeMinute(nyDay);
            regime = Regime.values()[rnd.nextInt(Regime.values().length)];
            for (int s = 0; s < SYMBOLS.length; s++) {
                outageStart[s] = -1;
                outageEnd[s] = -1;
                if (rnd.nextDouble() < OUTAGE_PER_SESSION) {
                    outageStart[s] = rnd.nextInt(close + 1);
                    outageEnd[s] = outageStart[s] + 6 + rnd.nextInt(35);
                }
            }
            double gap = 0.004 * gaussian();
            for (int m = 0; m <= close; m++) {
                if (m > 0 && rnd.nextDouble() < REGIME_SWITCH_PER_MINUTE) {
                    regime = Regime.values()[rnd.nextInt(Regime.values().length)];
                }
                long t = open + 60L * m;
                underlyingBars(t, m == 0 ? gap : 0.0);
                boolean dead = rnd.nextDouble() < DEAD_MINUTE_PROBABILITY;
                for (int s = 0; s < SYMBOLS.length; s++) {
                    boolean dropped = rnd.nextDouble() < regime.dropProbability;
                    double volume = Math.rint(BASE_VOLUME[s] * (regime == Regime.HIGH_VOL ? 3 : 1)
                        * StrictMath.exp(0.6 * gaussian()));
                    MutableBar u = under[UNDERLYING[s]];
                    u.volume = volume;
                    // The product's price moves whether or not a bar prints, so derive before dropping.
                    etf[s].next(u, bar);
                    boolean out = m >= outageStart[s] && m < outageEnd[s];
                    if (!dead && !dropped && !out) {
                        series[s].add(bar);
                    }
                }
            }
        }

        private void underlyingBars(long t, double gap) {
            double sigma = regime.sigma;
            double rSp = regime.drift + sigma * gaussian();
            double rNdx = 1.25 * rSp + 0.3 * sigma * gaussian();
            double rVix = -5.0 * rSp - 0.00002 + 2.0 * sigma * gaussian();
            double[] r = {rSp, rNdx, rVix};
            double[] g = {gap, 1.25 * gap, -5.0 * gap};
            for (int u = 0; u < 3; u++) {
                double o = underClose[u] * StrictMath.exp(g[u]);
                double c = o * StrictMath.exp(r[u]);
                double wick = (u == VIX ? 2.0 : 1.0) * 0.4 * sigma;
                double h = Math.max(o, c) * (1 + wick * Math.abs(gaussian()));
                double l = Math.min(o, c) * (1 - wick * Math.abs(gaussian()));
                under[u].set(t, o, h, l, c, 0);
                underClose[u] = c;
            }
        }

        /** Box-Muller on the seeded stream (not RandomGenerator.nextGaussian, whose algorithm is unspecified). */
        private double gaussian() {
            double u1 = 1.0 - rnd.nextDouble();
            double u2 = rnd.nextDouble();
            return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * Math.PI * u2);
        }
    }
}
