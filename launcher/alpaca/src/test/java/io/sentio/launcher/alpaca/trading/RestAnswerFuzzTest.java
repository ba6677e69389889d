package io.sentio.launcher.alpaca.trading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.sentio.launcher.alpaca.AlpacaException;
import io.sentio.launcher.alpaca.AlpacaJson;
import io.sentio.launcher.alpaca.JsonMutator;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The trading REST answers (order, account, positions, clock, close-all) and trade_updates events,
 * malformed, truncated, wrong-typed and cut short by a seeded generator: each parse gives a value or an
 * {@link AlpacaException} of kind WIRE, never a NullPointerException, ClassCastException or
 * NumberFormatException. {@code -Dsentio.fuzz.iterations=N} and {@code -Dsentio.fuzz.seed=S} as for the
 * stream decoders.
 */
class RestAnswerFuzzTest {
    private static final long SEED = Long.getLong("sentio.fuzz.seed", 20_261_207L);
    private static final int ITERATIONS = Integer.getInteger("sentio.fuzz.iterations", 5_000);
    private static final String ORDER = "{\"id\":\"b0b6dd9d\",\"client_order_id\":\"sentio-1-SPY\",\"created_at\":"
        + "\"2021-02-22T19:15:00Z\",\"symbol\":\"SPY\",\"asset_class\":\"us_equity\",\"qty\":\"10\",\"filled_qty\":\"4\","
        + "\"filled_avg_price\":\"391.25\",\"order_type\":\"market\",\"type\":\"market\",\"side\":\"buy\","
        + "\"time_in_force\":\"day\",\"status\":\"partially_filled\",\"legs\":null}";
    private static final String ACCOUNT = "{\"id\":\"a1\",\"status\":\"ACTIVE\",\"currency\":\"USD\",\"cash\":\"100000.5\","
        + "\"equity\":\"100010\",\"buying_power\":\"200000\",\"pattern_day_trader\":false}";
    private static final String POSITIONS = "[{\"symbol\":\"SPY\",\"qty\":\"10\",\"avg_entry_price\":\"391.25\","
        + "\"market_value\":\"3913\",\"side\":\"long\"},{\"symbol\":\"QQQ\",\"qty\":\"-3\",\"avg_entry_price\":\"320\","
        + "\"market_value\":\"-960\",\"side\":\"short\"}]";
    private static final String CLOCK = "{\"timestamp\":\"2021-02-22T14:15:00.123-05:00\",\"is_open\":true,"
        + "\"next_open\":\"2021-02-23T09:30:00-05:00\",\"next_close\":\"2021-02-22T16:00:00-05:00\"}";
    private static final String CLOSE_ALL = "[{\"symbol\":\"SPY\",\"status\":200,\"body\":" + ORDER + "},"
        + "{\"symbol\":\"QQQ\",\"status\":\"403\",\"body\":{\"code\":40310000,\"message\":\"insufficient qty\"}}]";
    private static final String UPDATE = "{\"event\":\"partial_fill\",\"price\":\"391.25\",\"qty\":\"4\","
        + "\"timestamp\":\"2021-02-22T19:15:01Z\",\"order\":" + ORDER + "}";

    private record Parser(String name, String valid, Function<String, Object> parse) { }

    private static final List<Parser> PARSERS = List.of(
        new Parser("order", ORDER, b -> BrokerJson.order(b, "POST /v2/orders answer")),
        new Parser("account", ACCOUNT, BrokerJson::account),
        new Parser("positions", POSITIONS, BrokerJson::positions),
        new Parser("clock", CLOCK, BrokerJson::clock),
        new Parser("close-all", CLOSE_ALL, BrokerJson::closeResults),
        new Parser("trade update", UPDATE, b -> OrderJson.update(AlpacaJson.answer(b, "trade update"))));

    @Test
    void shouldReadEveryValidAnswer() {
        OrderReport o = BrokerJson.order(ORDER, "order");
        assertEquals("sentio-1-SPY 10 4 391.25 partially_filled BUY", o.clientOrderId + " " + o.qty + " " + o.filledQty
            + " " + o.filledAvgPrice + " " + o.status + " " + o.side);
        assertEquals(2, BrokerJson.positions(POSITIONS).size());
        assertEquals(1_614_021_300L, BrokerJson.clock(CLOCK).epochSecond);
        assertEquals(403, BrokerJson.closeResults(CLOSE_ALL).get(1).status);
        assertEquals(4, OrderJson.update(AlpacaJson.answer(UPDATE, "trade update")).fillQty);
    }

    @Test
    void shouldNameTheAnswerAndTheFieldThatIsWrong() {
        AlpacaException e = assertThrows(AlpacaException.class, () -> BrokerJson.order(ORDER.replace("\"qty\":\"10\"",
            "\"qty\":\"ten\""), "POST /v2/orders answer"));
        assertEquals(AlpacaException.Kind.WIRE, e.kind());
        assertTrue(e.getMessage().contains("'qty' is not a number: 'ten'"), e.getMessage());
        e = assertThrows(AlpacaException.class, () -> BrokerJson.order(ORDER.substring(0, 40), "POST /v2/orders answer"));
        assertTrue(e.getMessage().startsWith("POST /v2/orders answer is not a JSON object"), e.getMessage());
        e = assertThrows(AlpacaException.class, () -> BrokerJson.clock(CLOCK.replace("\"next_open\"", "\"nextopen\"")));
        assertTrue(e.getMessage().contains("clock without 'next_open'"), e.getMessage());
        e = assertThrows(AlpacaException.class, () -> BrokerJson.order(ORDER.replace("\"status\":\"partially_filled\"",
            "\"status\":{}"), "GET order"));
        assertTrue(e.getMessage().contains("order without 'status'"), e.getMessage());
    }

    @Test
    void shouldGiveAValueOrAWireErrorForAnyMutatedAnswer() {
        SplittableRandom random = new SplittableRandom(SEED);
        assertTimeoutPreemptively(Duration.ofSeconds(Math.max(60, ITERATIONS / 200)), () -> {
            int wireErrors = 0;
            for (int i = 0; i < ITERATIONS; i++) {
                Parser p = PARSERS.get(random.nextInt(PARSERS.size()));
                String body = JsonMutator.mutate(p.valid(), random);
                try {
                    p.parse().apply(body);
                } catch (AlpacaException e) {
                    wireErrors++;
                    if (e.kind() != AlpacaException.Kind.WIRE || e.getMessage() == null || e.getMessage().isEmpty()) {
                        fail("seed " + SEED + " iteration " + i + " " + p.name() + " " + body + ": " + e);
                    }
                } catch (RuntimeException e) {
                    fail("seed " + SEED + " iteration " + i + " " + p.name() + " " + body + ": " + e, e);
                }
            }
            assertTrue(wireErrors > ITERATIONS / 4, "most mutations are caught: " + wireErrors);
        }, "a parser hung; seed " + SEED);
    }
}
