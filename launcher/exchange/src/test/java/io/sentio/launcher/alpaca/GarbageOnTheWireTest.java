package io.sentio.launcher.alpaca;

import static io.sentio.launcher.alpaca.ExchangeFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.core.market.Universe;
import io.sentio.core.time.SessionCalendar;
import io.sentio.launcher.exchange.FaultPlan;
import io.sentio.launcher.alpaca.stream.FrameReject;
import io.sentio.launcher.alpaca.stream.FrameRejects;
import io.sentio.launcher.alpaca.stream.MarketDataStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The stand-in's {@code --garbage-every} fault met end to end by the market-data client. */
@Timeout(120)
class GarbageOnTheWireTest {
    private static final Universe UNIVERSE = Universe.of("SPY", "QQQ", "TQQQ");
    private static final int MINUTES = 12;
    private static final double SPEED = 600;

    @Test
    void shouldDeliverEveryRealJsonBarAndCountTheGarbageBetweenThem() throws Exception {
        runThroughGarbage(false);
    }

    @Test
    void shouldDeliverEveryRealMsgpackBarAndCountTheGarbageBetweenThem() throws Exception {
        runThroughGarbage(true);
    }

    private static void runThroughGarbage(boolean msgpack) throws Exception {
        FaultPlan faults = new FaultPlan();
        faults.garbageEvery = 2;
        try (ExchangeFixture fx = new ExchangeFixture(UNIVERSE, TestTapes.tape(UNIVERSE, MINUTES), SPEED, faults)) {
            ExchangeFixture.Recorder rec = new ExchangeFixture.Recorder(UNIVERSE);
            FrameRejects rejects;
            try (MarketDataStream stream = new MarketDataStream(fx.streamContext(rec, msgpack))) {
                stream.start();
                await("all bars", 20_000, () -> rec.bars.size() >= MINUTES * UNIVERSE.size() || rec.finalReason != null);
                rejects = stream.rejects();
            }
            assertEquals(expected(), rec.plainBars(), "every real bar, once, in order");
            // 3 handshake frames and 12 bar frames: 7 garbage frames, the three kinds in turn
            assertTrue(rejects.count(FrameReject.MALFORMED) >= 2 && rejects.count(FrameReject.WRONG_TYPE) >= 2
                && rejects.count(FrameReject.UNKNOWN_TYPE) >= 2, rejects.toString());
            assertEquals(rejects.count(FrameReject.MALFORMED) + rejects.count(FrameReject.WRONG_TYPE)
                + rejects.count(FrameReject.UNKNOWN_TYPE), rejects.total(), rejects.toString());
            assertEquals("subscribed 1", rec.events.get(0), "garbage costs no connection: " + rec.events);
        }
    }

    private static List<String> expected() {
        long open = SessionCalendar.openEpochSecond(TestTapes.DAY.toEpochDay());
        List<String> out = new ArrayList<>();
        for (int m = 0; m < MINUTES; m++) {
            for (int s = 0; s < UNIVERSE.size(); s++) {
                double o = TestTapes.open(s, m, 2);
                out.add(UNIVERSE.symbol(s) + " " + (open + 60L * m) + " " + o + " " + (o + 0.25) + " " + (o - 0.25)
                    + " " + (o + 0.05) + " " + (double) (1000 + m + 7 * s));
            }
        }
        return out;
    }
}
