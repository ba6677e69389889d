package io.sentio.core.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sentio.core.config.StrategyParamTable;
import io.sentio.core.config.StrategyParams;
import io.sentio.core.execution.ExecutionVenue.FillPrice;
import io.sentio.core.market.BarSet;
import org.junit.jupiter.api.Test;

class SimulatedBrokerTest {
    private static final boolean[] FRESH = new boolean[2];

    /** Symbol 0 opens at 10 (1 bp = $0.001), symbol 1 at 400 (1 bp = $0.04). */
    private static BarSet bars() {
        BarSet b = new BarSet(2);
        b.reset(0, 0, 1, 0);
        b.put(0, 10.0, 10.2, 9.8, 10.1, 1000);
        b.put(1, 400.0, 401.0, 399.0, 400.5, 1000);
        return b;
    }

    private static FillPrice fill(SimulatedBroker broker, int symbol, long quantity) {
        FillPrice out = new FillPrice();
        assertEquals(FillBatch.FILLED, broker.match(symbol, quantity, false, bars(), FRESH, out));
        return out;
    }

    @Test
    void shouldChargeTheHalfSpreadFloorWhenItExceedsTheSlippage() {
        SimulatedBroker broker = new SimulatedBroker(1.0, 0.5, 0.01, 0.0);
        assertEquals(10.005, fill(broker, 0, 100).price, 1e-12, "half a cent beats 1 bp of $10 = $0.001");
        assertEquals(9.995, fill(broker, 0, -100).price, 1e-12, "against a sell too");
    }

    @Test
    void shouldChargeTheSlippageWhenItExceedsTheHalfSpreadFloor() {
        SimulatedBroker broker = new SimulatedBroker(1.0, 0.5, 0.01, 0.0);
        assertEquals(400.04, fill(broker, 1, 10).price, 1e-12, "1 bp of $400 = $0.04 beats half a cent");
        assertEquals(399.96, fill(broker, 1, -10).price, 1e-12);
    }

    @Test
    void shouldFillAtTheBarPriceWithNeitherSlippageNorFloorAndChargeCommissionPerShare() {
        SimulatedBroker broker = new SimulatedBroker(0.0, 0.0, 0.01, 0.005);
        FillPrice f = fill(broker, 0, -300);
        assertEquals(10.0, f.price);
        assertEquals(1.5, f.commission, 1e-12);
    }

    @Test
    void shouldTakeEveryCostFromTheParams() {
        StrategyParams p = StrategyParams.defaults().toBuilder().set(StrategyParamTable.SLIPPAGE_BPS, 0.0)
            .set(StrategyParamTable.HALF_SPREAD_TICKS, 2.0).set(StrategyParamTable.TICK_SIZE, 0.05).conclude();
        assertEquals(10.1, fill(SimulatedBroker.of(p, FillTiming.NEXT_OPEN), 0, 1).price, 1e-12, "2 ticks of $0.05");
        assertEquals(10.2, fill(SimulatedBroker.of(p, FillTiming.SAME_BAR_CLOSE), 0, 1).price, 1e-12,
            "the floor applies to a same-bar-close fill too");
    }

    @Test
    void shouldRefuseNegativeCosts() {
        assertThrows(IllegalArgumentException.class, () -> new SimulatedBroker(1.0, -0.5, 0.01, 0.0));
        assertThrows(IllegalArgumentException.class, () -> new SimulatedBroker(1.0, 0.5, -0.01, 0.0));
    }
}
