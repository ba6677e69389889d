package io.sentio.launcher.alpaca;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.core.market.Universe;
import io.sentio.launcher.alpaca.exchange.FaultPlan;
import io.sentio.launcher.alpaca.stream.Backoff;
import io.sentio.launcher.alpaca.trading.TradeUpdate;
import io.sentio.launcher.alpaca.trading.TradeUpdateListener;
import io.sentio.launcher.alpaca.trading.TradeUpdatesStream;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class TradeUpdatesStreamTest {
    @Test
    void shouldTellTheListenerToPollWhenTheStreamRefusesTheKeys() throws Exception {
        Universe u = Universe.of("SPY");
        try (ExchangeFixture fx = new ExchangeFixture(u, TestTapes.tape(u, 5), 600, new FaultPlan())) {
            String[] down = new String[1];
            TradeUpdateListener listener = new TradeUpdateListener() {
                @Override
                public void onTradeUpdate(TradeUpdate update) {
                }

                @Override
                public void onStreamDown(String reason) {
                    down[0] = reason;
                }
            };
            try (TradeUpdatesStream s = new TradeUpdatesStream(fx.http, fx.server.httpUrl().replace("http", "ws") + "/stream",
                new AlpacaCredentials(ExchangeFixture.KEY, "not-the-secret"), listener, new Backoff(10, 50, 3), 3)) {
                s.start();
                assertFalse(s.awaitListening(300, TimeUnit.MILLISECONDS));
                ExchangeFixture.await("stream down", 10_000, () -> down[0] != null);
            }
            assertTrue(down[0].contains("authentication failed"), down[0]);
        }
    }
}
