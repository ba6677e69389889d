package io.sentio.core.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BuyAndHoldBaselineTest {

    @Test
    void shouldBuyEachSymbolAtItsFirstRealOpenAndMarkAtSessionEnds() {
        BuyAndHoldBaseline b = new BuyAndHoldBaseline(2, 1000);
        b.onBarSet(1, new boolean[] {true, false}, new double[] {10, Double.NaN}, new double[] {11, Double.NaN});
        b.onBarSet(1, new boolean[] {true, false}, new double[] {11, Double.NaN}, new double[] {12, Double.NaN});
        // symbol 1 first trades on day 2 at 50: its 500 sat in cash until then
        b.onBarSet(2, new boolean[] {false, true}, new double[] {Double.NaN, 50}, new double[] {Double.NaN, 55});
        b.finish();
        assertArrayEquals(new double[] {500.0 / 10 * 12 + 500, 500.0 / 10 * 12 + 500.0 / 50 * 55},
            b.equalWeightSessionEnd(), 1e-9);
        assertArrayEquals(new double[] {500.0 / 10 * 11 + 500, 500.0 / 10 * 12 + 500, 500.0 / 10 * 12 + 500.0 / 50 * 55},
            b.equalWeightBars(), 1e-9, "every bar set marked, the last of a session equal to its session end");
        assertEquals(20.0, b.symbolReturnPct(0), 1e-9);
        assertEquals(10.0, b.symbolReturnPct(1), 1e-9);
    }
}
