package io.sentio.launcher.signals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sentio.core.diagnostics.MeanT;
import io.sentio.core.diagnostics.SignalReport;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The tear sheet as JSON. IC keys name the symbol (or "pooled"), the forecast and the forward
 * horizon, e.g. {@code ic.pooled.z_h5.h5 = {mean, t, sessions}}; undefined values are null.
 */
public final class SignalJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SignalJson() {
    }

    public static void write(SignalReport r, String costs, Path file) throws IOException {
        MAPPER.writeValue(file.toFile(), tree(r, costs));
    }

    static ObjectNode tree(SignalReport r, String costs) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("sessions", r.sessions());
        o.put("observations", r.observations());
        o.put("costs", costs);
        o.put("forward_return", "ln(open[t+1+h] / open[t+1]) within the session");
        ObjectNode ic = o.putObject("ic");
        decay(ic.putObject("pooled"), r, r.pooledDecay());
        for (int s = 0; s < r.symbols().size(); s++) {
            decay(ic.putObject(r.symbols().get(s)), r, r.symbolDecay()[s]);
        }
        ObjectNode tod = o.putObject("ic_by_time_of_day_h" + r.referenceBars());
        ObjectNode month = o.putObject("ic_by_month_h" + r.referenceBars());
        ObjectNode quantiles = o.putObject("forward_bp_by_quantile_h" + r.referenceBars());
        for (int c = 0; c < r.forecasts().size(); c++) {
            String f = r.forecasts().get(c);
            ObjectNode t = tod.putObject(f);
            for (int b = 0; b < r.buckets().size(); b++) {
                meanT(t.putObject(r.buckets().get(b)), r.byTimeOfDay()[c][b]);
            }
            ObjectNode m = month.putObject(f);
            for (int i = 0; i < r.months().size(); i++) {
                meanT(m.putObject(r.months().get(i)), r.byMonth()[c][i]);
            }
            SignalReport.Quantiles q = r.quantiles()[c];
            ObjectNode qn = quantiles.putObject(f);
            ArrayNode deciles = qn.putArray("deciles");
            for (double d : q.decileBp()) {
                number(deciles, d);
            }
            number(qn, "bottom_1pct", q.bottomPercentBp());
            number(qn, "top_1pct", q.topPercentBp());
            qn.put("tail_count", q.tailCount());
        }
        SignalReport.Signals s = r.signals();
        ObjectNode calls = o.putObject("calls");
        calls.put("observations", s.observations());
        calls.put("long", s.longs());
        calls.put("short", s.shorts());
        calls.put("long_made_by_amplification", s.longsCreatedByAmplification());
        calls.put("changed_by_amplification", s.changedByAmplification());
        SignalReport.Turnover t = r.turnover();
        ObjectNode turnover = o.putObject("turnover_at_zero_cost");
        turnover.put("round_trips", t.roundTrips());
        number(turnover, "trades_per_day", t.tradesPerDay());
        number(turnover, "gross_edge_bp_per_round_trip", t.grossEdgeBpPerRoundTrip());
        number(turnover, "round_trip_cost_bp", t.roundTripCostBp());
        return o;
    }

    private static void decay(ObjectNode into, SignalReport r, MeanT[][] table) {
        for (int c = 0; c < r.forecasts().size(); c++) {
            ObjectNode f = into.putObject(r.forecasts().get(c));
            for (int k = 0; k < r.forward().length; k++) {
                meanT(f.putObject("h" + r.forward()[k]), table[c][k]);
            }
        }
    }

    private static void meanT(ObjectNode o, MeanT m) {
        number(o, "mean", m.mean());
        number(o, "t", m.t());
        o.put("sessions", m.n());
    }

    private static void number(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }

    private static void number(ArrayNode a, double v) {
        if (Double.isFinite(v)) {
            a.add(v);
        } else {
            a.addNull();
        }
    }
}
