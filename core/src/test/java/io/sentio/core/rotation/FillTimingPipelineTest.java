package io.sentio.core.rotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.core.execution.FillBatch;
import io.sentio.core.execution.FillTiming;
import io.sentio.core.pipeline.RunResult;
import io.sentio.core.testing.RecordingListener.Entry;
import io.sentio.core.testing.Scenario;
import org.junit.jupiter.api.Test;

/** The fill timings of the simulated broker (DESIGN §5.6), through the real pipeline. */
class FillTimingPipelineTest {
    /** Every minute has its own open and close, so a price tells which bar and which side filled it. */
    private static Scenario market(FillTiming timing) {
        return new Scenario(2)
            .open((s, d, m) -> 100.0 + s + 0.1 * m)
            .close((s, d, m) -> 100.05 + s + 0.1 * m)
            .p(0, (d, m) -> m < 40 ? 0.7 : 0.45)
            .p(1, (d, m) -> m < 100 || m > 150 ? 0.7 : 0.45)
            .fillTiming(timing);
    }

    private static double close(int symbol, int minute) {
        return 100.05 + symbol + 0.1 * minute;
    }

    private static double slipped(double base, long quantity) {
        return quantity > 0 ? base * (1 + 1e-4) : base * (1 - 1e-4);
    }

    @Test
    void shouldFillAtTheDecidingBarsCloseUnderSameBarClose() {
        Scenario sc = market(FillTiming.SAME_BAR_CLOSE);
        sc.run();
        assertTrue(sc.listener.fills.size() >= 4, sc.listener.transcript());
        assertEquals(sc.listener.orders.size(), sc.listener.fills.size(), "every order fills on its own bar");
        for (Entry fill : sc.listener.fills) {
            assertEquals(FillBatch.FILLED, fill.fillStatus);
            assertTrue(sc.listener.orders.stream().anyMatch(o -> o.symbol == fill.symbol && o.minute == fill.minute
                && o.quantity == fill.quantity), "filled on the deciding bar: " + sc.listener.transcript());
            assertEquals(slipped(close(fill.symbol, fill.minute), fill.quantity), fill.price, 1e-9,
                "the deciding bar's close plus slippage against the order");
        }
    }

    @Test
    void shouldNeverFillAtTheDecidingBarUnderNextOpen() {
        Scenario sc = market(FillTiming.NEXT_OPEN);
        sc.run();
        assertTrue(sc.listener.fills.size() >= 4, sc.listener.transcript());
        for (Entry fill : sc.listener.fills) {
            Entry order = sc.listener.orders.stream().filter(o -> o.symbol == fill.symbol && o.minute < fill.minute)
                .reduce((a, b) -> b).orElseThrow();
            assertEquals(order.minute + 1, fill.minute, "the bar after the decision");
            assertEquals(slipped(100.0 + fill.symbol + 0.1 * fill.minute, fill.quantity), fill.price, 1e-9);
            assertNotEquals(slipped(close(fill.symbol, order.minute), fill.quantity), fill.price, 1e-9,
                "never the deciding bar's close");
        }
    }

    @Test
    void shouldDecideIdenticallyUnderBothTimingsWhenSignalsDoNotDependOnFills() {
        Scenario next = market(FillTiming.NEXT_OPEN);
        Scenario same = market(FillTiming.SAME_BAR_CLOSE);
        RunResult a = next.run();
        RunResult b = same.run();
        assertEquals(next.listener.orders.size(), same.listener.orders.size());
        for (int i = 0; i < next.listener.orders.size(); i++) {
            assertEquals(next.listener.orders.get(i).minute, same.listener.orders.get(i).minute);
            assertEquals(next.listener.orders.get(i).symbol, same.listener.orders.get(i).symbol);
        }
        assertFalse(a.finalEquity == b.finalEquity, "the fill prices differ, so must the result");
    }
}
