package io.sentio.launcher.alpaca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.core.market.Universe;
import io.sentio.core.time.SessionCalendar;
import io.sentio.launcher.alpaca.history.BarCsvDownloader;
import io.sentio.launcher.alpaca.history.HistoryClient;
import io.sentio.launcher.cli.SentioMain;
import io.sentio.launcher.exchange.FaultPlan;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class HistoryAndDownloadTest {
    private static final Universe UNIVERSE = Universe.of("SPY", "QQQ");
    private static final LocalDate MON = LocalDate.of(2025, 3, 31);
    private static final LocalDate TUE = LocalDate.of(2025, 4, 1);
    private static final int MINUTES = 25;

    private static ExchangeFixture exchange() throws Exception {
        // SPY misses minute 3 of each day: a genuine gap must stay a gap.
        return new ExchangeFixture(UNIVERSE, TestTapes.tape(UNIVERSE, List.of(MON, TUE, TestTapes.DAY), MINUTES, 0, 3),
            600, new FaultPlan());
    }

    @Test
    void shouldFollowNextPageTokensAcrossSymbolsAndServeOnlyClosedMinutes() throws Exception {
        try (ExchangeFixture fx = exchange()) {
            HistoryClient history = fx.history(new FakeClock(0), 7);
            List<String> got = new ArrayList<>();
            long from = SessionCalendar.openEpochSecond(MON.toEpochDay());
            long to = SessionCalendar.openEpochSecond(TestTapes.DAY.toEpochDay()) + 3600;
            long n = history.fetch(new SymbolTable(UNIVERSE), from, to,
                (s, t, o, h, l, c, v) -> got.add(UNIVERSE.symbol(s) + " " + t + " " + o));
            assertEquals(2 * (2 * MINUTES) - 2, n, "two closed days, SPY's two gaps; the replay day is not open yet");
            assertEquals(n, got.size());
            assertTrue(got.get(0).startsWith("QQQ "), "sorted by symbol, then time: " + got.get(0));
            assertTrue(got.get(got.size() - 1).startsWith("SPY "));
            for (int i = 1; i < got.size(); i++) {
                String[] a = got.get(i - 1).split(" ");
                String[] b = got.get(i).split(" ");
                assertTrue(!a[0].equals(b[0]) || Long.parseLong(a[1]) < Long.parseLong(b[1]), "order at " + i);
            }
        }
    }

    private static String env(Path dir) throws Exception {
        Path f = dir.resolve("config.env");
        Files.writeString(f, "# test keys\nAPCA_API_KEY_ID=" + ExchangeFixture.KEY + "\nexport APCA_API_SECRET_KEY=\""
            + ExchangeFixture.SECRET + "\"\n");
        return f.toString();
    }

    @Test
    void shouldDownloadRegularHoursCsvWithNewYorkOffsetsAndPagination(@TempDir Path dir) throws Exception {
        try (ExchangeFixture fx = exchange()) {
            BarCsvDownloader d = new BarCsvDownloader(fx.history(new FakeClock(0), 10));
            assertEquals(2 * MINUTES - 2, d.download("SPY", MON, TUE, dir));
            List<String> lines = Files.readAllLines(BarCsvDownloader.file(dir, "SPY"));
            assertEquals(BarCsvDownloader.HEADER, lines.get(0));
            long open = SessionCalendar.openEpochSecond(MON.toEpochDay());
            assertEquals("2025-03-31T09:30:00-04:00," + open + ",100,100.25,99.75,100.05,1000", lines.get(1));
            assertEquals(2 * MINUTES - 1, lines.size());
        }
    }

    @Test
    void shouldKeepOnlyRegularHoursBars(@TempDir Path dir) throws Exception {
        long open = SessionCalendar.openEpochSecond(TUE.toEpochDay());
        List<double[]> rows = new ArrayList<>();
        for (long t : new long[] {open - 60, open, open + 390 * 60, open + 391 * 60}) {
            rows.add(new double[] {t, 10, 11, 9, 10.5, 100});
        }
        Universe spy = Universe.of("SPY");
        try (ExchangeFixture fx = new ExchangeFixture(spy, TestTapes.fromRows(spy, List.of(rows)), 600, new FaultPlan())) {
            assertEquals(2, new BarCsvDownloader(fx.history(new FakeClock(0), 10)).download("SPY", TUE, TUE, dir));
            List<String> lines = Files.readAllLines(BarCsvDownloader.file(dir, "SPY"));
            assertEquals(List.of(BarCsvDownloader.HEADER, "2025-04-01T09:30:00-04:00," + open + ",10,11,9,10.5,100",
                "2025-04-01T16:00:00-04:00," + (open + 390 * 60) + ",10,11,9,10.5,100"), lines);
        }
    }

    @Test
    void shouldResumeAfterTheLastTimestampWithoutDuplicates(@TempDir Path dir) throws Exception {
        try (ExchangeFixture fx = exchange()) {
            String envFile = env(dir);
            Path full = dir.resolve("full");
            Path resumed = dir.resolve("resumed");
            String url = fx.server.httpUrl();
            assertEquals(0, SentioMain.run("download", "--symbols", "SPY,QQQ", "--days", "2", "--until", "2025-04-01",
                "--out", full.toString(), "--data-url", url, "--env-file", envFile));
            assertEquals(0, SentioMain.run("download", "--symbols", "SPY,QQQ", "--days", "1", "--until", "2025-03-31",
                "--out", resumed.toString(), "--data-url", url, "--env-file", envFile));
            Path qqq = BarCsvDownloader.file(resumed, "QQQ");
            List<String> partial = Files.readAllLines(qqq);
            assertEquals(MINUTES + 1, partial.size());
            // An interrupted run: the file ends mid-session.
            Files.write(qqq, partial.subList(0, 11), StandardCharsets.UTF_8);
            assertEquals(0, SentioMain.run("download", "--symbols", "SPY,QQQ", "--days", "2", "--until", "2025-04-01",
                "--out", resumed.toString(), "--data-url", url, "--env-file", envFile));
            for (String s : UNIVERSE.symbols()) {
                assertEquals(Files.readAllLines(BarCsvDownloader.file(full, s)),
                    Files.readAllLines(BarCsvDownloader.file(resumed, s)), s);
            }
            assertEquals(2 * MINUTES + 1, Files.readAllLines(BarCsvDownloader.file(full, "QQQ")).size());
        }
    }

    @Test
    void shouldRejectBadDownloadOptionsWithExitCode2(@TempDir Path dir) throws Exception {
        assertEquals(2, SentioMain.run("download", "--symbols", "spy", "--days", "2", "--until", "2025-04-01",
            "--out", dir.toString(), "--env-file", env(dir)));
        assertEquals(2, SentioMain.run("download", "--symbols", "SPY", "--days", "0", "--out", dir.toString()));
        assertEquals(2, SentioMain.run("download", "--symbols", "SPY", "--days", "1", "--until", "2025-04-05",
            "--out", dir.toString(), "--env-file", env(dir)));
        if (System.getenv(AlpacaCredentials.KEY_ENV) == null && System.getenv(AlpacaCredentials.SECRET_ENV) == null) {
            assertEquals(2, SentioMain.run("download", "--symbols", "SPY", "--days", "1", "--until", "2025-04-01",
                "--out", dir.toString(), "--env-file", dir.resolve("missing.env").toString()));
        }
    }
}
