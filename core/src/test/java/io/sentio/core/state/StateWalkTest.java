package io.sentio.core.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.sentio.core.config.StrategyParamTable;
import io.sentio.core.config.StrategyParams;
import io.sentio.core.decision.ExpectedReturnRule;
import io.sentio.core.decision.ReturnCalibration;
import io.sentio.core.execution.SimulatedBroker;
import io.sentio.core.execution.WorkingOrders;
import io.sentio.core.metrics.BuyAndHoldBaseline;
import io.sentio.core.pipeline.TradingDesk;
import io.sentio.core.portfolio.Portfolio;
import io.sentio.core.rotation.RiskManager;
import io.sentio.core.rotation.RotationPositionManager;
import io.sentio.core.rotation.SignalAggregator;
import io.sentio.core.sync.BarSetSynchronizer;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * Every field of a stateful component that is not declared "not state" below must be in its walk:
 * the test changes each such field of a fresh component, by reflection, and expects the hash to
 * change. A field added later without a visit fails here instead of silently escaping the state
 * hash, the state file and the snapshot. Final primitive fields are configuration and skipped.
 */
class StateWalkTest {
    private static final int SYMBOLS = 3;
    private static final StrategyParams PARAMS = StrategyParams.defaults();

    /** Fields that are deliberately outside the walk, per class, each for a stated reason. */
    private static final Map<Class<?>, Set<String>> NOT_STATE = Map.of(
        Portfolio.class, Set.of("roundTrips"),                                  // a result log
        WorkingOrders.class, Set.of("price"),                                   // reused match scratch
        RotationPositionManager.class, Set.of("ranking", "heldByStrength", "exiting"), // rebuilt per decision
        BarSetSynchronizer.class, Set.of("skippedSets", "filledBars", "staleBars"),   // run statistics
        BuyAndHoldBaseline.class, Set.of("equalWeightSessionEnd", "equalWeightBars"), // result curves
        TradingDesk.class, Set.of("venue", "equity", "bar", "cancels", "adopted", "closedDay"),    // results, scratch; closedDay: the ring's last bar set
        ExpectedReturnRule.class, Set.of("weights", "expected", "netReturn", "exitScore", "signal"),
                                                                                // configuration, rebuilt per bar set
        ReturnCalibration.class, Set.of("horizons"));                           // configuration

    private static TradingDesk desk() {
        return desk(PARAMS);
    }

    private static TradingDesk desk(StrategyParams params) {
        return new TradingDesk(SYMBOLS, params, new SimulatedBroker(1.0, 0.5, 0.01, 0.005), 16);
    }

    @Test
    void shouldHashDifferentlyWhenAnyPortfolioFieldDiffers() {
        assertEveryFieldIsWalked(() -> new Portfolio(SYMBOLS, 100_000, 8));
    }

    @Test
    void shouldHashDifferentlyWhenAnyWorkingOrderFieldDiffers() {
        assertEveryFieldIsWalked(() -> new WorkingOrders(SYMBOLS));
    }

    @Test
    void shouldHashDifferentlyWhenAnyAggregatorFieldDiffers() {
        assertEveryFieldIsWalked(() -> new SignalAggregator(SYMBOLS, 0.5));
    }

    @Test
    void shouldHashDifferentlyWhenAnyRiskFieldDiffers() {
        assertEveryFieldIsWalked(() -> new RiskManager(PARAMS));
    }

    @Test
    void shouldHashDifferentlyWhenAnyRotationFieldDiffers() {
        assertEveryFieldIsWalked(() -> new RotationPositionManager(SYMBOLS, PARAMS));
    }

    @Test
    void shouldHashDifferentlyWhenAnySynchronizerFieldDiffers() {
        assertEveryFieldIsWalked(() -> new BarSetSynchronizer(SYMBOLS, 5, 1));
    }

    @Test
    void shouldHashDifferentlyWhenAnyBaselineFieldDiffers() {
        assertEveryFieldIsWalked(() -> new BuyAndHoldBaseline(SYMBOLS, 100_000));
    }

    @Test
    void shouldHashDifferentlyWhenAnyFieldOfAnyDeskComponentDiffers() {
        assertEveryFieldIsWalked(StateWalkTest::desk);
    }

    @Test
    void shouldHashDifferentlyWhenAnyFieldOfAnExpectedReturnDeskDiffers() {
        StrategyParams er = PARAMS.toBuilder().set(StrategyParamTable.DECISION, "expected_return").conclude();
        assertEveryFieldIsWalked(() -> desk(er));
    }

    @Test
    void shouldRestoreAnEqualHashFromItsOwnSnapshot() {
        TradingDesk original = desk();
        original.portfolio().applyFill(1, 10, 101.5, 0.05, 1_700_000_000L);
        original.working().add(2, 7, 1, 3, 1_700_000_060L, 19_700, true);
        original.risk().onMark(19_700, 100_000);
        TradingDesk restored = desk();
        assertNotEquals(original.stateHash(), restored.stateHash());

        UnsafeBuffer buffer = new UnsafeBuffer(new byte[StateCodec.lengthOf(original)]);
        StateCodec codec = new StateCodec();
        original.visit(codec.writingTo(buffer, 0));
        assertEquals(buffer.capacity(), codec.offset());
        restored.visit(codec.readingFrom(buffer, 0));

        assertEquals(original.stateHash(), restored.stateHash());
        assertEquals(original.portfolio().cash(), restored.portfolio().cash());
        assertEquals(7, restored.working().quantity(2));
    }

    @Test
    void shouldHashRawBytesApartWhenTheyDifferOnlyInTrailingZerosOrOrder() {
        assertNotEquals(bytesHash(), bytesHash(0));
        assertNotEquals(bytesHash(0), bytesHash(0, 0));
        assertNotEquals(bytesHash(1, 2, 3, 4, 5, 6, 7, 8, 9), bytesHash(9, 2, 3, 4, 5, 6, 7, 8, 1));
        assertEquals(bytesHash(1, 2, 3), bytesHash(1, 2, 3));
    }

    @Test
    void shouldPrintSixteenHexDigits() {
        assertEquals("000000000000002a", StateCodec.hex(42));
        assertEquals("ffffffffffffffff", StateCodec.hex(-1));
    }

    private static long bytesHash(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) values[i];
        }
        StateCodec c = new StateCodec().hashing();
        c.bytes(new UnsafeBuffer(b), 0, b.length);
        return c.hash();
    }

    private static void assertEveryFieldIsWalked(Supplier<? extends Stateful> fresh) {
        int checked = checkFields(fresh, fresh.get().getClass(), "", target -> target);
        assertTrue(checked > 0, "no state field found");
    }

    /**
     * Changes, one at a time, every state field of the object {@code path} reaches inside a fresh
     * root, recursing into nested stateful components; returns how many fields were checked.
     */
    private static int checkFields(Supplier<? extends Stateful> fresh, Class<?> type, String name,
                                   java.util.function.UnaryOperator<Object> path) {
        int checked = 0;
        for (Field f : type.getDeclaredFields()) {
            int mods = f.getModifiers();
            if (Modifier.isStatic(mods) || NOT_STATE.getOrDefault(type, Set.of()).contains(f.getName())) {
                continue;
            }
            Class<?> ft = f.getType();
            if (ft.isPrimitive() && Modifier.isFinal(mods)) {
                continue;
            }
            f.setAccessible(true);
            String field = name + type.getSimpleName() + "." + f.getName();
            if (Stateful.class.isAssignableFrom(ft)) {
                if (get(f, path.apply(fresh.get())) == null) {
                    continue; // a component these params do not have (the expected_return rule of a probability desk)
                }
                checked += checkFields(fresh, ft, field + " > ", root -> get(f, path.apply(root)));
                continue;
            }
            if (!ft.isPrimitive() && !(ft.isArray() && ft.getComponentType().isPrimitive())) {
                fail(field + " is neither primitive state nor declared not-state in StateWalkTest");
            }
            Stateful root = fresh.get();
            long before = root.stateHash();
            change(f, path.apply(root));
            assertNotEquals(before, root.stateHash(), field + " is not in the state walk");
            checked++;
        }
        return checked;
    }

    private static Object get(Field f, Object owner) {
        try {
            return f.get(owner);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    private static void change(Field f, Object owner) {
        try {
            Class<?> t = f.getType();
            if (t.isArray()) {
                Object a = f.get(owner);
                int last = Array.getLength(a) - 1;
                Array.set(a, last, changed(t.getComponentType(), Array.get(a, last)));
            } else {
                f.set(owner, changed(t, f.get(owner)));
            }
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    private static Object changed(Class<?> t, Object v) {
        if (t == double.class) {
            double d = (Double) v;
            return d == d ? d + 1.5 : 2.5;
        }
        if (t == long.class) {
            return (Long) v + 1;
        }
        if (t == int.class) {
            return (Integer) v + 1;
        }
        if (t == boolean.class) {
            return !(Boolean) v;
        }
        throw new AssertionError("no change defined for " + t);
    }
}
