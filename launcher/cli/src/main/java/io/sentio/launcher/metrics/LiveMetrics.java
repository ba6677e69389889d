package io.sentio.launcher.metrics;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.GaugeDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.sentio.core.live.MinuteAssembler;
import io.sentio.core.pipeline.Pipeline;
import io.sentio.core.pipeline.ShadowDesk;
import io.sentio.core.pipeline.TradeListener;
import io.sentio.launcher.live.SessionObserver;
import java.util.List;

/**
 * The live sessions' Prometheus metrics (docs/live-operations.md lists them) and what the status
 * page shows. Every labelled child a session touches per bar set is bound before its ring starts,
 * so an update is a lock-free add or store on the thread that handles the event; positions and the
 * shadow desks' equity are read when scraped. One instance watches any number of sessions in
 * turn; counters run on across them.
 */
public final class LiveMetrics implements SessionObserver {
    static final String END_TO_END = "end-to-end";

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final CounterDataPoint complete;
    private final CounterDataPoint timedOut;
    private final CounterDataPoint superseded;
    private final CounterDataPoint backfilled;
    private final CounterDataPoint lateBars;
    private final CounterDataPoint marketDataReconnects;
    private final CounterDataPoint tradeUpdatesReconnects;
    private final CounterDataPoint sent;
    final CounterDataPoint decided;
    final CounterDataPoint partiallyFilled;
    final CounterDataPoint filled;
    final CounterDataPoint cancelled;
    final CounterDataPoint rejected;
    private final GaugeDataPoint marketDataUp;
    private final LatencyHistograms.Child orderAck;
    private final LatencyHistograms stageLatency;
    private final LatencyHistograms.Child endToEnd;
    final Counter fills;
    final Gauge equity;
    final Gauge drawdown;
    final Gauge breakerLimit;
    final Gauge breakerTripped;
    final Gauge feedLag;
    final Gauge sessionMinute;
    private volatile SessionRecorder current;
    private volatile List<ShadowDesk> shadows = List.of();

    public LiveMetrics() {
        Counter barSets = counter("sentio_bar_sets", "Bar sets published into the ring, by how their minute closed", "fate");
        complete = barSets.labelValues("complete");
        timedOut = barSets.labelValues("timed_out");
        superseded = barSets.labelValues("closed_by_later_minute");
        backfilled = barSets.labelValues("backfilled");
        lateBars = counter("sentio_late_bars", "Bars and corrections of already published minutes, dropped").labelValues();
        Counter reconnects = counter("sentio_stream_reconnects", "Streams subscribed again after a lost connection", "stream");
        marketDataReconnects = reconnects.labelValues("market_data");
        tradeUpdatesReconnects = reconnects.labelValues("trade_updates");
        Counter orders = counter("sentio_orders", "Orders by state: decided in the ring, sent (acknowledged by the broker), then the"
            + " broker's reports partially_filled, filled, cancelled, rejected", "state");
        decided = orders.labelValues("decided");
        sent = orders.labelValues("sent");
        partiallyFilled = orders.labelValues("partially_filled");
        filled = orders.labelValues("filled");
        cancelled = orders.labelValues("cancelled");
        rejected = orders.labelValues("rejected");
        fills = counter("sentio_fills", "Fills the portfolio settled");
        marketDataUp = gauge("sentio_market_data_up", "1 while the market-data stream is subscribed").labelValues();
        feedLag = gauge("sentio_feed_lag_seconds",
            "How far behind its minute's close (market clock) the last bar set went through the ring");
        equity = gauge("sentio_equity_usd", "Desk 0's equity at the last bar set's close");
        drawdown = gauge("sentio_drawdown_ratio", "Desk 0's drawdown from the session's peak mark, as a fraction of the peak");
        breakerLimit = gauge("sentio_circuit_breaker_drawdown_ratio", "The drawdown that trips the circuit breaker");
        breakerTripped = gauge("sentio_circuit_breaker_tripped", "1 once the circuit breaker tripped this session");
        sessionMinute = gauge("sentio_session_minute", "Session minute (0 = 09:30 New York) of the last bar set");
        equity.set(Double.NaN);
        feedLag.set(Double.NaN);
        sessionMinute.set(Double.NaN);
        breakerLimit.set(Double.NaN);
        orderAck = histograms("sentio_order_ack_latency_seconds",
            "From a bar set entering the ring to the broker acknowledging an order it decided", null, 1_000_000, 17).child();
        stageLatency = histograms("sentio_stage_latency_seconds", "Time each pipeline stage spent on a bar set", "stage",
            1_000, 21);
        endToEnd = histograms("sentio_end_to_end_latency_seconds",
            "From a bar set's last input arriving to its orders handed to the sender", null, 1_000, 24).child();
        GaugeWithCallback.builder().name("sentio_position_shares").help("Shares desk 0 holds, per symbol")
            .labelNames("symbol").callback(cb -> {
                SessionRecorder r = current;
                if (r != null) {
                    for (int s = 0; s < r.session.universe().size(); s++) {
                        cb.call(r.session.position().applyAsLong(s), r.session.universe().symbol(s));
                    }
                }
            }).register(registry);
        GaugeWithCallback.builder().name("sentio_shadow_equity_usd")
            .help("Each shadow desk's equity at its last bar set's close (simulated fills, never sent)")
            .labelNames("desk").callback(cb -> {
                for (ShadowDesk d : shadows) {
                    if (!Double.isNaN(d.lastEquity())) {
                        cb.call(d.lastEquity(), d.name());
                    }
                }
            }).register(registry);
    }

    private Counter counter(String name, String help, String... labels) {
        return Counter.builder().name(name + "_total").help(help).labelNames(labels).withoutExemplars().register(registry);
    }

    private LatencyHistograms histograms(String name, String help, String label, long firstNanos, int buckets) {
        LatencyHistograms h = new LatencyHistograms(name, help, label, firstNanos, buckets);
        registry.register(h);
        return h;
    }

    private Gauge gauge(String name, String help) {
        return Gauge.builder().name(name).help(help).withoutExemplars().register(registry);
    }

    public PrometheusRegistry registry() {
        return registry;
    }

    @Override
    public TradeListener sessionStarting(Session session) {
        shadows = List.of();
        SessionRecorder r = new SessionRecorder(session, this);
        current = r;
        return r;
    }

    @Override
    public void pipelineBuilt(Pipeline pipeline) {
        shadows = pipeline.shadows();
        pipeline.tapLatency(name -> {
            LatencyHistograms.Child h = name.equals(END_TO_END) ? endToEnd : stageLatency.child(name);
            return h::record;
        });
    }

    @Override
    public void barSetPublished(int trigger, boolean wasBackfilled) {
        if (wasBackfilled) {
            backfilled.inc();
        } else if (trigger == MinuteAssembler.COMPLETE) {
            complete.inc();
        } else if (trigger == MinuteAssembler.TIMEOUT) {
            timedOut.inc();
        } else {
            superseded.inc();
        }
    }

    @Override
    public void lateBar() {
        lateBars.inc();
    }

    @Override
    public void marketData(boolean up, int connection) {
        marketDataUp.set(up ? 1 : 0);
        if (up && connection > 1) {
            marketDataReconnects.inc();
        }
    }

    @Override
    public void orderSent(long ackNanos) {
        sent.inc();
        if (ackNanos >= 0) {
            orderAck.record(ackNanos);
        }
    }

    @Override
    public void tradeUpdatesRestored() {
        tradeUpdatesReconnects.inc();
    }

    @Override
    public void sessionEnded(int exitCode) {
        SessionRecorder r = current;
        if (r != null) {
            r.ended(exitCode);
        }
    }

    /** The session being (or last) traded; null before the first. */
    SessionRecorder current() {
        return current;
    }

    List<ShadowDesk> shadows() {
        return shadows;
    }

    FeedHealth feedHealth() {
        return new FeedHealth(marketDataUp.get() == 1, (long) complete.get(), (long) timedOut.get(), (long) superseded.get(),
            (long) backfilled.get(), (long) lateBars.get(), (long) marketDataReconnects.get(),
            (long) tradeUpdatesReconnects.get());
    }

    /** The market data as the status page shows it. */
    record FeedHealth(boolean up, long complete, long timedOut, long superseded, long backfilled, long lateBars,
                      long marketDataReconnects, long tradeUpdatesReconnects) {
    }
}
