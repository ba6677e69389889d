package io.sentio.launcher.alpaca.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.sentio.core.market.Universe;
import io.sentio.launcher.alpaca.SymbolTable;
import io.sentio.launcher.alpaca.stream.WireFuzzer.Frame;
import io.sentio.launcher.alpaca.stream.WireFuzzer.Mutation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Feeds each market-data decoder valid, mutated and garbage frames from a seeded {@link WireFuzzer}.
 * Bounded for CI ({@value #CI_ITERATIONS} frames per format, a few seconds); a longer run:
 * {@code -Dsentio.fuzz.iterations=N}, another seed: {@code -Dsentio.fuzz.seed=S}. A failure names the
 * seed, the iteration and the frame.
 */
class FrameDecoderFuzzTest {
    private static final int CI_ITERATIONS = 5_000;
    private static final long SEED = Long.getLong("sentio.fuzz.seed", 20_261_207L);
    private static final int ITERATIONS = Integer.getInteger("sentio.fuzz.iterations", CI_ITERATIONS);

    @Test
    void jsonDecoderCountsEveryBadFrameAndStillDeliversTheGoodOnes() {
        fuzz(false);
    }

    @Test
    void msgpackDecoderCountsEveryBadFrameAndStillDeliversTheGoodOnes() {
        fuzz(true);
    }

    private static void fuzz(boolean msgpack) {
        List<String> log = new ArrayList<>();
        FrameRejects rejects = new FrameRejects("fuzz", log::add);
        SymbolTable symbols = new SymbolTable(Universe.of(WireFuzzer.UNIVERSE));
        JsonFrameDecoder json = new JsonFrameDecoder(symbols, rejects);
        MsgPackFrameDecoder pack = new MsgPackFrameDecoder(symbols, rejects);
        WireFuzzer fuzzer = new WireFuzzer(SEED);
        Map<Mutation, Integer> made = new EnumMap<>(Mutation.class);
        long started = System.nanoTime();
        long[] decoding = {0};
        assertTimeoutPreemptively(Duration.ofSeconds(Math.max(60, ITERATIONS / 500)), () -> {
            for (int i = 0; i < ITERATIONS; i++) {
                Frame f = fuzzer.next(msgpack);
                made.merge(f.mutation(), 1, Integer::sum);
                long[] before = counts(rejects);
                List<String> delivered = new ArrayList<>();
                try {
                    long t0 = System.nanoTime();
                    if (msgpack) {
                        pack.decode(f.msgpack(), recorder(delivered));
                    } else {
                        json.decode(f.json(), recorder(delivered));
                    }
                    decoding[0] += System.nanoTime() - t0;
                    check(f, msgpack, delivered, before, counts(rejects));
                } catch (Throwable e) {
                    fail("seed " + SEED + " iteration " + i + " " + f.mutation() + " frame "
                        + (msgpack ? WireFuzzer.hex(f.msgpack()) : WireFuzzer.printable(f.json())) + ": " + e, e);
                }
            }
        }, "a decoder hung; seed " + SEED);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("fuzz %s: %d frames, seed %d, %.1f s, decoding alone %.0f frames/s, %s, made %s%n",
            msgpack ? "msgpack" : "json", ITERATIONS, SEED, seconds, ITERATIONS / (decoding[0] / 1e9), rejects, made);
        long kinds = 0;
        for (FrameReject k : FrameReject.values()) {
            kinds += rejects.count(k) > 0 ? 1 : 0;
        }
        assertEquals(kinds, log.size(), "one log line per kind met: " + log);
        assertTrue(rejects.count(FrameReject.MALFORMED) > 0 && rejects.count(FrameReject.WRONG_TYPE) > 0
            && rejects.count(FrameReject.UNKNOWN_TYPE) > 0, rejects.toString());
    }

    /** What each mutation must do to the delivered bars and to the reject counts. */
    private static void check(Frame f, boolean msgpack, List<String> delivered, long[] before, long[] after) {
        List<String> expected = new ArrayList<>(f.expected());
        expected.removeIf(Objects::isNull);
        long added = 0;
        for (int k = 0; k < after.length; k++) {
            added += after[k] - before[k];
        }
        long malformed = delta(FrameReject.MALFORMED, before, after);
        long oversized = delta(FrameReject.OVERSIZED, before, after);
        switch (f.mutation()) {
            case NONE:
            case UNKNOWN_FIELDS:
                assertEquals(expected, delivered);
                assertEquals(0, added, "rejects added");
                break;
            case WRONG_TYPE:
                assertEquals(expected, delivered);
                assertEquals(1, delta(FrameReject.WRONG_TYPE, before, after), "WRONG_TYPE added");
                assertEquals(1, added, "rejects added");
                break;
            case UNKNOWN_TYPE:
                assertEquals(expected, delivered);
                assertEquals(1, delta(FrameReject.UNKNOWN_TYPE, before, after), "UNKNOWN_TYPE added");
                assertEquals(1, added, "rejects added");
                break;
            case EXTENSION:
                assertEquals(expected, delivered);
                assertEquals(1, delta(msgpack ? FrameReject.WRONG_TYPE : FrameReject.BAD_VALUE, before, after), "t refused");
                assertEquals(1, added, "rejects added");
                break;
            case HUGE:
            case DEEP:
                // within the limits the frame is whole; over them it is dropped from the fault on
                if (oversized == 0) {
                    assertEquals(expected, delivered);
                    assertEquals(0, added, "rejects added");
                } else {
                    assertPrefix(expected, delivered);
                    assertEquals(1, added, "rejects added");
                }
                break;
            case TRUNCATE:
                assertPrefix(expected, delivered);
                assertEquals(1, malformed, "MALFORMED added");
                assertEquals(1, added, "rejects added");
                break;
            case FORGED_COUNT:
                assertEquals(expected, delivered);
                assertEquals(1, malformed + oversized, "MALFORMED or OVERSIZED added");
                assertEquals(1, added, "rejects added");
                break;
            default:
                // FLIP, INVALID_UTF8, GARBAGE: anything may happen except an exception or a bar that is not one
                break;
        }
        for (String bar : delivered) {
            String[] v = bar.split(" ");
            int symbol = Integer.parseInt(v[0]);
            assertTrue(symbol >= 0 && symbol < WireFuzzer.UNIVERSE.length, bar);
            for (int k = 2; k <= 5; k++) {
                double p = Double.parseDouble(v[k]);
                assertTrue(p > 0 && p < Double.POSITIVE_INFINITY, bar);
            }
            assertTrue(Double.parseDouble(v[6]) >= 0, bar);
        }
    }

    private static void assertPrefix(List<String> expected, List<String> delivered) {
        assertTrue(delivered.size() <= expected.size() && delivered.equals(expected.subList(0, delivered.size())),
            "delivered " + delivered + " is not a prefix of " + expected);
    }

    private static long delta(FrameReject kind, long[] before, long[] after) {
        return after[kind.ordinal()] - before[kind.ordinal()];
    }

    private static long[] counts(FrameRejects rejects) {
        long[] c = new long[FrameReject.values().length];
        for (FrameReject k : FrameReject.values()) {
            c[k.ordinal()] = rejects.count(k);
        }
        return c;
    }

    private static StreamFrameHandler recorder(List<String> seen) {
        return new StreamFrameHandler() {
            @Override
            public void onBar(int s, long t, double o, double h, double l, double c, double v, boolean u) {
                seen.add(s + " " + t + " " + o + " " + h + " " + l + " " + c + " " + v + " " + u);
            }

            @Override
            public void onSuccess(String msg) {
            }

            @Override
            public void onSubscription(String[] bars, String[] updatedBars) {
            }

            @Override
            public void onError(int code, String msg) {
            }
        };
    }
}
