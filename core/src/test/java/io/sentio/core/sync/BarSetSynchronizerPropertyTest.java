package io.sentio.core.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.core.market.BarSet;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random gap patterns (seeded) against an independent model of DESIGN §5.1: present bars pass
 * untouched, a missing symbol is filled from its last close with v=0 for at most 5 minutes and
 * stale after, and a set with more than 5 symbols missing is skipped without touching the state.
 */
class BarSetSynchronizerPropertyTest {
    private static final int SYMBOLS = 9;
    private static final int MAX_FILL = 5;
    private static final int MAX_MISSING = 5;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 1234, 99_991})
    void shouldMatchForwardFillStaleAndSkipRulesUnderRandomGaps(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        BarSetSynchronizer sync = new BarSetSynchronizer(SYMBOLS, MAX_FILL, MAX_MISSING);
        BarSet received = new BarSet(SYMBOLS);
        BarSet synced = new BarSet(SYMBOLS);
        boolean[] filled = new boolean[SYMBOLS];
        boolean[] stale = new boolean[SYMBOLS];
        double[] modelLast = new double[SYMBOLS];
        int[] modelRun = new int[SYMBOLS];
        int[] fillStreak = new int[SYMBOLS];
        Arrays.fill(modelLast, Double.NaN);
        // Each symbol flips between trading and gap runs, with its own gap propensity.
        boolean[] inGap = new boolean[SYMBOLS];
        double[] gapStart = new double[SYMBOLS];
        for (int s = 0; s < SYMBOLS; s++) {
            gapStart[s] = 0.01 + 0.1 * rnd.nextDouble();
            inGap[s] = rnd.nextBoolean();
        }
        long skipped = 0;
        int sawStale = 0;
        int sawFill = 0;
        for (int t = 0; t < 20_000; t++) {
            received.reset(1_700_000_000L + 60L * t, 0, t % 391, 390);
            boolean outage = rnd.nextDouble() < 0.01;
            int missing = 0;
            for (int s = 0; s < SYMBOLS; s++) {
                inGap[s] = inGap[s] ? rnd.nextDouble() < 0.8 : rnd.nextDouble() < gapStart[s];
                if (!inGap[s] && !outage) {
                    double c = 10 + rnd.nextDouble();
                    received.put(s, c + 0.01, c + 0.05, c - 0.05, c, rnd.nextInt(1000));
                } else {
                    missing++;
                }
            }
            BarSet before = new BarSet(SYMBOLS);
            before.copyFrom(received);
            long hashBefore = sync.stateHash();
            boolean applied = sync.apply(received, synced, filled, stale);
            assertEquals(before.presentCount(), received.presentCount(), "input must not be modified");
            if (missing > MAX_MISSING) {
                assertFalse(applied, "t=" + t);
                assertEquals(hashBefore, sync.stateHash(), "a skipped set must leave the state untouched");
                for (int s = 0; s < SYMBOLS; s++) {
                    assertEquals(modelRun[s], sync.missingRun(s));
                    assertEquals(Double.doubleToLongBits(modelLast[s]), Double.doubleToLongBits(sync.lastClose(s)));
                }
                skipped++;
                continue;
            }
            assertTrue(applied, "t=" + t);
            for (int s = 0; s < SYMBOLS; s++) {
                if (received.present[s]) {
                    assertFalse(filled[s] || stale[s]);
                    assertEquals(received.open[s], synced.open[s], 0.0);
                    assertEquals(received.high[s], synced.high[s], 0.0);
                    assertEquals(received.low[s], synced.low[s], 0.0);
                    assertEquals(received.close[s], synced.close[s], 0.0);
                    assertEquals(received.volume[s], synced.volume[s], 0.0);
                    modelLast[s] = received.close[s];
                    modelRun[s] = 0;
                    fillStreak[s] = 0;
                    continue;
                }
                modelRun[s]++;
                if (Double.isNaN(modelLast[s])) {
                    assertTrue(stale[s], "never seen is stale");
                    assertTrue(Double.isNaN(synced.close[s]));
                    continue;
                }
                assertTrue(filled[s]);
                assertEquals(modelLast[s], synced.open[s], 0.0);
                assertEquals(modelLast[s], synced.high[s], 0.0);
                assertEquals(modelLast[s], synced.low[s], 0.0);
                assertEquals(modelLast[s], synced.close[s], 0.0);
                assertEquals(0.0, synced.volume[s], 0.0);
                assertEquals(modelRun[s] > MAX_FILL, stale[s], "t=" + t + " s=" + s + " run=" + modelRun[s]);
                if (stale[s]) {
                    sawStale++;
                } else {
                    fillStreak[s]++;
                    sawFill++;
                    assertTrue(fillStreak[s] <= MAX_FILL, "more than 5 consecutive forward-filled minutes");
                }
            }
        }
        assertEquals(skipped, sync.skippedSets());
        assertTrue(skipped > 0 && sawStale > 0 && sawFill > 0, "the random pattern must exercise every rule");
    }
}
