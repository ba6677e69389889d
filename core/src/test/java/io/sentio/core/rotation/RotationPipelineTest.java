package io.sentio.core.rotation;

import static io.sentio.core.config.StrategyParamTable.MAX_FORWARD_FILL;
import static io.sentio.core.config.StrategyParamTable.MAX_POSITIONS;
import static io.sentio.core.config.StrategyParamTable.MIN_HOLD_BARS;
import static io.sentio.core.config.StrategyParamTable.ROTATION_THRESHOLD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.core.config.ParamBuilder;
import io.sentio.core.config.StrategyParams;
import io.sentio.core.execution.FillBatch;
import io.sentio.core.execution.OrderReason;
import io.sentio.core.pipeline.RunResult;
import io.sentio.core.testing.RecordingListener.Entry;
import io.sentio.core.testing.Scenario;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DESIGN §5.5 rotation rules, each driven through the real pipeline with scripted learners (C = 1). */
class RotationPipelineTest {

    private static ParamBuilder<StrategyParams> params() {
        return StrategyParams.defaults().toBuilder();
    }

    private static String minutes(List<Entry> entries) {
        StringBuilder sb = new StringBuilder();
        for (Entry e : entries) {
            sb.append(e.minute).append(':').append(OrderReason.name(e.reason)).append(' ');
        }
        return sb.toString().trim();
    }

    @Test
    void shouldFillFreeSlotsWithTheStrongestLongCandidatesInRankOrder() {
        Scenario sc = new Scenario(4)
            .params(params().set(MAX_POSITIONS, 2).conclude())
            .p(0, (d, m) -> 0.60).p(1, (d, m) -> 0.70).p(2, (d, m) -> 0.65).p(3, (d, m) -> 0.50);
        sc.run();
        List<Entry> orders = sc.listener.orders;
        assertTrue(orders.size() >= 2, sc.listener.transcript());
        assertEquals(1, orders.get(0).symbol);
        assertEquals(2, orders.get(1).symbol);
        assertEquals(0, orders.get(0).minute);
        assertEquals(0, orders.get(1).minute);
        assertEquals(490, orders.get(0).quantity, "98% of 100k over 2 slots at a close of 100");
        assertTrue(sc.listener.ordersFor(0).stream().allMatch(e -> OrderReason.isExit(e.reason) || e.minute > 0));
        assertTrue(sc.listener.ordersFor(3).isEmpty(), "a NEUTRAL symbol is never entered");
    }

    @Test
    void shouldBreakStrengthTiesBySymbolOrder() {
        Scenario sc = new Scenario(3)
            .params(params().set(MAX_POSITIONS, 1).conclude())
            .p(0, (d, m) -> 0.5).p(1, (d, m) -> 0.7).p(2, (d, m) -> 0.7);
        sc.run();
        assertEquals(1, sc.listener.orders.get(0).symbol);
    }

    @Test
    void shouldFillAtTheNextOpenPlusSlippageNeverAtTheDecidingBar() {
        Scenario sc = new Scenario(1)
            .open((s, d, m) -> 100.0 + 0.1 * m)
            .close((s, d, m) -> 100.05 + 0.1 * m)
            .p(0, (d, m) -> 0.7);
        sc.run();
        Entry order = sc.listener.orders.get(0);
        Entry fill = sc.listener.fills.get(0);
        assertEquals(0, order.minute);
        assertEquals(1, fill.minute);
        assertEquals(FillBatch.FILLED, fill.fillStatus);
        assertEquals(100.1 * (1 + 1e-4), fill.price, 1e-9, "open of the next bar plus 1 bp against a buy");
        assertEquals((long) Math.floor(100_000 * 0.98 / 3 / 100.05), fill.quantity, "equity * 0.98 / 3 slots at the deciding close");
        Entry exit = sc.listener.fills.get(1);
        assertEquals(389, exit.minute);
        assertEquals((100.0 + 0.1 * 389) * (1 - 1e-4), exit.price, 1e-9, "a sell gets 1 bp less than the open");
    }

    @Test
    void shouldFillAtTheSymbolsNextRealBarWhenTheNextMinutesAreForwardFilled() {
        Scenario sc = new Scenario(1)
            .open((s, d, m) -> 100.0 + m)
            .present((s, d, m) -> m < 1 || m > 2)
            .p(0, (d, m) -> 0.7);
        sc.run();
        Entry fill = sc.listener.fills.get(0);
        assertEquals(3, fill.minute);
        assertEquals(103.0 * (1 + 1e-4), fill.price, 1e-9);
    }

    @Test
    void shouldCancelAnOrderWhoseSymbolGoesStaleBeforeItFills() {
        Scenario sc = new Scenario(1)
            .present((s, d, m) -> m < 1 || m > 10)
            .p(0, (d, m) -> 0.7);
        RunResult r = sc.run();
        Entry first = sc.listener.fills.get(0);
        assertEquals(FillBatch.CANCELLED, first.fillStatus);
        assertEquals(6, first.minute, "stale after 5 forward-filled minutes");
        assertTrue(r.cancelledOrders >= 1);
        Entry reentry = sc.listener.orders.get(1);
        assertEquals(11, reentry.minute, "entered again on its next real bar");
    }

    @Test
    void shouldNotExitBeforeMinHoldBars() {
        Scenario sc = new Scenario(1)
            .params(params().set(MIN_HOLD_BARS, 5).conclude())
            .p(0, (d, m) -> m < 3 ? 0.7 : 0.45);
        sc.run();
        assertEquals("0:entry 5:exit-signal", minutes(sc.listener.orders),
            "filled at minute 1, held bars reach 5 at minute 5's close");
    }

    @Test
    void shouldExitOnlyWhenProbabilityFallsBelowExitThreshold() {
        Scenario sc = new Scenario(1)
            .p(0, (d, m) -> m < 10 ? 0.7 : m < 20 ? 0.52 : 0.49);
        sc.run();
        assertEquals("0:entry 20:exit-signal", minutes(sc.listener.orders),
            "p = 0.52 is NEUTRAL but not below exit_threshold 0.5, and no candidate beats it");
    }

    @Test
    void shouldRotateOnlyWhenTheCandidateBeatsTheHoldingByRotationThreshold() {
        Scenario sc = new Scenario(2)
            .params(params().set(MAX_POSITIONS, 1).set(ROTATION_THRESHOLD, 1.23).conclude())
            .p(0, (d, m) -> 0.6)
            .p(1, (d, m) -> m < 10 ? 0.5 : m < 20 ? 0.73 : 0.74);
        sc.run();
        List<Entry> orders = sc.listener.orders;
        assertEquals(0, orders.get(0).symbol);
        assertEquals(0, orders.get(0).minute);
        assertEquals(0, orders.get(1).symbol, sc.listener.transcript());
        assertEquals(20, orders.get(1).minute, "0.73 < 1.23 * 0.6 = 0.738 <= 0.74");
        assertEquals(OrderReason.EXIT_ROTATION, orders.get(1).reason);
        assertEquals(1, orders.get(2).symbol);
        assertEquals(20, orders.get(2).minute, "the freed slot is filled on the same bar");
        assertEquals(OrderReason.ENTRY, orders.get(2).reason);
    }

    @Test
    void shouldNeverEnterAStaleSymbol() {
        Scenario sc = new Scenario(3)
            .params(params().set(MAX_POSITIONS, 1).set(MAX_FORWARD_FILL, 0).conclude())
            .present((s, d, m) -> s != 1 || m == 0)
            .p(0, (d, m) -> m < 3 ? 0.95 : 0.3)
            .p(1, (d, m) -> 0.9)
            .p(2, (d, m) -> 0.6);
        sc.run();
        assertTrue(sc.listener.ordersFor(1).isEmpty(), "S1 stays LONG at 0.9 but is stale from minute 1");
        assertEquals("3:entry 388:exit-eod", minutes(sc.listener.ordersFor(2)));
    }

    @Test
    void shouldMakeNoEntriesInTheLastEntryCutoffMinutes() {
        Scenario sc = new Scenario(2)
            .p(0, (d, m) -> m < 359 ? 0.5 : 0.7)
            .p(1, (d, m) -> m < 360 ? 0.5 : 0.7);
        sc.run();
        assertEquals("359:entry 388:exit-eod", minutes(sc.listener.ordersFor(0)));
        assertTrue(sc.listener.ordersFor(1).isEmpty(), "close minute 390 - 30 = 360: no entries from there");
    }

    @Test
    void shouldFlattenAtFifteenFiftyEightAndNotReenter() {
        Scenario sc = new Scenario(1).p(0, (d, m) -> 0.7);
        sc.run();
        assertEquals("0:entry 388:exit-eod", minutes(sc.listener.orders));
        assertEquals(389, sc.listener.fills.get(1).minute);
    }

    @Test
    void shouldFlattenTwoMinutesBeforeAnEarlyClose() {
        Scenario sc = new Scenario(1).days(LocalDate.of(2025, 7, 3)).p(0, (d, m) -> 0.7);
        sc.run();
        assertEquals("0:entry 208:exit-eod", minutes(sc.listener.orders), "close minute 210, 12:58");
    }

    @Test
    void shouldTripTheCircuitBreakerFlattenAndBlockEntriesForTheRestOfTheSession() {
        long day1 = LocalDate.of(2025, 4, 1).toEpochDay();
        Scenario sc = new Scenario(2)
            .days(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 2))
            .params(params().set(MAX_POSITIONS, 1).conclude())
            .open((s, d, m) -> s == 0 && (d > day1 || m > 20) ? 90.0 : 100.0)
            .close((s, d, m) -> s == 0 && (d > day1 || m >= 20) ? 90.0 : 100.0)
            .p(0, (d, m) -> 0.7)
            .p(1, (d, m) -> 0.6);
        RunResult r = sc.run();
        List<Entry> orders = sc.listener.orders;
        assertEquals("0:entry 20:exit-circuit-breaker 0:entry 388:exit-eod", minutes(orders), sc.listener.transcript());
        assertEquals(day1, orders.get(1).day);
        assertEquals(day1 + 1, orders.get(2).day, "entries resume with the next session");
        assertEquals(1, r.circuitBreakerTrips);
    }

    @Test
    void shouldCancelAWorkingOrderThatOutlivesItsSessionAndKeepThePosition() {
        long day1 = LocalDate.of(2025, 4, 1).toEpochDay();
        Scenario sc = new Scenario(1)
            .days(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 2))
            .present((s, d, m) -> d > day1 || m <= 388)
            .p(0, (d, m) -> 0.7);
        sc.run();
        Entry cancel = sc.listener.fills.get(1);
        assertEquals(FillBatch.CANCELLED, cancel.fillStatus, sc.listener.transcript());
        assertEquals(day1 + 1, cancel.day, "a DAY order dies with its session");
        assertEquals(0, cancel.minute);
        List<Entry> day2 = sc.listener.orders.subList(2, sc.listener.orders.size());
        assertEquals("388:exit-eod", minutes(day2), "held through day 2, flattened again at its 15:58");
    }
}
