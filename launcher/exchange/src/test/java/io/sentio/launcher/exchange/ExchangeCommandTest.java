package io.sentio.launcher.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExchangeCommandTest {
    @Test
    void shouldExplainItselfWithHelp() {
        assertEquals(0, ExchangeMain.run("--help"));
    }

    @Test
    void shouldRejectBadOptionsWithExitCode2(@TempDir Path dir) throws Exception {
        assertEquals(2, ExchangeMain.run("--data", dir.toString(), "--date", "2025-04-01", "--key", "K",
            "--secret", "S"), "no bar files in the directory");
        Files.writeString(dir.resolve("SPY_RTH_NH.csv"), "ts_utc,ts_nyt_epoch,open,high,low,close,volume\n");
        assertEquals(2, ExchangeMain.run("--data", dir.toString(), "--date", "April 1st", "--key", "K",
            "--secret", "S"));
        assertEquals(2, ExchangeMain.run("--data", dir.toString(), "--date", "2025-04-01", "--key", "K"),
            "a key without a secret");
        assertEquals(2, ExchangeMain.run("--data", dir.resolve("missing").toString(), "--date", "2025-04-01",
            "--key", "K", "--secret", "S"));
        assertEquals(2, ExchangeMain.run("--data", dir.toString(), "--date", "2025-04-01", "--key", "K",
            "--secret", "S", "--drop-trade-updates-at-minute", "5", "--trade-updates-down-minutes", "-1"),
            "a negative outage length");
        assertEquals(2, ExchangeMain.run("--data", dir.toString(), "--date", "2025-04-01", "--key", "K",
            "--secret", "S", "--garbage-every", "-1"), "a negative garbage period");
        assertEquals(2, ExchangeMain.run("--data", dir.toString(), "--key", "K", "--secret", "S"), "no session");
        assertEquals(2, ExchangeMain.run("--data", dir.toString(), "--date", "2025-04-01", "--from", "2025-04-01",
            "--key", "K", "--secret", "S"), "--date and --from");
        assertEquals(2, ExchangeMain.run("--data", dir.toString(), "--from", "2025-04-02", "--to", "2025-04-01",
            "--key", "K", "--secret", "S"), "--to before --from");
        assertEquals(2, ExchangeMain.run("--data", dir.toString(), "--from", "2025-04-01", "--night-speed", "-1",
            "--key", "K", "--secret", "S"), "a negative night speed");
        assertEquals(2, ExchangeMain.run("--data", dir.toString(), "--date", "2025-04-01", "--calendar-closed", "soon",
            "--key", "K", "--secret", "S"), "--calendar-closed not a date");
    }

    @Test
    void shouldFindTheUniverseFromTheBarFileNames(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("SPY_RTH_NH.csv"), "");
        Files.writeString(dir.resolve("QQQ_RTH_NH.csv.gz"), "");
        Files.writeString(dir.resolve("notes.txt"), "");
        assertEquals("QQQ,SPY", ExchangeCommand.universeOf(dir).toString());
    }
}
