package io.sentio.launcher.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.core.config.StrategyParams;
import io.sentio.core.pipeline.Pipeline;
import io.sentio.core.pipeline.PipelineContext;
import io.sentio.core.pipeline.RunResult;
import io.sentio.core.state.StateCodec;
import io.sentio.journal.JournalReader;
import io.sentio.journal.codec.RecordKind;
import io.sentio.launcher.ExitCodes;
import io.sentio.launcher.exchange.ExchangeServer;
import io.sentio.launcher.exchange.FaultPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sentio live --shadow A --shadow B --journal} against the stand-in exchange: the challengers
 * trade by simulation on the session's own signals, the broker sees desk 0's orders only, the exit
 * summary reports every desk, and replay reproduces every desk.
 */
class LiveShadowDeskTest {
    private static final double SPEED = 200;

    @Test
    void shouldSimulateShadowDesksOnTheLiveSignalsSendOnlyDeskZerosOrdersAndReplayEveryDesk(@TempDir Path dir)
        throws Exception {
        LiveFixture fx = new LiveFixture(dir);
        String base = Files.readString(fx.paramsFile);
        Path eager = dir.resolve("eager.json");
        Files.writeString(eager, base.replaceFirst("\"buy_threshold\": [0-9.]+", "\"buy_threshold\": 0.53"));
        Path single = dir.resolve("single.json");
        Files.writeString(single, base.replace("\"max_positions\": 2", "\"max_positions\": 1")
            .replaceFirst("\"min_hold_bars\": [0-9]+", "\"min_hold_bars\": 10"));
        assertFalse(Files.readString(eager).equals(base) || Files.readString(single).equals(base), "the shadows differ");
        Path journal = dir.resolve("journal");
        String[] live;
        List<String> sent;
        try (ExchangeServer x = fx.exchange(SPEED, new FaultPlan())) {
            live = LiveJournalTest.run(fx.cliArgs(x, "--journal", journal.toString(), "--shadow", eager.toString(),
                "--shadow", single.toString()));
            sent = x.clientOrderIds();
        }
        Files.writeString(Path.of("target", "live-shadow-desks.log"), live[1] + live[2]);
        assertEquals("0", live[0], live[2]);

        Map<Integer, List<String>> orders = new HashMap<>();
        try (JournalReader r = JournalReader.open(journal).kinds(RecordKind.ORDER)) {
            while (r.next()) {
                orders.computeIfAbsent(r.desk(), d -> new ArrayList<>()).add(r.order().clientOrderId());
            }
        }
        List<String> deskZero = orders.getOrDefault(0, List.of());
        assertFalse(deskZero.isEmpty(), "desk 0 traded:\n" + live[1]);
        assertEquals(new TreeSet<>(deskZero), new TreeSet<>(sent), "the broker saw exactly desk 0's orders");
        for (int desk = 1; desk <= 2; desk++) {
            List<String> simulated = orders.getOrDefault(desk, List.of());
            assertFalse(simulated.isEmpty(), "shadow desk " + desk + " traded by simulation");
            for (String id : simulated) {
                assertTrue(id.startsWith(LiveFixture.RUN_ID + ".s" + desk + "-") && !sent.contains(id), id);
            }
        }

        // Same bars, same model: each shadow desk ends as the desk of a backtest of the day with its params.
        assertTrue(live[1].contains("shadow desk eager (costs ") && live[1].contains("shadow desk single (costs "),
            live[1]);
        assertTrue(live[1].contains("desk state " + deskStateOfBacktest(fx, eager)), live[1]);
        assertTrue(live[1].contains("desk state " + deskStateOfBacktest(fx, single)), live[1]);

        String[] replay = LiveJournalTest.run(new String[] {"replay", "--journal", journal.toString()});
        assertEquals(String.valueOf(ExitCodes.OK), replay[0], replay[1] + replay[2]);
        assertTrue(replay[1].startsWith("replay identical") && replay[1].contains(" of desk 0 and 2 shadow desk(s)"),
            replay[1]);
    }

    private static String deskStateOfBacktest(LiveFixture fx, Path paramsFile) {
        StrategyParams p = fx.wiring.params(paramsFile);
        PipelineContext ctx = new PipelineContext().universe(fx.universe).params(p).learnerFactory(fx.wiring.learners(p))
            .runId(LiveFixture.RUN_ID).conclude();
        RunResult r = new Pipeline(ctx).run(fx.wiring.bars(fx.dataDir, fx.universe, LiveFixture.DAY, LiveFixture.DAY));
        return StateCodec.hex(r.deskStateHash);
    }
}
