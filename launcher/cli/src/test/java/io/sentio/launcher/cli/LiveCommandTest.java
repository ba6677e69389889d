package io.sentio.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.launcher.Cli;
import io.sentio.launcher.SentioProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveCommandTest {
    @Test
    void shouldExplainItselfWithHelp() {
        assertEquals(0, SentioMain.run("live", "--help"));
    }

    @Test
    void shouldRefuseToStartWithoutKeysWithExitCode2(@TempDir Path dir) throws Exception {
        // A child JVM, whose environment holds no Alpaca keys whatever this one's holds.
        SentioProcess live = SentioProcess.start(dir.resolve("live.err"), "live", "--env-file",
            dir.resolve("config.env").toString());
        assertEquals(2, live.waitForExit(60), live.stderr());
    }

    @Test
    void shouldRejectBadUrlsAndSpeedsWithExitCode2(@TempDir Path dir) throws Exception {
        Path env = dir.resolve("config.env");
        Files.writeString(env, "APCA_API_KEY_ID=K\nAPCA_API_SECRET_KEY=S\n");
        assertEquals(2, SentioMain.run("live", "--env-file", env.toString(), "--trading-url", "ftp://x"));
        assertEquals(2, SentioMain.run("live", "--env-file", env.toString(), "--trading-url", "http://127.0.0.1:9",
            "--data-url", "http://127.0.0.1:9", "--stream-url", "ws://127.0.0.1:9/v2/iex", "--market-speed", "-3"));
    }

    @Test
    void shouldRefuseAPaperRunAgainstTheLiveHostAndALiveRunAgainstThePaperHost(@TempDir Path dir) throws Exception {
        Path env = dir.resolve("config.env");
        Files.writeString(env, "APCA_API_KEY_ID=K\nAPCA_API_SECRET_KEY=S\n");
        for (String[] paper : new String[][] {{}, {"--paper"}}) {
            List<String> args = new ArrayList<>(List.of("live", "--env-file", env.toString(),
                "--trading-url", "https://api.alpaca.markets"));
            args.addAll(List.of(paper));
            Cli paperOnLive = Cli.run(args.toArray(new String[0]));
            assertEquals(2, paperOnLive.exitCode, paperOnLive.toString());
            assertTrue(paperOnLive.err.contains("--trading-url is Alpaca's live (real-money) host https://api.alpaca.markets,"
                + " but this is a paper run"), paperOnLive.err);
        }
        Cli liveOnPaper = Cli.run("live", "--live", "--env-file", env.toString(),
            "--trading-url", "https://paper-api.alpaca.markets/");
        assertEquals(2, liveOnPaper.exitCode, liveOnPaper.toString());
        assertTrue(liveOnPaper.err.contains("--live, but --trading-url is Alpaca's paper host https://paper-api.alpaca.markets:"
            + " drop --live"), liveOnPaper.err);
    }

    @Test
    void shouldTradeThePaperHostByDefaultAndTheLiveHostOnlyWithLive(@TempDir Path dir) throws Exception {
        Path env = dir.resolve("config.env");
        Files.writeString(env, "APCA_API_KEY_ID=K\nAPCA_API_SECRET_KEY=S\n");
        // A market speed below zero stops each run after the mode and host checks, before any network.
        Cli byDefault = Cli.run("live", "--env-file", env.toString(), "--market-speed", "-1");
        assertEquals(2, byDefault.exitCode, byDefault.toString());
        assertTrue(byDefault.err.contains("paper trading at https://paper-api.alpaca.markets"), byDefault.toString());
        Cli live = Cli.run("live", "--live", "--env-file", env.toString(), "--market-speed", "-1");
        assertEquals(13, live.exitCode, "unconfirmed: " + live);
        assertTrue(live.err.contains("--live trades real money at https://api.alpaca.markets"), live.toString());
    }
}
