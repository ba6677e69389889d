package io.sentio.launcher.signals;

import io.sentio.core.diagnostics.MeanT;
import io.sentio.core.diagnostics.SignalReport;
import java.io.PrintStream;
import java.util.Locale;

/** The tear sheet on stdout: decay table, quantiles, how the rule calls, turnover against cost. */
public final class SignalText {
    private SignalText() {
    }

    public static void print(SignalReport r, String costs, PrintStream out) {
        out.printf(Locale.ROOT, "signals: %d sessions, %d symbols, %d observations (real bars of ready models); %s%n",
            r.sessions(), r.symbols().size(), r.observations(), costs);
        out.println("rank IC against ln(open[t+1+h] / open[t+1]), pooled over symbols: mean over sessions (t)");
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-8s", "forecast"));
        for (int h : r.forward()) {
            head.append(String.format(Locale.ROOT, " %14s", "h=" + h));
        }
        out.println(head);
        for (int c = 0; c < r.forecasts().size(); c++) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-8s", r.forecasts().get(c)));
            for (MeanT m : r.pooledDecay()[c]) {
                row.append(String.format(Locale.ROOT, " %14s", ic(m)));
            }
            out.println(row);
        }
        out.printf(Locale.ROOT, "mean return over %d bars from the next open by forecast decile (bp, lowest first); "
            + "1%% tails; round trip costs %.2f bp%n", r.referenceBars(), r.turnover().roundTripCostBp());
        for (int c = 0; c < r.forecasts().size(); c++) {
            SignalReport.Quantiles q = r.quantiles()[c];
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-8s", r.forecasts().get(c)));
            for (double d : q.decileBp()) {
                row.append(String.format(Locale.ROOT, " %7.2f", d));
            }
            row.append(String.format(Locale.ROOT, "   bottom 1%% %7.2f  top 1%% %7.2f", q.bottomPercentBp(), q.topPercentBp()));
            out.println(row);
        }
        SignalReport.Signals s = r.signals();
        out.printf(Locale.ROOT, "calls: LONG %.1f%%, SHORT %.1f%% of observations; %.1f%% of LONG calls made by the Bollinger "
                + "amplification alone; %.1f%% of all calls changed by it%n",
            pct(s.longs(), s.observations()), pct(s.shorts(), s.observations()),
            pct(s.longsCreatedByAmplification(), s.longs()), pct(s.changedByAmplification(), s.observations()));
        SignalReport.Turnover t = r.turnover();
        double edge = t.grossEdgeBpPerRoundTrip();
        out.printf(Locale.ROOT, "the rule at zero cost: %d round trips, %.1f trades/day, gross edge %.2f bp per round trip "
                + "(the break-even cost) against %.2f bp assumed: %s%n", t.roundTrips(), t.tradesPerDay(), edge,
            t.roundTripCostBp(), !Double.isFinite(edge) ? "no round trip"
                : edge > t.roundTripCostBp() ? "the edge covers the cost" : "the edge does NOT cover the cost");
    }

    static String ic(MeanT m) {
        return Double.isFinite(m.mean()) ? String.format(Locale.ROOT, "%.4f (%s)", m.mean(),
            Double.isFinite(m.t()) ? String.format(Locale.ROOT, "%.1f", m.t()) : "n/a") : "n/a";
    }

    static double pct(int part, int whole) {
        return whole == 0 ? Double.NaN : 100.0 * part / whole;
    }
}
