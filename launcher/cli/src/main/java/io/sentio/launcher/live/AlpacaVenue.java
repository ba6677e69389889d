package io.sentio.launcher.live;

import io.sentio.core.execution.ClientOrderIds;
import io.sentio.core.execution.ExecutionReport;
import io.sentio.core.execution.ExecutionVenue;
import io.sentio.core.execution.OrderBatch;
import io.sentio.core.execution.ReportedVenue;
import io.sentio.core.execution.WorkingOrders;
import io.sentio.core.market.Universe;
import io.sentio.core.pipeline.LatencyStats;
import io.sentio.core.time.SessionCalendar;
import io.sentio.launcher.alpaca.AlpacaApiException;
import io.sentio.launcher.alpaca.trading.Broker;
import io.sentio.launcher.alpaca.trading.OrderPoller;
import io.sentio.launcher.alpaca.trading.OrderReport;
import io.sentio.launcher.alpaca.trading.OrderSide;
import io.sentio.launcher.alpaca.trading.TradeUpdate;
import io.sentio.launcher.alpaca.trading.TradeUpdateListener;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * The live {@link ExecutionVenue}: orders decided in the ring go to the broker as day market orders
 * with their deterministic client order id; what the broker says about them (trade_updates, or the
 * poller when that stream is down, or the submit answer itself for a rejection) comes back into the
 * ring as {@link ExecutionReport}s, and {@link ReportedVenue} settles working orders from those, exactly
 * as the replay of this session's journal will.
 *
 * <p>{@link #send} runs on the execution stage and only queues; a sender thread makes the HTTP
 * calls, so a slow broker never stalls the ring. {@link #match} and {@link #onReport} run on the
 * portfolio stage.
 */
final class AlpacaVenue extends ReportedVenue implements TradeUpdateListener {
    private final Universe universe;
    private final String runId;
    private final Broker broker;
    private final Consumer<LiveInput> reports;
    private final PrintStream err;
    private final SessionObserver observer;
    private final OrderPoller poller;
    private final BlockingQueue<Ticket> outbox = new LinkedBlockingQueue<>();
    private final Map<String, Ticket> byClientId = new ConcurrentHashMap<>();
    private final LatencyStats barToAck = new LatencyStats("bar-to-order-ack");
    private final Thread sender;
    private volatile LiveSequencer sequencer;
    private volatile boolean polling;
    private volatile boolean catchUp;
    private volatile long sent;
    private final java.util.concurrent.atomic.AtomicLong rejected = new java.util.concurrent.atomic.AtomicLong();

    AlpacaVenue(Universe universe, String runId, Broker broker, Consumer<LiveInput> reports, PrintStream err,
                SessionObserver observer) {
        super(universe.size());
        this.universe = universe;
        this.runId = runId;
        this.broker = broker;
        this.reports = reports;
        this.err = err;
        this.observer = observer;
        this.poller = new OrderPoller(broker, this);
        this.sender = new Thread(this::sendLoop, "sentio-order-sender");
        this.sender.setDaemon(true);
    }

    void start(LiveSequencer seq) {
        this.sequencer = seq;
        sender.start();
    }

    /**
     * A restart, after the journal's inputs went through the ring (drained): asks the broker, by
     * client order id, about every order still working whose final word the journal does not hold.
     * Found: its state enters the ring as a report, and it is followed from here on. Not found: it
     * was journaled but died in the outbox; it is reported rejected rather than sent minutes late.
     */
    void recover(WorkingOrders working) throws IOException, InterruptedException {
        for (int s = 0; s < universe.size(); s++) {
            if (!working.has(s) || fills().terminal(s, working.sequence(s))) {
                continue;
            }
            String symbol = universe.symbol(s);
            Ticket t = new Ticket(s, symbol, working.quantity(s), working.sequence(s), working.decidedEpochSecond(s),
                ClientOrderIds.of(runId, working.decidedEpochSecond(s), symbol, working.sequence(s)));
            OrderReport r = broker.orderByClientOrderId(t.clientOrderId);
            if (r == null) {
                reject(t, "journaled before the restart, never reached the broker; not sent now, minutes late");
                continue;
            }
            err.println("sentio live: order " + t.clientOrderId + " from before the restart: " + r.status + ", filled "
                + r.filledQty);
            byClientId.put(t.clientOrderId, t);
            poller.track(r);
            onTradeUpdate(new TradeUpdate(OrderPoller.event(r), r, r.filledQty, r.filledAvgPrice));
        }
    }

    /**
     * Shares (unsigned) reported filled on order {@code sequence} of {@code symbol} and not yet
     * settled by the ring (it settles at the next bar set). Only while the ring is drained.
     */
    long reportedUnsettled(int symbol, long sequence) {
        return fills().pendingSequence(symbol) == sequence ? fills().pendingFilled(symbol) : 0;
    }

    @Override
    public void send(OrderBatch orders, long decidingEpochSecond) {
        for (int i = 0; i < orders.count(); i++) {
            int s = orders.symbol(i);
            String symbol = universe.symbol(s);
            outbox.add(new Ticket(s, symbol, orders.quantity(i), orders.sequence(i), decidingEpochSecond,
                ClientOrderIds.of(runId, decidingEpochSecond, symbol, orders.sequence(i))));
        }
    }

    private void sendLoop() {
        try {
            while (true) {
                Ticket t = outbox.take();
                if (t.symbolIndex < 0) {
                    return;
                }
                submit(t);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void submit(Ticket t) throws InterruptedException {
        byClientId.put(t.clientOrderId, t);
        OrderSide side = t.quantity > 0 ? OrderSide.BUY : OrderSide.SELL;
        try {
            OrderReport r = broker.submitMarketOrder(t.name, Math.abs(t.quantity), side, t.clientOrderId);
            sent++;
            recordLatency(t);
            poller.track(r);
            if (r.isRejected()) {
                reject(t, "broker rejected it");
            }
        } catch (AlpacaApiException e) {
            reject(t, "HTTP " + e.httpStatus() + ": " + e.getMessage());
        } catch (IOException e) {
            // AlpacaBroker already looked the order up by client id between attempts: it is not at the broker.
            reject(t, "not delivered: " + e);
        }
    }

    private void recordLatency(Ticket t) {
        LiveSequencer seq = sequencer;
        long day = SessionCalendar.nyEpochDay(t.decidingEpochSecond);
        int minute = (int) ((t.decidingEpochSecond - SessionCalendar.openEpochSecond(day)) / 60);
        long published = seq == null ? 0 : seq.publishedNanos(minute);
        long ack = published == 0 ? -1 : System.nanoTime() - published;
        if (ack >= 0) {
            barToAck.record(ack);
        }
        observer.orderSent(ack);
    }

    private void reject(Ticket t, String why) {
        if (!t.claimRejection()) {
            return;
        }
        rejected.incrementAndGet();
        err.println("sentio live: order " + t.clientOrderId + " rejected (" + why + "); its slot is free again");
        reports.accept(new LiveInput.Report(t.symbolIndex, t.sequence, ExecutionReport.REJECTED, 0, Double.NaN,
            System.currentTimeMillis()));
    }

    /**
     * An order's new state, from the stream or the poller (the poller's own changes are news to it
     * too); a state already reported, e.g. a fill polled just before the stream delivered it, is not
     * reported twice.
     */
    @Override
    public void onTradeUpdate(TradeUpdate u) {
        Ticket t = byClientId.get(u.order.clientOrderId);
        if (t == null || !poller.observe(u.order)) {
            return;
        }
        int status;
        switch (u.event) {
            case "fill":
                status = ExecutionReport.FILLED;
                break;
            case "partial_fill":
                status = ExecutionReport.PARTIAL;
                break;
            case "canceled": case "expired": case "done_for_day":
                status = ExecutionReport.CANCELLED;
                break;
            case "rejected":
                reject(t, "trade_updates: rejected");
                return;
            default:
                return;
        }
        reports.accept(new LiveInput.Report(t.symbolIndex, t.sequence, status, u.order.filledQty,
            u.order.filledAvgPrice, System.currentTimeMillis()));
    }

    /** The trade_updates stream is gone: the daemon polls orders instead. */
    @Override
    public void onStreamDown(String reason) {
        err.println("sentio live: trade_updates stream down (" + reason + "); polling orders instead");
        polling = true;
    }

    /** Subscribed again: polling stops after one more round, for what the stream sent while it was away. */
    @Override
    public void onStreamRestored() {
        observer.tradeUpdatesRestored();
        restore();
    }

    /** Handled as a restoration (one catch-up poll), as the listener's default does; but no reconnect for the observer. */
    @Override
    public void onUnreadableMessage(String reason) {
        restore();
    }

    private void restore() {
        catchUp = true;
        if (polling) {
            polling = false;
            err.println("sentio live: trade_updates stream back; polling stopped");
        }
    }

    /** Polls the orders if the stream is down, or once after it came back; on a timer. */
    void pollIfDue() throws IOException, InterruptedException {
        if (polling || catchUp) {
            boolean catchingUp = catchUp;
            catchUp = false;
            try {
                poller.pollOnce();
            } catch (IOException | RuntimeException e) {
                catchUp |= catchingUp;
                throw e;
            }
        }
    }

    /** Stops the sender after the orders already queued have been submitted. */
    void closeAndDrain() throws InterruptedException {
        outbox.add(new Ticket(-1, null, 0, 0, 0, null));
        sender.join(30_000);
    }

    LatencyStats.Summary latency() {
        return barToAck.summary();
    }

    long sent() {
        return sent;
    }

    long rejected() {
        return rejected.get();
    }

    private static final class Ticket {
        final int symbolIndex;
        final String name;
        final long quantity;
        final long sequence;
        final long decidingEpochSecond;
        final String clientOrderId;
        private boolean rejectionReported;

        Ticket(int symbolIndex, String name, long quantity, long sequence, long decidingEpochSecond, String clientOrderId) {
            this.symbolIndex = symbolIndex;
            this.name = name;
            this.quantity = quantity;
            this.sequence = sequence;
            this.decidingEpochSecond = decidingEpochSecond;
            this.clientOrderId = clientOrderId;
        }

        /** The submit answer and trade_updates may both say "rejected": the first one reports it. */
        synchronized boolean claimRejection() {
            if (rejectionReported) {
                return false;
            }
            rejectionReported = true;
            return true;
        }
    }
}
