package io.sentio.launcher.journal;

import static io.sentio.launcher.journal.JournalRuns.assertOk;
import static io.sentio.launcher.journal.JournalRuns.withConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.journal.Journal;
import io.sentio.journal.JournalWriter;
import io.sentio.launcher.Cli;
import io.sentio.launcher.ExitCodes;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A RUN_END followed by inputs was a stop's (SIGTERM in a live session) and the run was resumed
 * after it; if that journal ends with inputs, the resumed run was killed or is still running:
 * neither {@code journal verify} nor {@code replay} takes the stop's RUN_END for the run's end.
 */
class JournalInputsAfterRunEndTest {
    @Test
    void shouldNotTakeARunEndFollowedByInputsForTheEndOfTheRun(@TempDir Path tmp) {
        Path journal = tmp.resolve("journal");
        assertOk(Cli.run(withConfig("backtest", "--to", "2025-04-02", "--journal", journal.toString())));
        Cli finished = Cli.run("journal", "verify", "--journal", journal.toString());
        assertTrue(finished.out.contains("ends with RUN_END: the run finished or was stopped"), finished.out);
        assertOk(Cli.run("replay", "--journal", journal.toString()));

        try (Journal j = Journal.open(new Journal.Context().directory(journal).symbolCount(12))) {
            JournalWriter w = j.createWriter();
            w.appendClock(1_743_624_000_000L);
        }
        Cli verify = Cli.run("journal", "verify", "--journal", journal.toString());
        assertEquals(ExitCodes.OK, verify.exitCode, verify.toString());
        assertTrue(verify.out.contains("inputs after its last RUN_END: resumed after a stop, then killed or still running"),
            verify.out);
        Cli replay = Cli.run("replay", "--journal", journal.toString());
        assertEquals(ExitCodes.REPLAY_DIVERGED, replay.exitCode, replay.toString());
        assertTrue(replay.out.contains("the journal has no RUN_END after its last input"), replay.toString());
    }
}
