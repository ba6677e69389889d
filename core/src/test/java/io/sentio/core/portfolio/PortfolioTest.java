package io.sentio.core.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PortfolioTest {

    @Test
    void shouldTrackCashEquityAndRealizedAndUnrealizedPnl() {
        Portfolio p = new Portfolio(2, 10_000, 8);
        p.applyFill(0, 10, 100.0, 1.0, 1000);
        assertEquals(10_000 - 1000 - 1, p.cash(), 1e-9);
        assertEquals(10_000 - 1 + 50, p.mark(new double[] {105.0, Double.NaN}), 1e-9);
        assertEquals(50, p.unrealized(), 1e-9);
        p.applyFill(0, -4, 110.0, 0.5, 1060);
        assertEquals(4 * 10 - 0.5 - 1, p.realized(), 1e-9, "realized is net of both commissions");
        assertEquals(6, p.shares(0));
        p.applyFill(0, -6, 90.0, 0.5, 1120);
        assertEquals(1, p.roundTrips().size());
        // 4 * (110 - 100) + 6 * (90 - 100) - 2 of commissions
        assertEquals(40 - 60 - 2, p.roundTrips().netPnl(0), 1e-9);
        assertEquals(100.0, p.roundTrips().entryPrice(0), 1e-12);
        assertEquals((4 * 110.0 + 6 * 90.0) / 10, p.roundTrips().exitPrice(0), 1e-12);
        assertEquals(10_000 - 22, p.equity(), 1e-9);
        assertEquals(-22, p.contribution(0), 1e-9);
        assertEquals(0, p.positionCount());
    }

    @Test
    void shouldRejectSellingMoreThanHeld() {
        Portfolio p = new Portfolio(1, 1000, 8);
        p.applyFill(0, 2, 10, 0, 1);
        assertThrows(IllegalStateException.class, () -> p.applyFill(0, -3, 10, 0, 2));
    }

    @Test
    void shouldGiveEqualStateHashesForEqualHistories() {
        Portfolio a = new Portfolio(2, 1000, 8);
        Portfolio b = new Portfolio(2, 1000, 8);
        a.applyFill(1, 3, 10, 0, 1);
        b.applyFill(1, 3, 10, 0, 1);
        assertEquals(a.stateHash(), b.stateHash());
        b.applyFill(1, -1, 11, 0, 2);
        org.junit.jupiter.api.Assertions.assertNotEquals(a.stateHash(), b.stateHash());
    }
}
