package io.sentio.launcher.alpaca.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.sentio.core.market.Universe;
import io.sentio.launcher.alpaca.AlpacaException;
import io.sentio.launcher.alpaca.JsonMutator;
import io.sentio.launcher.alpaca.SymbolTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * History pages ({@code GET /v2/stocks/bars}) mutated by the seeded {@link JsonMutator}: a page gives
 * its bars or an {@link AlpacaException} of kind WIRE, and never a bar with a missing or unusable field.
 */
class BarsAnswerFuzzTest {
    private static final long SEED = Long.getLong("sentio.fuzz.seed", 20_261_207L);
    private static final int ITERATIONS = Integer.getInteger("sentio.fuzz.iterations", 5_000);
    private static final String PAGE = "{\"bars\":{\"QQQ\":[{\"t\":\"2021-02-22T14:30:00Z\",\"o\":320.5,\"h\":321,\"l\":320,"
        + "\"c\":320.75,\"v\":15000,\"n\":120,\"vw\":320.6}],\"IBM\":[{\"t\":\"2021-02-22T14:30:00Z\",\"o\":1,\"h\":1,\"l\":1,"
        + "\"c\":1,\"v\":1}],\"SPY\":[{\"t\":\"2021-02-22T14:30:00Z\",\"o\":391.25,\"h\":392,\"l\":391,\"c\":391.5,\"v\":90000},"
        + "{\"t\":\"2021-02-22T14:31:00Z\",\"o\":391.5,\"h\":391.5,\"l\":391.5,\"c\":391.5,\"v\":0}]},"
        + "\"next_page_token\":\"U1BZfE18MjAyMQ==\"}";
    private static final SymbolTable SYMBOLS = new SymbolTable(Universe.of("SPY", "QQQ"));

    @Test
    void shouldReadAValidPageAndItsNextToken() {
        List<String> bars = new ArrayList<>();
        BarsAnswer page = new BarsAnswer();
        page.parse(PAGE, SYMBOLS, (s, t, o, h, l, c, v) -> bars.add(s + " " + t + " " + o + " " + v));
        assertEquals(List.of("1 1614004200 320.5 15000.0", "0 1614004200 391.25 90000.0", "0 1614004260 391.5 0.0"), bars);
        assertEquals(3, page.bars);
        assertEquals("U1BZfE18MjAyMQ==", page.nextToken);
    }

    @Test
    void shouldNameTheSymbolAndFieldOfAnUnreadableBar() {
        AlpacaException e = assertThrows(AlpacaException.class, () -> new BarsAnswer().parse(
            PAGE.replace("\"o\":391.25", "\"o\":\"391.25\""), SYMBOLS, (s, t, o, h, l, c, v) -> { }));
        assertEquals(AlpacaException.Kind.WIRE, e.kind());
        assertTrue(e.getMessage().contains("a bar of SPY whose 'o' is not a number"), e.getMessage());
        e = assertThrows(AlpacaException.class, () -> new BarsAnswer().parse(PAGE.replace("[{\"t\":\"2021-02-22T14:30:00Z\",\"o\":320.5",
            "[7,{\"t\":\"2021-02-22T14:30:00Z\",\"o\":320.5"), SYMBOLS, (s, t, o, h, l, c, v) -> { }));
        assertTrue(e.getMessage().contains("a bar of QQQ is not an object"), e.getMessage());
    }

    @Test
    void shouldGiveBarsOrAWireErrorForAnyMutatedPage() {
        SplittableRandom random = new SplittableRandom(SEED);
        assertTimeoutPreemptively(Duration.ofSeconds(Math.max(60, ITERATIONS / 200)), () -> {
            BarsAnswer page = new BarsAnswer();
            for (int i = 0; i < ITERATIONS; i++) {
                String body = JsonMutator.mutate(PAGE, random);
                try {
                    page.parse(body, SYMBOLS, (s, t, o, h, l, c, v) -> {
                        if (s < 0 || s > 1 || !(o > 0 && h > 0 && l > 0 && c > 0 && v >= 0) || Double.isInfinite(o + h + l + c + v)) {
                            throw new AssertionError("delivered an unusable bar " + s + " " + o + " " + h + " " + l + " " + c + " " + v);
                        }
                    });
                } catch (AlpacaException e) {
                    if (e.kind() != AlpacaException.Kind.WIRE) {
                        fail("seed " + SEED + " iteration " + i + " " + body + ": " + e);
                    }
                } catch (RuntimeException | AssertionError e) {
                    fail("seed " + SEED + " iteration " + i + " " + body + ": " + e, e);
                }
            }
        }, "the page parser hung; seed " + SEED);
    }
}
