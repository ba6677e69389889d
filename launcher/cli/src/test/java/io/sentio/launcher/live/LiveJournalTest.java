package io.sentio.launcher.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.journal.JournalReader;
import io.sentio.journal.codec.RecordKind;
import io.sentio.journal.codec.RunMode;
import io.sentio.journal.state.StateFile;
import io.sentio.launcher.BuildInfo;
import io.sentio.launcher.Cli;
import io.sentio.launcher.ExitCodes;
import io.sentio.launcher.alpaca.ExchangeFixture;
import io.sentio.launcher.exchange.ExchangeServer;
import io.sentio.launcher.exchange.FaultPlan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sentio live --journal} against the stand-in exchange, then {@code sentio replay} of that journal. */
class LiveJournalTest {
    private static final double SPEED = 200;

    @Test
    void shouldReplayAJournaledDefaultPaperSessionToTheSameStateHashDivergeWithOtherParamsAndSaveItsState(@TempDir Path dir)
        throws Exception {
        LiveFixture fx = new LiveFixture(dir);
        Path journal = dir.resolve("journal");
        Path state = dir.resolve("after-day-1.state");
        Path logFile = dir.resolve("live.log");
        String[] live;
        try (ExchangeServer x = fx.exchange(SPEED, new FaultPlan())) {
            live = run(fx.cliArgs(x, "--journal", journal.toString(), "--state-out", state.toString(),
                "--log-file", logFile.toString()));
        }
        assertEquals("0", live[0], live[2]);
        assertTrue(live[1].lines().anyMatch(l -> l.contains(" entry ")), "the session traded:\n" + live[1]);
        String liveHash = live[1].lines().filter(l -> l.startsWith("state hash:")).findFirst().orElseThrow();

        String logged = Files.readString(logFile);
        assertTrue(logged.lines().anyMatch(l -> l.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z sentio live: session .*")),
            "--log-file holds the progress log, timestamped:\n" + logged);
        assertFalse(logged.contains(ExchangeFixture.SECRET), "without the secret");

        long reports = 0;
        RunMode mode;
        String codeVersion;
        try (JournalReader r = JournalReader.open(journal)) {
            r.next();
            mode = r.runHeader().mode();
            codeVersion = r.runHeader().codeVersion();
            while (r.next()) {
                reports += r.kind() == RecordKind.EXEC_REPORT ? 1 : 0;
            }
        }
        assertEquals(RunMode.LIVE_PAPER, mode, "without --live the session trades paper");
        assertEquals(BuildInfo.codeVersion(), codeVersion, "the header names the build");
        assertTrue(reports > 0, "the broker's execution reports are journaled as inputs");
        assertFalse(containsBytes(journal, ExchangeFixture.SECRET), "the API secret is nowhere in the journal's files");
        assertFalse(containsBytes(journal, ExchangeFixture.KEY), "nor the key id");

        String[] replay = run(new String[] {"replay", "--journal", journal.toString()});
        assertEquals(String.valueOf(ExitCodes.OK), replay[0], replay[1] + replay[2]);
        assertTrue(replay[1].contains("replay identical") && replay[1].contains(liveHash.substring("state hash: ".length())),
            "replay reproduces the live state hash " + liveHash + ":\n" + replay[1]);

        Path changed = dir.resolve("changed-params.json");
        Files.writeString(changed, Files.readString(fx.paramsFile).replace("\"max_positions\": 2", "\"max_positions\": 1"));
        String[] diverged = run(new String[] {"replay", "--journal", journal.toString(), "--params", changed.toString()});
        assertEquals(String.valueOf(ExitCodes.REPLAY_DIVERGED), diverged[0], diverged[1] + diverged[2]);

        String wrote = live[2].lines().filter(l -> l.contains("wrote state ")).findFirst().orElseThrow(
            () -> new AssertionError("--state-out reported:\n" + live[2]));
        String fingerprint = wrote.substring(wrote.indexOf("wrote state ") + "wrote state ".length()).split(" ")[0];
        StateFile written = StateFile.parse(Files.readAllBytes(state), state, LiveFixture.SYMBOLS);
        assertEquals(fingerprint, written.fingerprintHex(), "the state file parses as warmup's format, same fingerprint");
    }

    /** Exit code, stdout and stderr of one in-process command. */
    static String[] run(String[] args) {
        Cli c = Cli.run(args);
        return new String[] {String.valueOf(c.exitCode), c.out, c.err};
    }

    private static boolean containsBytes(Path dir, String text) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.US_ASCII);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).collect(Collectors.toList());
        }
        assertFalse(files.isEmpty(), "journal files exist in " + dir);
        for (Path f : files) {
            byte[] hay = Files.readAllBytes(f);
            outer:
            for (int i = 0; i + needle.length <= hay.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (hay[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return true;
            }
        }
        return false;
    }
}
