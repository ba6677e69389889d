package io.sentio.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.core.feature.FeatureNames;
import io.sentio.core.testing.TestBars;
import io.sentio.launcher.Cli;
import io.sentio.launcher.ExitCodes;
import io.sentio.launcher.data.BarCsvReader;
import io.sentio.launcher.data.BarFiles;
import io.sentio.core.market.MutableBar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeaturesCommandTest {
    @TempDir
    Path dir;

    /** DESIGN §7: ts_nyt_epoch, the §5.2 names, z_ of each, yhat_h and s_h per horizon, p, C, signal. */
    private static List<String> expectedHeader() {
        List<String> h = new ArrayList<>();
        h.add("ts_nyt_epoch");
        for (String n : FeatureNames.NAMES) {
            h.add(n);
        }
        for (String n : FeatureNames.NAMES) {
            h.add("z_" + n);
        }
        for (int horizon : new int[] {1, 5, 10}) {
            h.add("yhat_" + horizon);
            h.add("s_" + horizon);
        }
        h.addAll(List.of("p", "C", "signal"));
        return h;
    }

    @Test
    void shouldWriteOneFiniteRowPerAcceptedBarOfASyntheticSymbol() throws IOException {
        Path data = Cli.syntheticData(dir.resolve("synthetic"), "2025-04-01", 10);
        assertOneFiniteRowPerAcceptedBar(data, "TQQQ", 10 * 391 * 9 / 10);
    }

    @Test
    @Tag(TestBars.REAL_DATA)
    void shouldWriteOneFiniteRowPerAcceptedBarOfARealSymbol() throws IOException {
        assertOneFiniteRowPerAcceptedBar(Cli.realData(), "ERX", 20_000);
    }

    private void assertOneFiniteRowPerAcceptedBar(Path data, String symbol, long minBars) throws IOException {
        Path out = dir.resolve(symbol + ".csv");
        Cli r = Cli.run("features", "--data", data.toString(), "--symbol", symbol, "--out", out.toString(),
            "--params", Cli.configDir().resolve("rotation_params.json").toString());
        assertEquals(ExitCodes.OK, r.exitCode, r::toString);
        assertTrue(r.out.contains("state hash: "), r::toString);

        long accepted;
        try (BarCsvReader reader = new BarCsvReader(BarFiles.locate(data, symbol), false)) {
            MutableBar bar = new MutableBar();
            while (reader.next(bar)) {
                continue;
            }
            accepted = reader.stats().accepted();
        }
        List<String> lines = Files.readAllLines(out);
        assertEquals(String.join(",", expectedHeader()), lines.get(0));
        assertEquals(accepted + 1, lines.size(), "one row per accepted bar");
        assertTrue(accepted > minBars, symbol + " has " + accepted + " bars");

        int columns = expectedHeader().size();
        int ready = 0;
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            assertEquals(columns, cells.length, "line " + (i + 1));
            if (i <= 60) {
                assertEquals("", cells[1], "no features before the 61st bar, line " + (i + 1));
                continue;
            }
            for (int c = 1; c < columns - 1; c++) {
                assertTrue(finite(cells[c]), expectedHeader().get(c) + " at line " + (i + 1) + ": " + cells[c]);
            }
            double p = Double.parseDouble(cells[columns - 3]);
            assertTrue(p >= 0.05 && p <= 0.95, "p at line " + (i + 1));
            assertTrue(List.of("LONG", "SHORT", "NEUTRAL").contains(cells[columns - 1]));
            if (Double.parseDouble(cells[columns - 2]) > 0) {
                ready++;
            }
        }
        assertTrue(ready > accepted / 2, "confidence > 0 once ready: " + ready + " of " + accepted);
    }

    /** Double.toString of a finite value (parsing 3 million cells would dominate the suite's time). */
    private static boolean finite(String cell) {
        return !cell.isEmpty() && !cell.equals("NaN") && !cell.endsWith("Infinity");
    }

    @Test
    void shouldSkipAndReportBadRowsAndWriteTheGoodOnes() throws IOException {
        Files.writeString(dir.resolve("ABC_RTH_NH.csv"), "ts_utc,ts_nyt_epoch,open,high,low,close,volume\n"
            + "2025-04-01T09:30:00-04:00,1743514200,10,11,9,10,100\n"
            + "2025-04-01T09:31:00-04:00,1743514260,10,11,9,10,-100\n"
            + "2025-04-01T09:32:00-04:00,1743514320,10,11,9,10.5,100\n");
        Path out = dir.resolve("abc.csv");
        Cli r = Cli.run("features", "--data", dir.toString(), "--symbol", "ABC", "--out", out.toString());
        assertEquals(ExitCodes.OK, r.exitCode, r::toString);
        assertTrue(r.err.contains("ABC_RTH_NH.csv: skipped 1 bad rows"), r::toString);
        assertTrue(r.err.contains("negative_volume") && r.err.contains("first at line 3"), r::toString);
        List<String> lines = Files.readAllLines(out);
        assertEquals(3, lines.size());
        assertTrue(lines.get(2).startsWith("1743514320,"), lines.get(2));
    }

    @Test
    void shouldExitThreeNamingThePathOfAMissingSymbol() {
        Cli r = Cli.run("features", "--data", dir.toString(), "--symbol", "NOPE", "--out", dir.resolve("x.csv").toString());
        assertEquals(ExitCodes.BAD_DATA, r.exitCode, r::toString);
        assertTrue(r.err.contains(dir.resolve("NOPE_RTH_NH.csv").toString()), r::toString);
        assertFalse(Files.exists(dir.resolve("x.csv")), "no output for a missing input");
    }

    @Test
    void shouldExitTwoOnABadOptionNamingIt() {
        Cli unknown = Cli.run("features", "--data", dir.toString(), "--symbol", "X", "--out", "x.csv", "--speed", "3");
        assertEquals(ExitCodes.BAD_USAGE, unknown.exitCode, unknown::toString);
        assertTrue(unknown.err.contains("--speed"), unknown::toString);
        Cli missing = Cli.run("features", "--data", dir.toString(), "--out", "x.csv");
        assertEquals(ExitCodes.BAD_USAGE, missing.exitCode, missing::toString);
        assertTrue(missing.err.contains("--symbol"), missing::toString);
        Cli notDir = Cli.run("features", "--data", dir.resolve("absent").toString(), "--symbol", "X", "--out", "x.csv");
        assertEquals(ExitCodes.BAD_USAGE, notDir.exitCode, notDir::toString);
        assertTrue(notDir.err.contains("--data"), notDir::toString);
    }

    @Test
    void shouldExitTwoNamingTheKeyOfABadParamsFile() throws IOException {
        Path params = Files.writeString(dir.resolve("p.json"), "{\"oes\": {\"ewrls_lambda\": 2}}");
        Cli r = Cli.run("features", "--data", dir.toString(), "--symbol", "X", "--out", dir.resolve("x.csv").toString(),
            "--params", params.toString());
        assertEquals(ExitCodes.BAD_USAGE, r.exitCode, r::toString);
        assertTrue(r.err.contains("oes.ewrls_lambda"), r::toString);
    }
}
