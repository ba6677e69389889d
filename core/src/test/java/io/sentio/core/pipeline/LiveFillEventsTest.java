package io.sentio.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sentio.core.config.StrategyParams;
import io.sentio.core.execution.ExecutionReport;
import io.sentio.core.execution.FillBatch;
import io.sentio.core.execution.OrderBatch;
import io.sentio.core.execution.ReportedVenue;
import io.sentio.core.market.BarSet;
import io.sentio.core.market.Universe;
import io.sentio.core.testing.ScriptedLearner;
import io.sentio.core.time.SessionCalendar;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A live venue's reports enter the ring as FILL events and settle working orders in ring order. */
class LiveFillEventsTest {
    private static final long DAY = LocalDate.of(2025, 4, 1).toEpochDay();
    private static final long OPEN = SessionCalendar.openEpochSecond(DAY);

    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final List<Long> sentSequences = new CopyOnWriteArrayList<>();
    private final BarSet set = new BarSet(2);
    private Pipeline pipeline;

    private void start() {
        StrategyParams params = StrategyParams.defaults();
        PipelineContext ctx = new PipelineContext().universe(new Universe(List.of("AAA", "BBB"))).params(params)
            .learnerFactory(s -> new ScriptedLearner((d, m) -> s == 0 ? 0.9 : 0.5, (d, m) -> 1.0, params.buyThreshold))
            .shards(1).venue(new Venue()).listener(new Recorder()).conclude();
        pipeline = new Pipeline(ctx);
        pipeline.start();
    }

    private void minute(int m) {
        set.reset(OPEN + 60L * m, DAY, m, SessionCalendar.closeMinute(DAY));
        set.put(0, 10, 10.5, 9.5, 10, 1000);
        set.put(1, 20, 20.5, 19.5, 20, 1000);
        pipeline.publish(set, System.nanoTime());
        pipeline.awaitDrained();
    }

    private void report(int status, long filled, double price) {
        pipeline.publishReport(new ExecutionReport().set(0, sentSequences.get(sentSequences.size() - 1), status, filled,
            price, 0));
    }

    @Test
    void shouldApplyAReportedFillAtTheNextBarSetAtTheReportedPrice() {
        start();
        minute(0);
        long qty = Long.parseLong(seen.get(0).split(" ")[2]);
        report(ExecutionReport.PARTIAL, qty / 2, 10.10);
        minute(1);
        report(ExecutionReport.FILLED, qty, 10.20);
        minute(2);
        pipeline.finish();
        assertEquals(List.of("order 0 " + qty, "fill 2 " + qty + " @10.2"), seen);
    }

    @Test
    void shouldSettleAnOrderAtItsFinalReportWhenTheReportCameAfterTheSessionsLastBarSet() {
        start();
        minute(0);
        long qty = Long.parseLong(seen.get(0).split(" ")[2]);
        int close = SessionCalendar.closeMinute(DAY);
        minute(close);
        report(ExecutionReport.PARTIAL, qty / 2, 10.10);
        pipeline.awaitDrained();
        assertEquals(1, pipeline.workingOrders().count(), "a partial fill is not the final word");
        report(ExecutionReport.CANCELLED, qty / 2, 10.10);
        pipeline.awaitDrained();
        assertEquals(0, pipeline.workingOrders().count());
        assertEquals(qty / 2, pipeline.shares(0), "the part filled went into the book");
        pipeline.finish();
        assertEquals(List.of("order 0 " + qty, "fill after close " + qty / 2 + " @10.1"), seen);
    }

    @Test
    void shouldLeaveAFinalReportBeforeTheCloseToTheNextBarSet() {
        start();
        minute(0);
        report(ExecutionReport.FILLED, Long.parseLong(seen.get(0).split(" ")[2]), 10.20);
        pipeline.awaitDrained();
        assertEquals(1, pipeline.workingOrders().count(), "settles at the next bar set, as the replay does");
        pipeline.finish();
    }

    @Test
    void shouldFreeTheSlotOfARejectedOrderSoTheEntryIsDecidedAgain() {
        start();
        minute(0);
        report(ExecutionReport.REJECTED, 0, Double.NaN);
        minute(1);
        pipeline.finish();
        assertEquals(3, seen.size(), seen.toString());
        assertEquals("cancel 1", seen.get(1));
        assertEquals("order 1", seen.get(2).substring(0, 7));
        assertEquals(2, sentSequences.size());
    }

    private final class Venue extends ReportedVenue {
        Venue() {
            super(2);
        }

        @Override
        public void send(OrderBatch orders, long decidingEpochSecond) {
            for (int i = 0; i < orders.count(); i++) {
                sentSequences.add(orders.sequence(i));
            }
        }
    }

    private final class Recorder implements TradeListener {
        @Override
        public void onOrders(PipelineEvent ev) {
            for (int i = 0; i < ev.orders.count(); i++) {
                seen.add("order " + ev.received.sessionMinute + " " + ev.orders.quantity(i));
            }
        }

        @Override
        public void onFills(PipelineEvent ev) {
            String minute = ev.kind == PipelineEvent.FILL ? "after close" : String.valueOf(ev.received.sessionMinute);
            for (int i = 0; i < ev.fills.count(); i++) {
                seen.add(ev.fills.status(i) == FillBatch.FILLED
                    ? "fill " + minute + " " + ev.fills.quantity(i) + " @" + ev.fills.price(i)
                    : "cancel " + minute);
            }
        }
    }
}
