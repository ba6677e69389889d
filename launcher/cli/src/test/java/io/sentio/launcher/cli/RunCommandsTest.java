package io.sentio.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.core.config.StrategyParams;
import io.sentio.core.market.BarSource;
import io.sentio.core.market.MutableBar;
import io.sentio.core.market.Universe;
import io.sentio.core.pipeline.LearnerFactory;
import io.sentio.core.testing.ScriptedLearner;
import io.sentio.core.time.SessionCalendar;
import io.sentio.launcher.ExitCodes;
import io.sentio.launcher.SentioException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The run commands over an in-memory wiring: two sessions, symbol AAA LONG, BBB neutral. */
class RunCommandsTest {
    static final List<LocalDate> DAYS = List.of(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 2));

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    static int execute(Object command, String... args) {
        CommandLine cli = new CommandLine(command);
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof SentioException) {
                return ((SentioException) ex).exitCode();
            }
            throw ex;
        });
        cli.setParameterExceptionHandler((ex, params) -> ExitCodes.BAD_USAGE);
        return cli.execute(args);
    }

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldBacktestPrintTheStateHashAndWriteJson(@TempDir Path tmp) throws Exception {
        Path json = tmp.resolve("r.json");
        int code = execute(new BacktestCommand(new FakeWiring(), out), "--data", tmp.toString(), "--json", json.toString(),
            "--shards", "2");
        assertEquals(ExitCodes.OK, code, output());
        assertTrue(output().contains("state hash: "), output());
        assertTrue(Files.readString(json).contains("\"sessions\" : 2"));
    }

    @Test
    void shouldRejectFromAfterToAsBadUsage(@TempDir Path tmp) {
        int code = execute(new BacktestCommand(new FakeWiring(), out), "--data", tmp.toString(),
            "--from", "2025-04-02", "--to", "2025-04-01");
        assertEquals(ExitCodes.BAD_USAGE, code);
    }

    @Test
    void shouldRejectAnUnknownWaitStrategyNamingTheOption(@TempDir Path tmp) {
        assertEquals(ExitCodes.BAD_USAGE, execute(new BacktestCommand(new FakeWiring(), out), "--data", tmp.toString(),
            "--wait", "nap"));
    }

    @Test
    void shouldMockTheDatePrintingTradesAfterTrainingOnEarlierSessions(@TempDir Path tmp) {
        int code = execute(new MockCommand(new FakeWiring(), out), "--data", tmp.toString(), "--date", "2025-04-02",
            "--speed", "0");
        assertEquals(ExitCodes.OK, code, output());
        String text = output();
        assertTrue(text.contains("09:30 entry                AAA"), text);
        assertTrue(text.contains("2025-04-02 day return"), text);
        assertTrue(!text.contains("2025-04-01 day return"), "the warm-up session is not printed: " + text);
        assertTrue(text.contains("state hash: "), text);
    }

    @Test
    void shouldFailMockWithBadDataWhenTheDateHasNoBars(@TempDir Path tmp) {
        assertEquals(ExitCodes.BAD_DATA, execute(new MockCommand(new FakeWiring(), out), "--data", tmp.toString(),
            "--date", "2025-04-03", "--speed", "0"));
    }

    @Test
    void shouldRejectANonSessionDate(@TempDir Path tmp) {
        assertEquals(ExitCodes.BAD_USAGE, execute(new MockCommand(new FakeWiring(), out), "--data", tmp.toString(),
            "--date", "2025-04-05"));
    }

    /** Two flat symbols over {@link #DAYS}; AAA's learner is always LONG. */
    static final class FakeWiring implements EngineWiring {
        @Override
        public Universe universe(Path symbolsFile) {
            return Universe.of("AAA", "BBB");
        }

        @Override
        public StrategyParams params(Path paramsFile) {
            return StrategyParams.defaults();
        }

        @Override
        public BarSource[] bars(Path dataDir, Universe universe, LocalDate from, LocalDate to) {
            BarSource[] out = new BarSource[universe.size()];
            for (int s = 0; s < out.length; s++) {
                out[s] = new Flat(from, to, 10.0 * (s + 1));
            }
            return out;
        }

        @Override
        public LearnerFactory learners(StrategyParams params) {
            return s -> ScriptedLearner.constant(s == 0 ? 0.7 : 0.5, params.buyThreshold);
        }

        @Override
        public LocalDate syntheticLastSession() {
            return DAYS.get(DAYS.size() - 1);
        }
    }

    static final class Flat implements BarSource {
        private final List<LocalDate> days;
        private final double price;
        private int day;
        private int minute;

        Flat(LocalDate from, LocalDate to, double price) {
            this.days = DAYS.stream().filter(d -> (from == null || !d.isBefore(from)) && (to == null || !d.isAfter(to)))
                .toList();
            this.price = price;
        }

        @Override
        public boolean next(MutableBar into) {
            if (day == days.size()) {
                return false;
            }
            long d = days.get(day).toEpochDay();
            into.set(SessionCalendar.openEpochSecond(d) + 60L * minute, price, price, price, price, 100);
            if (++minute > SessionCalendar.closeMinute(d)) {
                minute = 0;
                day++;
            }
            return true;
        }
    }
}
