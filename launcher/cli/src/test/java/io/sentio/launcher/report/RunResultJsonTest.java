package io.sentio.launcher.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.sentio.core.config.StrategyParams;
import io.sentio.core.market.BarSource;
import io.sentio.core.market.MutableBar;
import io.sentio.core.market.Universe;
import io.sentio.core.pipeline.Pipeline;
import io.sentio.core.pipeline.PipelineContext;
import io.sentio.core.pipeline.RunResult;
import io.sentio.core.testing.ScriptedLearner;
import io.sentio.core.time.SessionCalendar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunResultJsonTest {

    @Test
    void shouldWriteEveryFieldTheCliContractRequires(@TempDir Path tmp) throws Exception {
        RunResult r = runOneDay();
        Path file = tmp.resolve("result.json");
        RunResultJson.write(r, file);

        Set<String> fields = new HashSet<>();
        String stateHash = null;
        int dailyEntries = 0;
        try (JsonParser p = new JsonFactory().createParser(Files.newInputStream(file))) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME) {
                    fields.add(p.currentName());
                    if (p.currentName().equals("state_hash")) {
                        p.nextToken();
                        stateHash = p.getText();
                    } else if (p.currentName().equals("date")) {
                        dailyEntries++;
                    }
                }
            }
        }
        for (String f : new String[] {"sessions", "mrd_pct", "sharpe", "sortino", "max_drawdown_pct", "win_rate",
            "profit_factor", "trades", "total_return_pct", "daily", "date", "return_pct", "latency_us", "p50", "p99",
            "p999", "max", "symbol_bars_per_s", "state_hash", "costs", "slippage_bps", "half_spread_ticks", "tick_size"}) {
            assertTrue(fields.contains(f), "missing " + f + " in " + Files.readString(file));
        }
        assertEquals(r.stateHashHex(), stateHash);
        assertEquals(1, dailyEntries);
        assertTrue(Files.readString(file).contains("\"sharpe\" : null"), "one session has no Sharpe: null, not NaN");
    }

    @Test
    void shouldEndTheSummaryWithTheStateHashLine() {
        RunResult r = runOneDay();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        RunSummary.print(r, new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8));
        String text = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(text.endsWith("state hash: " + r.stateHashHex() + System.lineSeparator()), text);
        assertTrue(text.contains("costs assumed: max(1.00 bp of the price, 0.50 tick x $0.0100 = $0.0050)"), text);
    }

    private static RunResult runOneDay() {
        long day = LocalDate.of(2025, 4, 1).toEpochDay();
        StrategyParams params = StrategyParams.defaults();
        PipelineContext ctx = new PipelineContext().universe(Universe.of("AAA", "BBB")).params(params).shards(1)
            .learnerFactory(s -> ScriptedLearner.constant(s == 0 ? 0.7 : 0.5, params.buyThreshold)).conclude();
        return new Pipeline(ctx).run(new BarSource[] {new Flat(day, 10.0), new Flat(day, 20.0)});
    }

    /** Every minute of one session at a flat price. */
    private static final class Flat implements BarSource {
        private final long open;
        private final int close;
        private final double price;
        private int minute;

        Flat(long day, double price) {
            this.open = SessionCalendar.openEpochSecond(day);
            this.close = SessionCalendar.closeMinute(day);
            this.price = price;
        }

        @Override
        public boolean next(MutableBar into) {
            if (minute > close) {
                return false;
            }
            into.set(open + 60L * minute++, price, price, price, price, 100);
            return true;
        }
    }
}
