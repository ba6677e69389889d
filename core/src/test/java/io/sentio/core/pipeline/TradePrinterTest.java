package io.sentio.core.pipeline;

import static io.sentio.core.config.StrategyParamTable.MAX_POSITIONS;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.core.config.StrategyParams;
import io.sentio.core.market.Universe;
import io.sentio.core.testing.ScriptedLearner;
import io.sentio.core.testing.SyntheticMarket;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TradePrinterTest {

    @Test
    void shouldPrintEntriesRotationsFillsAndADaySummaryAsTheyHappen() {
        Universe u = Universe.of("AAA", "BBB");
        StrategyParams params = StrategyParams.defaults().toBuilder().set(MAX_POSITIONS, 1).conclude();
        List<LocalDate> days = List.of(LocalDate.of(2025, 4, 1));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ScriptedLearner.Script[] p = {(d, m) -> 0.6, (d, m) -> m < 10 ? 0.5 : 0.8};
        PipelineContext ctx = new PipelineContext().universe(u).params(params).shards(1)
            .learnerFactory(s -> new ScriptedLearner(p[s], (d, m) -> 1.0, params.buyThreshold))
            .listener(new TradePrinter(u, out, days.get(0).toEpochDay(), "mock1"))
            .pacer(Pacer.realTimeMultiple(1_000_000, days.get(0).toEpochDay()))
            .conclude();
        new Pipeline(ctx).run(SyntheticMarket.build(2, days, (s, d, m) -> 50.0, (s, d, m) -> 50.0, (s, d, m) -> true));
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("09:30 entry                AAA   +1960  [mock1-1743514200-AAA-1]"), text);
        assertTrue(text.contains("09:40 rotation             AAA -> BBB"), text);
        assertTrue(text.contains("09:41 fill                 BBB   +"), text);
        assertTrue(text.contains("15:58 exit-eod             BBB"), text);
        assertTrue(text.contains("2025-04-01 day return "), text);
    }
}
