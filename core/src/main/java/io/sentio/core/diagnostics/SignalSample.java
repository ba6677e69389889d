package io.sentio.core.diagnostics;

import io.sentio.core.config.StrategyParamTable;
import io.sentio.core.config.StrategyParams;
import io.sentio.core.decision.ExpectedReturnRule;
import io.sentio.core.learn.Learner;
import io.sentio.core.learn.ModelOutputs;
import io.sentio.core.learn.SignalRule;
import io.sentio.core.market.BarSet;
import io.sentio.core.pipeline.BarTape;
import io.sentio.core.pipeline.ModelTape;
import io.sentio.core.sync.BarSetSynchronizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What the learners said and what followed (issue: know the edge before trading it): one
 * observation per real bar of a ready model, with each horizon's standardized forecast
 * z_h = yhat_h / s_h, the desk's p and p x C, the expected_return rule's calibrated expected
 * return over the hold in bp ({@code er}, NaN until calibrated), its signal with and without the Bollinger
 * amplification, and the forward log returns a fill at the next bar's open gets over h bars,
 * ln(o[t+1+h] / o[t+1]), within the session (NaN where a bar is missing or the session ends).
 * Forecasts use only the model outputs at t's close; returns start at t+1: nothing looks ahead.
 */
public final class SignalSample {
    /** Forward horizons, in bars, of the IC decay. */
    public static final int[] FORWARD = {1, 2, 3, 5, 10, 15, 20, 30, 45, 60};

    final List<String> forecastNames = new ArrayList<>();
    final int size;
    final int sessions;
    final int[] session;
    final long[] day;
    final int[] symbol;
    final int[] minute;
    final double[][] forecast;
    final double[][] forward;
    final int[] signal;
    final int[] unamplifiedSignal;

    private SignalSample(int capacity, int forecasts, int sessions) {
        this.size = capacity;
        this.sessions = sessions;
        session = new int[capacity];
        day = new long[capacity];
        symbol = new int[capacity];
        minute = new int[capacity];
        forecast = new double[forecasts][capacity];
        forward = new double[FORWARD.length][capacity];
        signal = new int[capacity];
        unamplifiedSignal = new int[capacity];
    }

    /** The sample of a model pass ({@code tape} recorded from {@code bars} with {@code params}' model). */
    public static SignalSample of(StrategyParams params, ModelTape tape, BarTape bars) {
        int symbols = bars.symbols();
        int horizons = tape.horizons();
        boolean[] usable = usableRows(params, bars);
        SignalRule rule = new SignalRule(params.oes, params.buyThreshold);
        SignalRule plain = new SignalRule(params.oes.toBuilder().set(StrategyParamTable.BB_AMPLIFICATION, false).conclude(), params.buyThreshold);
        int count = 0;
        int sessions = 0;
        long lastDay = Long.MIN_VALUE;
        for (int row = 0; row < bars.size(); row++) {
            BarSet set = bars.get(row);
            if (set.nyEpochDay != lastDay) {
                lastDay = set.nyEpochDay;
                sessions++;
            }
            for (int s = 0; usable[row] && s < symbols; s++) {
                if (set.present[s] && tape.ready(row, s)) {
                    count++;
                }
            }
        }
        SignalSample out = new SignalSample(count, horizons + 3, sessions);
        for (int j = 0; j < horizons; j++) {
            out.forecastNames.add("z_h" + params.oes.horizon(j));
        }
        out.forecastNames.add("p");
        out.forecastNames.add("pC");
        out.forecastNames.add("er");
        // The expected_return rule's calibration, walked along the rows a desk acts on, as a desk would.
        ExpectedReturnRule expected = new ExpectedReturnRule(symbols, params);
        int width = ModelOutputs.width(horizons);
        double[] rowOutputs = new double[symbols * width];
        int i = 0;
        int sessionIndex = -1;
        lastDay = Long.MIN_VALUE;
        double[] outputs = tape.outputs();
        for (int row = 0; row < bars.size(); row++) {
            BarSet set = bars.get(row);
            if (set.nyEpochDay != lastDay) {
                lastDay = set.nyEpochDay;
                sessionIndex++;
            }
            if (usable[row]) {
                System.arraycopy(outputs, tape.offset(row, 0), rowOutputs, 0, rowOutputs.length);
                expected.onBarSet(set, set.close, rowOutputs);
            }
            for (int s = 0; usable[row] && s < symbols; s++) {
                if (!set.present[s] || !tape.ready(row, s)) {
                    continue;
                }
                int off = tape.offset(row, s);
                out.session[i] = sessionIndex;
                out.day[i] = set.nyEpochDay;
                out.symbol[i] = s;
                out.minute[i] = set.sessionMinute;
                for (int j = 0; j < horizons; j++) {
                    double scale = outputs[off + ModelOutputs.scale(horizons, j)];
                    out.forecast[j][i] = scale == 0.0 ? 0.0 : outputs[off + ModelOutputs.yhat(j)] / scale;
                }
                rule.score(outputs, off);
                plain.score(outputs, off);
                out.forecast[horizons][i] = rule.probability();
                out.forecast[horizons + 1][i] = rule.probability() * rule.confidence();
                out.forecast[horizons + 2][i] = expected.expected()[s];
                out.signal[i] = rule.signal();
                out.unamplifiedSignal[i] = plain.signal();
                for (int k = 0; k < FORWARD.length; k++) {
                    out.forward[k][i] = forwardReturn(bars, row, s, FORWARD[k]);
                }
                i++;
            }
        }
        return out;
    }

    /** A sample from given columns (tests of the statistics against hand-computed values). */
    static SignalSample of(List<String> names, int sessions, int[] session, long[] day, int[] symbol, int[] minute,
                           double[][] forecast, double[][] forward, int[] signal, int[] unamplified) {
        SignalSample out = new SignalSample(session.length, names.size(), sessions);
        out.forecastNames.addAll(names);
        System.arraycopy(session, 0, out.session, 0, session.length);
        System.arraycopy(day, 0, out.day, 0, day.length);
        System.arraycopy(symbol, 0, out.symbol, 0, symbol.length);
        System.arraycopy(minute, 0, out.minute, 0, minute.length);
        for (int c = 0; c < forecast.length; c++) {
            System.arraycopy(forecast[c], 0, out.forecast[c], 0, forecast[c].length);
        }
        for (int k = 0; k < forward.length; k++) {
            System.arraycopy(forward[k], 0, out.forward[k], 0, forward[k].length);
        }
        System.arraycopy(signal, 0, out.signal, 0, signal.length);
        System.arraycopy(unamplified, 0, out.unamplifiedSignal, 0, unamplified.length);
        return out;
    }

    /** Rows a desk acts on: the bar sets sync did not skip. */
    private static boolean[] usableRows(StrategyParams params, BarTape bars) {
        int symbols = bars.symbols();
        BarSetSynchronizer sync = new BarSetSynchronizer(symbols, params.maxForwardFill, params.maxMissingSymbols);
        BarSet synced = new BarSet(symbols);
        boolean[] filled = new boolean[symbols];
        boolean[] stale = new boolean[symbols];
        boolean[] usable = new boolean[bars.size()];
        for (int row = 0; row < usable.length; row++) {
            usable[row] = sync.apply(bars.get(row), synced, filled, stale);
        }
        return usable;
    }

    /** ln(o[t+1+h] / o[t+1]) over real bars of the same session; NaN otherwise. */
    static double forwardReturn(BarTape bars, int row, int s, int h) {
        int entry = row + 1;
        int exit = row + 1 + h;
        if (exit >= bars.size()) {
            return Double.NaN;
        }
        BarSet in = bars.get(entry);
        BarSet out = bars.get(exit);
        long day = bars.get(row).nyEpochDay;
        if (in.nyEpochDay != day || out.nyEpochDay != day || !in.present[s] || !out.present[s]) {
            return Double.NaN;
        }
        return Math.log(out.open[s] / in.open[s]);
    }

    public int size() {
        return size;
    }

    public int sessions() {
        return sessions;
    }

    public List<String> forecastNames() {
        return List.copyOf(forecastNames);
    }

    LocalDate date(int i) {
        return LocalDate.ofEpochDay(day[i]);
    }

    boolean isLong(int i) {
        return signal[i] == Learner.SIGNAL_LONG;
    }
}
