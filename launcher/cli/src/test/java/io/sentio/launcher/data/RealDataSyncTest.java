package io.sentio.launcher.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.core.config.StrategyParams;
import io.sentio.core.market.BarSet;
import io.sentio.core.market.BarSource;
import io.sentio.core.sync.BarSetSynchronizer;
import io.sentio.core.sync.SessionMinuteMerger;
import io.sentio.core.testing.TestBars;
import io.sentio.launcher.Cli;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The merger and synchronizer over bar files with genuine gaps: sentio's synthetic market, and
 * the real 105 sessions of DESIGN §6 where they are present.
 */
class RealDataSyncTest {
    @TempDir
    Path dir;

    @Test
    void shouldSyncSyntheticDataWithSaneCountsAndNoNaNAfterFirstSight() {
        // 2025-06-23 to 2025-07-09: twelve sessions, 2025-07-03 an early close
        Path data = Cli.syntheticData(dir.resolve("synthetic"), "2025-06-23", 12);
        long sets = 11 * 391 + 211;
        assertSyncsWithSaneCounts(data, 12, sets, 12 * sets * 9 / 10);
    }

    @Test
    @Tag(TestBars.REAL_DATA)
    void shouldSyncRealDataWithSaneCountsAndNoNaNAfterFirstSight() {
        // 105 sessions, one of them (2025-07-03) an early close
        assertSyncsWithSaneCounts(Cli.realData(), 105, 104 * 391 + 211, 440_000);
    }

    private static void assertSyncsWithSaneCounts(Path data, int sessions, long expectedSets, long minPresent) {
        Map<String, Path> files = BarFiles.list(data);
        assertEquals(12, files.size());
        int n = files.size();
        BarSource[] sources = new BarSource[n];
        int i = 0;
        for (Path f : files.values()) {
            sources[i++] = new BarCsvReader(f, false);
        }
        StrategyParams p = StrategyParams.defaults();
        BarSetSynchronizer sync = new BarSetSynchronizer(n, p.maxForwardFill, p.maxMissingSymbols);
        BarSet received = new BarSet(n);
        BarSet synced = new BarSet(n);
        boolean[] filled = new boolean[n];
        boolean[] stale = new boolean[n];
        boolean[] seen = new boolean[n];
        long sets = 0;
        long applied = 0;
        long present = 0;
        long fills = 0;
        long stales = 0;
        long days = 0;
        long day = -1;
        try (SessionMinuteMerger merger = new SessionMinuteMerger(sources)) {
            while (merger.next(received)) {
                sets++;
                if (received.nyEpochDay != day) {
                    day = received.nyEpochDay;
                    days++;
                }
                present += received.presentCount();
                if (!sync.apply(received, synced, filled, stale)) {
                    continue;
                }
                applied++;
                for (int s = 0; s < n; s++) {
                    seen[s] |= received.present[s];
                    if (seen[s]) {
                        assertFalse(Double.isNaN(synced.close[s]), "NaN close after first sight, symbol " + s);
                        assertTrue(synced.close[s] > 0);
                    }
                    if (filled[s] && !stale[s]) {
                        fills++;
                    }
                    if (stale[s]) {
                        stales++;
                    }
                }
            }
        }
        assertEquals(sessions, days);
        assertEquals(expectedSets, sets);
        assertTrue(sync.skippedSets() > 0 && sync.skippedSets() < sets / 100, "skipped " + sync.skippedSets());
        assertEquals(sets - sync.skippedSets(), applied);
        assertTrue(present > minPresent && present < 12 * sets, "present " + present);
        assertEquals(fills, sync.filledBars());
        assertEquals(stales, sync.staleBars());
        assertTrue(fills > stales && stales > 0, fills + " filled, " + stales + " stale");
    }
}
