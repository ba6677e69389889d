package io.sentio.launcher.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.core.market.Universe;
import io.sentio.launcher.alpaca.trading.Broker.Position;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReconciliationTest {
    private static final Universe UNIVERSE = Universe.of("SPY", "QQQ", "TQQQ");

    @Test
    void shouldMatchWhenTheBrokerHoldsWhatTheDaemonHoldsAndListOtherSymbolsAsLeftAlone() {
        Reconciliation r = Reconciliation.of(UNIVERSE,
            List.of(new Position("QQQ", 12, 500.0, 6000.0), new Position("AAPL", 3.25, 190.0, 617.5)),
            new long[] {0, 12, 0}, "journal");
        assertTrue(r.matches(), r.report());
        assertEquals(List.of("AAPL"), r.unmanaged.stream().map(p -> p.symbol).toList());
        assertTrue(r.report().contains("AAPL: broker 3.25 (not in the universe; left alone)"), r.report());
    }

    @Test
    void shouldReportAWholeLongMismatchAsAdoptable() {
        Reconciliation r = Reconciliation.of(UNIVERSE, List.of(new Position("TQQQ", 40, 80.0, 3200.0)));
        assertFalse(r.matches());
        assertTrue(r.adoptable());
        assertEquals(1, r.mismatched.size());
        assertEquals(40, r.mismatched.get(0).broker);
        assertTrue(r.report().contains("TQQQ: broker 40 @ 80.0, daemon 0"), r.report());
    }

    @Test
    void shouldRefuseToAdoptAFractionalPositionEvenBelowOneShare() {
        Reconciliation r = Reconciliation.of(UNIVERSE, List.of(new Position("SPY", 0.5, 600.0, 300.0)));
        assertFalse(r.matches(), "half a share truncates to 0 shares but is still a position");
        assertFalse(r.adoptable());
        assertTrue(r.report().contains("SPY: broker 0.5 @ 600.0, daemon 0 (fractional: cannot be adopted"), r.report());
    }

    @Test
    void shouldRefuseToAdoptAShortPosition() {
        Reconciliation r = Reconciliation.of(UNIVERSE, List.of(new Position("QQQ", -10, 500.0, -5000.0)));
        assertFalse(r.matches());
        assertFalse(r.adoptable());
        assertTrue(r.report().contains("QQQ: broker -10 @ 500.0, daemon 0 (short: cannot be adopted"), r.report());
    }
}
