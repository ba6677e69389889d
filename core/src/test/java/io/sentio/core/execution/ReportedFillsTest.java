package io.sentio.core.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ReportedFillsTest {
    private final ReportedFills book = new ReportedFills(4);
    private final ExecutionReport r = new ExecutionReport();
    private final ExecutionVenue.FillPrice out = new ExecutionVenue.FillPrice();

    @Test
    void shouldSettleAPartlyFilledOrderOnceWithTheWholeQuantityAtTheAveragePrice() {
        book.record(r.set(1, 7, ExecutionReport.PARTIAL, 50, 10.0, 0));
        assertEquals(ExecutionVenue.WAITING, book.match(1, 7, 100, out));
        book.record(r.set(1, 7, ExecutionReport.FILLED, 100, 10.5, 0));
        assertEquals(FillBatch.FILLED, book.match(1, 7, 100, out));
        assertEquals(100, out.quantity);
        assertEquals(10.5, out.price);
        assertEquals(ExecutionVenue.WAITING, book.match(1, 7, 100, out));
    }

    @Test
    void shouldCancelARejectedOrderSoItsSlotIsFree() {
        book.record(r.set(2, 3, ExecutionReport.REJECTED, 0, Double.NaN, 0));
        assertEquals(FillBatch.CANCELLED, book.match(2, 3, 40, out));
    }

    @Test
    void shouldFillOnlyThePartFilledWhenAnOrderIsCancelledPartWaySignedLikeTheOrder() {
        book.record(r.set(0, 9, ExecutionReport.PARTIAL, 30, 20.0, 0));
        book.record(r.set(0, 9, ExecutionReport.CANCELLED, 30, 20.0, 0));
        assertEquals(FillBatch.FILLED, book.match(0, 9, -80, out));
        assertEquals(-30, out.quantity);
    }

    @Test
    void shouldNotSettleAnOrderFromAReportOfAnotherOrder() {
        book.record(r.set(3, 4, ExecutionReport.FILLED, 10, 5.0, 0));
        assertEquals(ExecutionVenue.WAITING, book.match(3, 5, 10, out));
        book.record(r.set(3, 2, ExecutionReport.FILLED, 10, 5.0, 0));
        assertEquals(1, book.ignored());
    }
}
