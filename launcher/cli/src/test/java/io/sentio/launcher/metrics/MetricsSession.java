package io.sentio.launcher.metrics;

import io.sentio.core.config.StrategyParams;
import io.sentio.core.execution.ExecutionReport;
import io.sentio.core.learn.OnlineLearner;
import io.sentio.core.live.MinuteAssembler;
import io.sentio.core.market.BarSet;
import io.sentio.core.market.Universe;
import io.sentio.core.pipeline.Pipeline;
import io.sentio.core.pipeline.PipelineContext;
import io.sentio.core.pipeline.PipelineEvent;
import io.sentio.core.pipeline.RunResult;
import io.sentio.core.pipeline.TradeListener;
import io.sentio.core.sync.SessionMinuteMerger;
import io.sentio.core.synth.SyntheticMarket;
import io.sentio.launcher.live.LiveClock;
import io.sentio.launcher.live.SessionObserver;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A session of the seeded synthetic market through a real pipeline (simulated fills), watched by
 * {@link LiveMetrics} as the live daemon wires it: its listener on the execution stage, its taps on
 * the stage latencies, the sequencer's callbacks for every bar set. What the daemon adds on top
 * (sockets, broker) is tested end to end in PrometheusScrapeTest.
 */
final class MetricsSession {
    static final SyntheticMarket MARKET = SyntheticMarket.generate(41, LocalDate.of(2025, 5, 5), 2);
    static final LocalDate DAY = LocalDate.of(2025, 5, 6);

    final LiveMetrics metrics = new LiveMetrics();
    final StrategyParams params = StrategyParams.defaults();
    final Universe universe = MARKET.universe();
    /** The desk's shares as fills report them, what LiveStatus keeps in the daemon. */
    final AtomicLongArray shares = new AtomicLongArray(MARKET.universe().size());
    long orders;
    long fills;
    /** The risk manager tripped the breaker in the last session seen. */
    boolean trippedLastSession;
    private long lastDay;
    RunResult result;
    Pipeline pipeline;

    /** Runs both sessions of the market, reporting the second as the live one; {@code shadow} adds a shadow desk. */
    MetricsSession run(String runId, StrategyParams shadow) {
        List<PipelineContext.ShadowSpec> shadows = shadow == null ? List.of()
            : List.of(new PipelineContext.ShadowSpec("challenger <1>", shadow));
        TradeListener recorder = metrics.sessionStarting(new SessionObserver.Session(DAY, runId, universe, params,
            new StillClock(), shares::get));
        PipelineContext ctx = new PipelineContext().universe(universe).params(params).shadows(shadows)
            .learnerFactory(s -> new OnlineLearner(params.oes, params.buyThreshold)).shards(2)
            .listener(new Counting(recorder)).runId(runId).conclude();
        pipeline = new Pipeline(ctx);
        metrics.pipelineBuilt(pipeline);
        pipeline.start();
        metrics.marketData(true, 1);
        BarSet set = new BarSet(universe.size());
        try (SessionMinuteMerger merger = new SessionMinuteMerger(MARKET.sources())) {
            while (merger.next(set)) {
                pipeline.publish(set, System.nanoTime());
                metrics.barSetPublished(MinuteAssembler.COMPLETE, false);
            }
        }
        metrics.orderSent(2_000_000);
        metrics.orderSent(-1);
        metrics.barSetPublished(MinuteAssembler.TIMEOUT, false);
        metrics.barSetPublished(MinuteAssembler.SUPERSEDED, false);
        metrics.barSetPublished(MinuteAssembler.COMPLETE, true);
        metrics.lateBar();
        metrics.marketData(false, 1);
        metrics.marketData(true, 2);
        metrics.tradeUpdatesRestored();
        result = pipeline.finish();
        // The broker's word on orders, as the live venue's reports reach the execution stage (one of each).
        PipelineEvent report = PipelineEvent.factory(universe.size(), 1).newInstance();
        for (int status : new int[] {ExecutionReport.PARTIAL, ExecutionReport.FILLED, ExecutionReport.CANCELLED,
            ExecutionReport.REJECTED, ExecutionReport.ADOPTED}) {
            report.report.set(0, 1, status, 1, 10.0, 0);
            recorder.onReport(report);
        }
        metrics.sessionEnded(0);
        return this;
    }

    /** Tells the recorder everything and counts what it was told. */
    private final class Counting implements TradeListener {
        private final TradeListener inner;

        Counting(TradeListener inner) {
            this.inner = inner;
        }

        @Override
        public void onFills(PipelineEvent ev) {
            for (int i = 0; i < ev.fills.count(); i++) {
                if (ev.fills.status(i) == io.sentio.core.execution.FillBatch.FILLED) {
                    fills++;
                    shares.addAndGet(ev.fills.symbol(i), ev.fills.quantity(i));
                }
            }
            inner.onFills(ev);
        }

        @Override
        public void onOrders(PipelineEvent ev) {
            orders += ev.orders.count();
            inner.onOrders(ev);
        }

        @Override
        public void onBarSet(PipelineEvent ev) {
            if (ev.received.nyEpochDay != lastDay) {
                lastDay = ev.received.nyEpochDay;
                trippedLastSession = false;
            }
            trippedLastSession |= ev.circuitBreakerTripped;
            inner.onBarSet(ev);
        }
    }

    /** The market clock at 09:30 New York of {@link #DAY}: lag figures are then negative minutes, and fixed. */
    static final class StillClock implements LiveClock {
        private final long openMillis = io.sentio.core.time.SessionCalendar.openEpochSecond(DAY.toEpochDay()) * 1000;

        @Override
        public long epochMillis() {
            return openMillis;
        }

        @Override
        public void sleepUntil(long epochMillis) {
            throw new UnsupportedOperationException("a still clock never gets there");
        }

        @Override
        public double speed() {
            return 0;
        }

        @Override
        public void anchor() {
        }
    }

    static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    /** The value of one sample line of Prometheus text format, e.g. {@code sentio_orders_total{state="sent"}}. */
    static double sample(String text, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(text);
        if (!m.find()) {
            throw new AssertionError("no sample " + series + " in:\n" + text);
        }
        return Double.parseDouble(m.group(1));
    }

    /** Every sample line of a metric (its series, labels included). */
    static List<String> series(String text, String metric) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^(" + Pattern.quote(metric) + "(\\{[^}]*\\})?) \\S+$").matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
