package io.sentio.journal.pipeline;

import io.sentio.core.execution.ClientOrderIds;
import io.sentio.core.execution.FillBatch;
import io.sentio.core.execution.OrderBatch;
import io.sentio.core.execution.OrderReason;
import io.sentio.core.pipeline.PipelineEvent;
import io.sentio.journal.JournalWriter;
import io.sentio.journal.codec.DecisionKind;
import io.sentio.journal.codec.FillStatus;
import io.sentio.journal.codec.OrderType;
import io.sentio.journal.codec.Side;

/**
 * One desk's outputs of a bar set as journal records, in this order: the fills and cancellations
 * at its open, the signals, the decisions and orders at its close, and at a session's close minute
 * the session summary. The same for desk 0 (journal-out) and each shadow desk (its own instance,
 * on the shadow desks' thread). Client order ids are built in a reused StringBuilder: nothing
 * allocated per event.
 */
final class DeskRecords {
    private final String runId;
    private final String[] symbols;
    private final StringBuilder id = new StringBuilder(64);
    private int sessionFills;

    DeskRecords(String runId, String[] symbols) {
        this.runId = runId;
        this.symbols = symbols;
    }

    /**
     * Appends the desk's records of {@code ev} to {@code writer} (whose desk id the caller set);
     * returns whether the event had orders and all of them were found already journaled (crash
     * recovery: they were sent before the crash).
     */
    boolean write(JournalWriter writer, PipelineEvent ev) {
        long minute = ev.received.epochSecond;
        fills(writer, ev.fills, minute);
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
        return ordersJournaledBefore;
    }

    /**
     * The fills of orders settled by their final report after the session's last bar set, at
     * {@code epochSecond} (the report's); the session's summary is already written, and the next
     * session's fill count does not take them.
     */
    void settledAfterClose(JournalWriter writer, FillBatch fills, long epochSecond) {
        int counted = sessionFills;
        fills(writer, fills, epochSecond);
        sessionFills = counted;
    }

    private void fills(JournalWriter writer, FillBatch fills, long minute) {
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
