package io.sentio.core.diagnostics;

import io.sentio.core.learn.Learner;
import io.sentio.core.pipeline.RunResult;
import io.sentio.core.portfolio.RoundTripLog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/** Computes a {@link SignalReport} from a {@link SignalSample} (see there for the definitions). */
public final class SignalDiagnostics {
    /** Forward horizon (bars) of the time-of-day, month and quantile tables. */
    public static final int REFERENCE_BARS = 5;
    private static final int BUCKET_MINUTES = 30;
    private static final int BUCKETS = 13;

    private SignalDiagnostics() {
    }

    /**
     * @param grossRun        a desk run of the same params over the same range at zero cost
     * @param roundTripCostBp the cost per round trip the params assume, in bp
     */
    public static SignalReport report(SignalSample x, List<String> symbols, RunResult grossRun, double roundTripCostBp) {
        int forecasts = x.forecastNames.size();
        int[] fwd = SignalSample.FORWARD;
        int ref = Arrays.binarySearch(fwd, REFERENCE_BARS);
        int[][] bySession = groups(x, x.session, x.sessions);

        MeanT[][] pooled = new MeanT[forecasts][fwd.length];
        MeanT[][][] perSymbol = new MeanT[symbols.size()][forecasts][fwd.length];
        for (int c = 0; c < forecasts; c++) {
            for (int k = 0; k < fwd.length; k++) {
                pooled[c][k] = sessionIc(x, c, k, bySession, -1);
                for (int s = 0; s < symbols.size(); s++) {
                    perSymbol[s][c][k] = sessionIc(x, c, k, bySession, s);
                }
            }
        }

        List<String> buckets = new ArrayList<>();
        for (int b = 0; b < BUCKETS; b++) {
            int m = 570 + b * BUCKET_MINUTES;
            buckets.add(String.format("%02d:%02d", m / 60, m % 60));
        }
        MeanT[][] tod = new MeanT[forecasts][BUCKETS];
        for (int b = 0; b < BUCKETS; b++) {
            int bucket = b;
            int[][] cell = filtered(bySession, i -> Math.min(x.minute[i] / BUCKET_MINUTES, BUCKETS - 1) == bucket);
            for (int c = 0; c < forecasts; c++) {
                tod[c][b] = sessionIc(x, c, ref, cell, -1);
            }
        }

        TreeMap<String, List<Integer>> monthSessions = new TreeMap<>();
        for (int s = 0; s < bySession.length; s++) {
            if (bySession[s].length > 0) {
                String month = x.date(bySession[s][0]).toString().substring(0, 7);
                monthSessions.computeIfAbsent(month, k -> new ArrayList<>()).add(s);
            }
        }
        List<String> months = new ArrayList<>(monthSessions.keySet());
        MeanT[][] byMonth = new MeanT[forecasts][months.size()];
        for (int mi = 0; mi < months.size(); mi++) {
            List<Integer> in = monthSessions.get(months.get(mi));
            int[][] cell = new int[in.size()][];
            for (int j = 0; j < cell.length; j++) {
                cell[j] = bySession[in.get(j)];
            }
            for (int c = 0; c < forecasts; c++) {
                byMonth[c][mi] = sessionIc(x, c, ref, cell, -1);
            }
        }

        SignalReport.Quantiles[] quantiles = new SignalReport.Quantiles[forecasts];
        for (int c = 0; c < forecasts; c++) {
            quantiles[c] = quantiles(x.forecast[c], x.forward[ref], x.size);
        }
        return new SignalReport(x.forecastNames(), List.copyOf(symbols), x.sessions, x.size, fwd.clone(), pooled,
            perSymbol, REFERENCE_BARS, buckets, tod, months, byMonth, quantiles, signals(x),
            turnover(grossRun, roundTripCostBp));
    }

    /** Mean over sessions of each session's rank IC (of one symbol, or all with {@code symbol} < 0). */
    private static MeanT sessionIc(SignalSample x, int c, int k, int[][] sessions, int symbol) {
        double[] ics = new double[sessions.length];
        int[] idx = new int[0];
        for (int s = 0; s < sessions.length; s++) {
            int[] members = sessions[s];
            if (symbol >= 0) {
                if (idx.length < members.length) {
                    idx = new int[members.length];
                }
                int n = 0;
                for (int i : members) {
                    if (x.symbol[i] == symbol) {
                        idx[n++] = i;
                    }
                }
                ics[s] = RankCorrelation.spearman(x.forecast[c], x.forward[k], idx, n);
            } else {
                ics[s] = RankCorrelation.spearman(x.forecast[c], x.forward[k], members, members.length);
            }
        }
        return MeanT.of(ics, ics.length);
    }

    static SignalReport.Quantiles quantiles(double[] forecast, double[] forward, int size) {
        int n = 0;
        int[] valid = new int[size];
        for (int i = 0; i < size; i++) {
            if (Double.isFinite(forecast[i]) && Double.isFinite(forward[i])) {
                valid[n++] = i;
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = valid[i];
        }
        Arrays.sort(order, (a, b) -> Double.compare(forecast[a], forecast[b]));
        double[] decile = new double[10];
        int[] count = new int[10];
        for (int r = 0; r < n; r++) {
            int d = Math.min(9, (int) ((long) r * 10 / n));
            decile[d] += forward[order[r]];
            count[d]++;
        }
        for (int d = 0; d < 10; d++) {
            decile[d] = count[d] == 0 ? Double.NaN : 1e4 * decile[d] / count[d];
        }
        int tail = n / 100;
        double bottom = 0;
        double top = 0;
        for (int r = 0; r < tail; r++) {
            bottom += forward[order[r]];
            top += forward[order[n - 1 - r]];
        }
        return new SignalReport.Quantiles(decile, count, tail == 0 ? Double.NaN : 1e4 * bottom / tail,
            tail == 0 ? Double.NaN : 1e4 * top / tail, tail);
    }

    private static SignalReport.Signals signals(SignalSample x) {
        int longs = 0;
        int shorts = 0;
        int created = 0;
        int changed = 0;
        for (int i = 0; i < x.size; i++) {
            longs += x.signal[i] == Learner.SIGNAL_LONG ? 1 : 0;
            shorts += x.signal[i] == Learner.SIGNAL_SHORT ? 1 : 0;
            created += x.signal[i] == Learner.SIGNAL_LONG && x.unamplifiedSignal[i] != Learner.SIGNAL_LONG ? 1 : 0;
            changed += x.signal[i] != x.unamplifiedSignal[i] ? 1 : 0;
        }
        return new SignalReport.Signals(x.size, longs, shorts, created, changed);
    }

    private static SignalReport.Turnover turnover(RunResult gross, double roundTripCostBp) {
        RoundTripLog trips = gross.roundTrips;
        double pnl = 0;
        double notional = 0;
        for (int i = 0; i < trips.size(); i++) {
            pnl += trips.netPnl(i);
            notional += Math.abs(trips.quantity(i)) * trips.entryPrice(i);
        }
        return new SignalReport.Turnover(trips.size(), gross.metrics.tradesPerDay,
            notional == 0 ? Double.NaN : 1e4 * pnl / notional, roundTripCostBp);
    }

    /** Observation indices grouped by a key in [0, groups) (observations come in session order). */
    private static int[][] groups(SignalSample x, int[] key, int groups) {
        int[] counts = new int[groups];
        for (int i = 0; i < x.size; i++) {
            counts[key[i]]++;
        }
        int[][] out = new int[groups][];
        for (int g = 0; g < groups; g++) {
            out[g] = new int[counts[g]];
        }
        int[] at = new int[groups];
        for (int i = 0; i < x.size; i++) {
            out[key[i]][at[key[i]]++] = i;
        }
        return out;
    }

    private static int[][] filtered(int[][] groups, java.util.function.IntPredicate keep) {
        int[][] out = new int[groups.length][];
        for (int g = 0; g < groups.length; g++) {
            out[g] = Arrays.stream(groups[g]).filter(keep).toArray();
        }
        return out;
    }
}
