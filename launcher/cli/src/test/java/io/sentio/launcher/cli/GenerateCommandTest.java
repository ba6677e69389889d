package io.sentio.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.core.market.MutableBar;
import io.sentio.core.synth.BarSeries;
import io.sentio.core.synth.SyntheticMarket;
import io.sentio.core.testing.TestBars;
import io.sentio.launcher.Cli;
import io.sentio.launcher.ExitCodes;
import io.sentio.launcher.data.BarCsvReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {
    static final List<String> DERIVED = List.of("SPY", "QQQ", "UPRO", "SH", "PSQ", "SVXY", "UVIX");
    static final List<String> SOURCES = List.of("SVIX", "TQQQ", "SDS", "SQQQ", "UVXY");

    @TempDir
    Path dir;

    @Test
    void shouldDeriveTheSevenMissingDefaultSymbolsDeterministically() throws IOException {
        // The five default symbols with real files and SSO, the source of three derived ones, as
        // sentio's own synthetic bars without their sidecars: to `generate --from` they are source
        // files like any downloaded ones. SSO's bars are the synthetic SPY's.
        Path synthetic = Cli.syntheticData(dir.resolve("synthetic"), "2025-04-01", 12);
        Path data = Files.createDirectory(dir.resolve("source"));
        for (String s : SOURCES) {
            Files.copy(synthetic.resolve(s + "_RTH_NH.csv.gz"), data.resolve(s + "_RTH_NH.csv.gz"));
        }
        Files.copy(synthetic.resolve("SPY_RTH_NH.csv.gz"), data.resolve("SSO_RTH_NH.csv.gz"));
        assertDerivesTheSevenMissingDeterministically(data, 12 * 391 * 9 / 10);
    }

    @Test
    @Tag(TestBars.REAL_DATA)
    void shouldDeriveTheSevenMissingDefaultSymbolsDeterministicallyFromRealData() throws IOException {
        assertDerivesTheSevenMissingDeterministically(Cli.realData(), 39_000);
    }

    private void assertDerivesTheSevenMissingDeterministically(Path data, long minRows) throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Cli ra = Cli.run("generate", "--from", data.toString(), "--out", a.toString(),
            "--symbols", Cli.configDir().resolve("symbols.json").toString());
        assertEquals(ExitCodes.OK, ra.exitCode, ra::toString);
        Cli rb = Cli.run("generate", "--from", data.toString(), "--out", b.toString(),
            "--symbols", Cli.configDir().resolve("symbols.json").toString());
        assertEquals(ExitCodes.OK, rb.exitCode, rb::toString);
        for (String s : DERIVED) {
            assertTrue(ra.out.lines().anyMatch(l -> l.startsWith(String.format("%-6s derived", s))), s + "\n" + ra);
            Path csv = a.resolve(s + "_RTH_NH.csv.gz");
            Path side = a.resolve(s + "_RTH_NH.derivation.json");
            assertArrayEquals(Files.readAllBytes(csv), Files.readAllBytes(b.resolve(csv.getFileName())), s);
            assertArrayEquals(Files.readAllBytes(side), Files.readAllBytes(b.resolve(side.getFileName())), s);
            assertTrue(Files.readString(side).contains("SYNTHETIC"), s);
        }
        for (String s : SOURCES) {
            assertFalse(Files.exists(a.resolve(s + "_RTH_NH.derivation.json")), s);
            assertArrayEquals(Files.readAllBytes(data.resolve(s + "_RTH_NH.csv.gz")),
                Files.readAllBytes(a.resolve(s + "_RTH_NH.csv.gz")), s + " is copied unchanged");
        }
        for (String s : DERIVED) {
            assertTrue(readStrict(a.resolve(s + "_RTH_NH.csv.gz")) > minRows, s);
        }
    }

    /** Reads every row in strict mode (any bad row throws) and returns the count. */
    private static long readStrict(Path file) {
        long n = 0;
        try (BarCsvReader r = new BarCsvReader(file, true)) {
            MutableBar b = new MutableBar();
            while (r.next(b)) {
                n++;
            }
        }
        return n;
    }

    @Test
    void shouldWriteSyntheticMarketThatPassesStrictValidationAndMatchesTheGenerator() throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        for (Path out : List.of(a, b)) {
            Cli r = Cli.run("generate", "--synthetic", "--out", out.toString(), "--seed", "9", "--sessions", "6",
                "--start", "2025-11-24");
            assertEquals(ExitCodes.OK, r.exitCode, r::toString);
        }
        SyntheticMarket m = SyntheticMarket.generate(9, LocalDate.of(2025, 11, 24), 6);
        for (String s : m.universe().symbols()) {
            Path csv = a.resolve(s + "_RTH_NH.csv.gz");
            assertArrayEquals(Files.readAllBytes(csv), Files.readAllBytes(b.resolve(csv.getFileName())), s);
            assertTrue(Files.readString(a.resolve(s + "_RTH_NH.derivation.json")).contains("SYNTHETIC"), s);
            BarSeries series = m.series(s);
            MutableBar want = new MutableBar();
            MutableBar got = new MutableBar();
            int i = 0;
            try (BarCsvReader r = new BarCsvReader(csv, true)) {
                while (r.next(got)) {
                    series.get(i++, want);
                    assertEquals(want.epochSecond, got.epochSecond);
                    assertEquals(want.close, got.close, 5e-5 + 1e-12 * want.close);
                    assertEquals(want.volume, got.volume, 0.5);
                }
            }
            assertEquals(series.size(), i, s);
        }
        Cli check = Cli.run("data", "check", "--data", a.toString(), "--strict");
        assertEquals(ExitCodes.OK, check.exitCode, check::toString);
        assertEquals(12, check.out.lines().filter(l -> l.endsWith(" SYNTHETIC")).count(), check::toString);
    }

    @Test
    void shouldRequireExactlyOneOfFromOrSynthetic() {
        Cli r = Cli.run("generate", "--out", dir.toString());
        assertEquals(ExitCodes.BAD_USAGE, r.exitCode, r::toString);
        assertTrue(r.err.contains("--from") && r.err.contains("--synthetic"), r::toString);
    }

    @Test
    void shouldNameTheCalendarsYearsForAStartOutsideThem() {
        Cli r = Cli.run("generate", "--synthetic", "--out", dir.toString(), "--start", "1999-06-01");
        assertEquals(ExitCodes.BAD_USAGE, r.exitCode, r::toString);
        assertTrue(r.err.contains("--start: 1999-06-01 is outside the session calendar 2000-2035"), r::toString);
    }

    @Test
    void shouldRefuseToTreatAGeneratedFileAsRealSource() throws IOException {
        Path syn = dir.resolve("syn");
        assertEquals(ExitCodes.OK, Cli.run("generate", "--synthetic", "--out", syn.toString(), "--sessions", "1").exitCode);
        Path symbols = dir.resolve("s.json");
        Files.writeString(symbols, "{\"active\": [\"X\"], \"symbols\": {"
            + "\"SPY\": {\"leverage\": 1, \"direction\": \"long\", \"underlying\": \"S&P 500\"},"
            + "\"X\": {\"leverage\": 2, \"direction\": \"long\", \"underlying\": \"S&P 500\","
            + " \"derivation\": {\"source\": \"SPY\", \"factor\": 2}}}}");
        Cli r = Cli.run("generate", "--from", syn.toString(), "--out", dir.resolve("o").toString(),
            "--symbols", symbols.toString());
        assertEquals(ExitCodes.BAD_DATA, r.exitCode, r::toString);
        assertTrue(r.err.contains("SPY") && r.err.contains("X"), r::toString);
    }
}
