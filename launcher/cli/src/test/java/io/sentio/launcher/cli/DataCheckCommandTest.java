package io.sentio.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.core.testing.TestBars;
import io.sentio.launcher.Cli;
import io.sentio.launcher.ExitCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCheckCommandTest {
    static final List<String> SYNTHETIC = List.of("SVIX", "SVXY", "TQQQ", "UPRO", "QQQ", "SPY", "SH", "PSQ", "SDS",
        "SQQQ", "UVXY", "UVIX");
    static final List<String> REAL = List.of("ERX", "ERY", "FAS", "FAZ", "SDS", "SQQQ", "SSO", "SVIX", "TNA", "TQQQ",
        "TZA", "UVXY");

    @TempDir
    Path dir;

    @Test
    void shouldListAllTwelveSymbolsOfASyntheticMarket() {
        Path data = Cli.syntheticData(dir.resolve("synthetic"), "2025-04-01", 5);
        Cli r = Cli.run("data", "check", "--data", data.toString());
        assertEquals(ExitCodes.OK, r.exitCode, r::toString);
        for (String s : SYNTHETIC) {
            assertTrue(r.out.lines().anyMatch(l -> l.matches(s + " +\\d+ +5 +2025-04-01 \\d\\d:\\d\\d .* SYNTHETIC")),
                s + "\n" + r);
        }
        assertTrue(r.out.contains("sessions 5, bar sets "), r::toString);
    }

    @Test
    @Tag(TestBars.REAL_DATA)
    void shouldListAllTwelveRealSymbols() {
        Path data = Cli.realData();
        Cli r = Cli.run("data", "check", "--data", data.toString());
        assertEquals(ExitCodes.OK, r.exitCode, r::toString);
        for (String s : REAL) {
            assertTrue(r.out.lines().anyMatch(l -> l.matches(s + " +\\d+ +105 +2025-04-01 09:30 .* data")), s + "\n" + r);
        }
        assertTrue(r.out.contains("sessions 105, bar sets "), r::toString);
    }

    @Test
    void shouldCheckOnlyConfiguredSymbols() throws IOException {
        Path data = Cli.syntheticData(dir.resolve("synthetic"), "2025-04-01", 1);
        Path symbols = dir.resolve("two.json");
        Files.writeString(symbols, "{\"active\": [\"SPY\", \"UVXY\"], \"symbols\": {"
            + "\"SPY\": {\"leverage\": 1, \"direction\": \"long\", \"underlying\": \"S&P 500\"},"
            + "\"UVXY\": {\"leverage\": 1.5, \"direction\": \"long\", \"underlying\": \"VIX futures\"}}}");
        Cli r = Cli.run("data", "check", "--data", data.toString(), "--symbols", symbols.toString());
        assertEquals(ExitCodes.OK, r.exitCode, r::toString);
        List<String> rows = r.out.lines().filter(l -> !l.startsWith("sessions") && !l.startsWith("bad rows")).toList();
        assertEquals(3, rows.size(), r::toString);
        assertTrue(rows.get(1).startsWith("SPY ") && rows.get(2).startsWith("UVXY "), r::toString);
    }

    @Test
    @Tag(TestBars.REAL_DATA)
    void shouldCheckOnlyConfiguredRealSymbols() {
        Path data = Cli.realData();
        Cli r = Cli.run("data", "check", "--data", data.toString(), "--symbols",
            Cli.configDir().resolve("symbols-real.json").toString());
        assertEquals(ExitCodes.OK, r.exitCode, r::toString);
        assertEquals(1 + REAL.size(), r.out.lines().filter(l -> !l.startsWith("sessions") && !l.startsWith("bad rows")).count());
    }

    private Path dataWithBadRow() throws IOException {
        Files.writeString(dir.resolve("ABC_RTH_NH.csv"), "ts_utc,ts_nyt_epoch,open,high,low,close,volume\n"
            + "2025-04-01T09:30:00-04:00,1743514200,10,11,9,10,100\n"
            + "2025-04-01T09:31:00-04:00,1743514260,10,11,9,10,-100\n"
            + "2025-04-01T09:32:00-04:00,1743514320,10,11,9,10,100\n");
        return dir;
    }

    @Test
    void shouldExitThreeInStrictModeNamingFileLineAndReason() throws IOException {
        Path data = dataWithBadRow();
        Cli r = Cli.run("data", "check", "--data", data.toString(), "--strict");
        assertEquals(ExitCodes.BAD_DATA, r.exitCode, r::toString);
        assertTrue(r.err.contains(data.resolve("ABC_RTH_NH.csv") + ":3: negative or non-finite volume"), r::toString);
    }

    @Test
    void shouldCountBadRowsByReasonInLenientMode() throws IOException {
        Cli r = Cli.run("data", "check", "--data", dataWithBadRow().toString());
        assertEquals(ExitCodes.OK, r.exitCode, r::toString);
        assertTrue(r.out.lines().anyMatch(l -> l.matches("ABC +2 +1 .* 1 data")), r::toString);
        assertTrue(r.out.lines().anyMatch(l -> l.matches("bad rows ABC +negative_volume +1 \\(first at line 3\\)")),
            r::toString);
    }

    @Test
    void shouldNameSymbolAndPathWhenConfiguredFileIsMissing() throws IOException {
        Path symbols = dir.resolve("symbols.json");
        Files.writeString(symbols, "{\"active\": [\"SPY\"], \"symbols\": {\"SPY\": {\"leverage\": 1, "
            + "\"direction\": \"long\", \"underlying\": \"S&P 500\"}}}");
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Cli r = Cli.run("data", "check", "--data", empty.toString(), "--symbols", symbols.toString());
        assertEquals(ExitCodes.BAD_DATA, r.exitCode, r::toString);
        assertTrue(r.err.contains("SPY") && r.err.contains(empty.resolve("SPY_RTH_NH.csv").toString()), r::toString);
    }

    @Test
    void shouldExitTwoNamingUnknownParamsKeyAndFile() throws IOException {
        Path params = dir.resolve("p.json");
        Files.writeString(params, "{\"sync\": {\"max_forward_fills\": 5}}");
        Cli r = Cli.run("data", "check", "--data", dataWithBadRow().toString(), "--params", params.toString());
        assertEquals(ExitCodes.BAD_USAGE, r.exitCode, r::toString);
        assertTrue(r.err.contains(params.toString()) && r.err.contains("unknown key 'sync.max_forward_fills'"), r::toString);
    }

    @Test
    void shouldExitTwoWhenDataDirectoryIsMissing() {
        Cli r = Cli.run("data", "check", "--data", dir.resolve("nope").toString());
        assertEquals(ExitCodes.BAD_USAGE, r.exitCode, r::toString);
        assertTrue(r.err.contains("--data"), r::toString);
    }
}
