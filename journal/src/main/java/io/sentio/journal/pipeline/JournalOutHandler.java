package io.sentio.journal.pipeline;

import io.sentio.core.execution.ClientOrderIds;
import io.sentio.core.execution.FillBatch;
import io.sentio.core.execution.OrderBatch;
import io.sentio.core.execution.OrderReason;
import io.sentio.core.pipeline.LatencyStats;
import io.sentio.core.pipeline.PipelineEvent;
import io.sentio.core.pipeline.StageHandler;
import io.sentio.journal.JournalWriter;
import io.sentio.journal.codec.DecisionKind;
import io.sentio.journal.codec.FillStatus;
import io.sentio.journal.codec.OrderType;
import io.sentio.journal.codec.Side;
import java.util.List;

/**
 * Journal-out (DESIGN §3 stage 4, after the portfolio stage and journal-in, before execution): per
 * bar set, in this order, the fills and cancellations at its open, the signals (or SKIPPED, or one
 * FAILED per failed stage), the decisions and orders at its close, and at a session's close minute
 * the session summary. Client order ids are built in a reused StringBuilder: nothing allocated per
 * event. During crash recovery it marks an event {@link PipelineEvent#recovered} when its orders were
 * already journaled, so execution does not send them a second time.
 */
public final class JournalOutHandler extends StageHandler {
    private final RunJournal journal;
    private final String runId;
    private final String[] symbols;
    private final int executionSlot;
    private final StringBuilder id = new StringBuilder(64);
    private final LatencyStats latency = new LatencyStats("journal-out");
    private JournalWriter writer;
    private int sessionFills;

    JournalOutHandler(RunJournal journal, String runId, List<String> symbols, int executionSlot) {
        this.journal = journal;
        this.runId = runId;
        this.symbols = symbols.toArray(new String[0]);
        this.executionSlot = executionSlot;
    }

    /** Service time per bar set. */
    public LatencyStats.Summary latency() {
        return latency.summary();
    }

    @Override
    public void onStart() {
        writer = journal.outputWriter();
    }

    @Override
    protected void handle(PipelineEvent ev) {
        if (ev.kind != PipelineEvent.BAR_SET || journal.hasDiverged()) {
            return;
        }
        long start = System.nanoTime();
        try {
            write(ev);
            latency.record(System.nanoTime() - start);
        } catch (RuntimeException e) {
            journal.noteFailure(e);
            throw e;
        }
    }

    private void write(PipelineEvent ev) {
        long minute = ev.received.epochSecond;
        long before = writer.appended();
        if (ev.failedBefore(executionSlot)) {
            for (int slot = 0; slot < executionSlot; slot++) {
                if (ev.failedAt(slot)) {
                    writer.appendFailed(minute, slot, ev.failureCause(slot).getName());
                }
            }
            return;
        }
        if (ev.skipped) {
            writer.appendSkipped(minute, ev.symbols() - ev.received.presentCount());
            return;
        }
        fills(ev.fills, minute);
        writer.appendSignals(minute, ev.probability, ev.confidence, ev.strength, ev.signal);
        if (ev.circuitBreakerTripped) {
            writer.appendDecision(minute, DecisionKind.CIRCUIT_BREAKER, -1, 0.0, 0.0, 0);
        }
        OrderBatch orders = ev.orders;
        for (int i = 0; i < orders.count(); i++) {
            int s = orders.symbol(i);
            writer.appendDecision(minute, decision(orders.reason(i)), s, ev.strength[s], ev.probability[s],
                orders.reason(i));
        }
        long beforeOrders = writer.appended();
        for (int i = 0; i < orders.count(); i++) {
            int s = orders.symbol(i);
            long qty = orders.quantity(i);
            id.setLength(0);
            ClientOrderIds.appendTo(id, runId, minute, symbols[s], orders.sequence(i));
            writer.appendOrder(id, minute, s, qty > 0 ? Side.BUY : Side.SELL, Math.abs(qty), OrderType.MARKET);
        }
        boolean ordersJournaledBefore = orders.count() > 0 && writer.appended() == beforeOrders;
        if (ev.sessionEnd) {
            writer.appendSessionSummary(ev.received.nyEpochDay, ev.equity, ev.sessionReturn, sessionFills);
            sessionFills = 0;
        }
        ev.recovered = writer.appended() == before || ordersJournaledBefore;
    }

    private void fills(FillBatch fills, long minute) {
        for (int i = 0; i < fills.count(); i++) {
            int s = fills.symbol(i);
            boolean filled = fills.status(i) == FillBatch.FILLED;
            if (filled) {
                sessionFills++;
            }
            id.setLength(0);
            ClientOrderIds.appendTo(id, runId, fills.orderEpochSecond(i), symbols[s], fills.orderSequence(i));
            // Long-only: entries buy, exits sell (a cancellation carries no quantity to take the side from).
            Side side = OrderReason.isExit(fills.reason(i)) ? Side.SELL : Side.BUY;
            writer.appendFill(id, minute, s, side, Math.abs(fills.quantity(i)), fills.price(i), fills.commission(i),
                filled ? FillStatus.FILLED : FillStatus.CANCELLED);
        }
    }

    private static DecisionKind decision(int reason) {
        switch (reason) {
            case OrderReason.ENTRY:
                return DecisionKind.ENTER;
            case OrderReason.EXIT_SIGNAL:
                return DecisionKind.EXIT;
            case OrderReason.EXIT_ROTATION:
                return DecisionKind.ROTATE_OUT;
            case OrderReason.EXIT_EOD:
                return DecisionKind.EOD_FLATTEN;
            case OrderReason.EXIT_CIRCUIT_BREAKER:
                return DecisionKind.CIRCUIT_BREAKER;
            default:
                throw new IllegalStateException("unknown order reason " + reason);
        }
    }
}
