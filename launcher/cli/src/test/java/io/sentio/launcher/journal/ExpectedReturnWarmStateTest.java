package io.sentio.launcher.journal;

import static io.sentio.launcher.journal.JournalRuns.assertOk;
import static io.sentio.launcher.journal.JournalRuns.count;
import static io.sentio.launcher.journal.JournalRuns.hash;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.journal.codec.RecordKind;
import io.sentio.launcher.Cli;
import io.sentio.launcher.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sentio warmup under decision expected_return carries the desk's calibration into the next run. */
class ExpectedReturnWarmStateTest {
    @TempDir
    Path tmp;

    private Path params(String decision) throws Exception {
        Path p = tmp.resolve(decision + ".json");
        Cli defaults = Cli.run("params", "--defaults");
        assertOk(defaults);
        String text = defaults.out
            .replaceFirst("\"decision\": \"probability\"", "\"decision\": \"" + decision + "\"");
        assertTrue(text.contains("\"decision\": \"" + decision + "\""), "the test sets the rule");
        Files.writeString(p, text);
        return p;
    }

    private static Cli run(Path params, String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--params";
        all[args.length + 1] = params.toString();
        all[args.length + 2] = "--symbols";
        all[args.length + 3] = Cli.configDir().resolve("symbols.json").toString();
        return Cli.run(all);
    }

    @Test
    void shouldTradeTheFirstSessionAfterAWarmupAndReplayIt() throws Exception {
        Path er = params("expected_return");
        Path state = tmp.resolve("er.state");
        assertOk(run(er, "warmup", "--blocks", "5", "--until", "2025-04-14", "--out", state.toString()));
        Path probabilityState = tmp.resolve("p.state");
        assertOk(run(params("probability"), "warmup", "--blocks", "5", "--until", "2025-04-14", "--out",
            probabilityState.toString()));
        assertTrue(Files.size(state) > Files.size(probabilityState), "the state file holds the calibration too");

        Path warmJournal = tmp.resolve("warm");
        Cli warm = run(er, "backtest", "--state", state.toString(), "--to", "2025-04-14", "--journal", warmJournal.toString());
        assertOk(warm);
        assertTrue(count(warmJournal, RecordKind.ORDER) > 0, "calibrated from the first bar of the session");
        Path coldJournal = tmp.resolve("cold");
        assertOk(run(er, "backtest", "--from", "2025-04-14", "--to", "2025-04-14", "--journal", coldJournal.toString()));
        assertEquals(0, count(coldJournal, RecordKind.ORDER), "a cold desk is not calibrated within one session");

        Cli replay = Cli.run("replay", "--journal", warmJournal.toString());
        assertEquals(ExitCodes.OK, replay.exitCode, replay.toString());
        assertEquals(hash(warm), hash(replay));
    }
}
