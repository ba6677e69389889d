package io.sentio.launcher.alpaca.stream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

/**
 * Seeded generator of market-data frames for the decoder fuzz tests: valid bar frames built from a
 * message model (so the bars a frame must deliver are known), the same frames mutated in one of the
 * {@link Mutation} ways, and pure garbage. Frames come out as JSON text or MessagePack bytes.
 */
final class WireFuzzer {
    static final String[] UNIVERSE = {"SPY", "QQQ", "IWM", "TLT"};
    private static final String FLIPS = "{}[]\",:0-9.eE\\ tfn\u0000\ud800";
    private static final String SOUP = "{}[]\",:0123456789.eE-+\\ truefalsn";
    private static final String[] KNOWN = {"T", "S", "t", "o", "h", "l", "c", "v"};

    enum Mutation { NONE, WRONG_TYPE, UNKNOWN_FIELDS, UNKNOWN_TYPE, HUGE, DEEP, TRUNCATE, FLIP, INVALID_UTF8, EXTENSION, FORGED_COUNT, GARBAGE }

    /** An extension value of the given type. */
    record Ext(byte type, byte[] data) { }

    /** A MessagePack str whose bytes are not UTF-8 (in JSON: a lone surrogate). */
    record BadText(byte[] bytes) { }

    /** One generated frame: its wire form, how it was made, and the bars it must deliver ("symbol t o h l c v u"). */
    record Frame(Mutation mutation, String json, byte[] msgpack, List<String> expected) { }

    private final SplittableRandom random;
    private long clock = 1_614_000_000L;

    WireFuzzer(long seed) {
        random = new SplittableRandom(seed);
    }

    Frame next(boolean msgpack) {
        List<Map<String, Object>> messages = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            messages.add(bar(expected));
        }
        Mutation m = Mutation.values()[random.nextInt(Mutation.values().length)];
        switch (m) {
            case WRONG_TYPE: {
                int victim = universeBar(messages);
                if (victim < 0) {
                    return next(msgpack);
                }
                String key = KNOWN[random.nextInt(KNOWN.length)];
                messages.get(victim).put(key, wrongValue(key, msgpack));
                expected.remove(victim);
                break;
            }
            case UNKNOWN_FIELDS:
                for (Map<String, Object> msg : messages) {
                    for (int k = random.nextInt(4); k >= 0; k--) {
                        msg.put("zz" + random.nextInt(1000), anyValue(3));
                    }
                }
                break;
            case UNKNOWN_TYPE: {
                int victim = universeBar(messages);
                if (victim < 0) {
                    return next(msgpack);
                }
                messages.get(victim).put("T", new String[] {"q", "t", "x", "trades", "b2", "B", ""}[random.nextInt(7)]);
                expected.remove(victim);
                break;
            }
            case HUGE:
                messages.get(random.nextInt(n)).put("zzhuge", random.nextBoolean() ? "a".repeat(60_000 + random.nextInt(10_000))
                    : java.util.Collections.nCopies(1_000 + random.nextInt(5_000), 1L));
                break;
            case DEEP: {
                Object v = 1L;
                for (int d = 10 + random.nextInt(300); d > 0; d--) {
                    v = random.nextBoolean() ? List.of(v) : Map.of("k", v);
                }
                messages.get(random.nextInt(n)).put("zzdeep", v);
                break;
            }
            case INVALID_UTF8:
                messages.get(random.nextInt(n)).put(random.nextBoolean() ? "S" : "zzbad", new BadText(badUtf8()));
                expected.clear(); // a symbol of invalid text is outside the universe; the others may or may not be decoded
                break;
            case EXTENSION: {
                int victim = universeBar(messages);
                if (victim < 0) {
                    return next(msgpack);
                }
                byte type = (byte) random.nextInt(-128, 128);
                messages.get(victim).put("t", new Ext(type == -1 ? 7 : type, bytes(random.nextInt(20))));
                expected.remove(victim);
                break;
            }
            default:
                break;
        }
        Object frame = messages.size() == 1 && random.nextInt(4) == 0 ? messages.get(0) : messages;
        String json = msgpack ? null : json(frame);
        byte[] packed = msgpack ? msgpack(frame) : null;
        switch (m) {
            case TRUNCATE:
                if (msgpack) {
                    packed = java.util.Arrays.copyOf(packed, random.nextInt(packed.length));
                } else {
                    json = json.substring(0, random.nextInt(json.length()));
                }
                // what it delivers is a prefix of expected
                break;
            case FLIP:
                if (msgpack) {
                    for (int k = random.nextInt(1, 6); k > 0; k--) {
                        packed[random.nextInt(packed.length)] = (byte) random.nextInt(256);
                    }
                } else {
                    char[] c = json.toCharArray();
                    for (int k = random.nextInt(1, 6); k > 0; k--) {
                        c[random.nextInt(c.length)] = FLIPS.charAt(random.nextInt(FLIPS.length()));
                    }
                    json = new String(c);
                }
                expected.clear();
                break;
            case FORGED_COUNT:
                if (msgpack) {
                    // the frame's top header replaced by an array32 / map32 header announcing up to 2^32-1 elements
                    byte[] forged = new byte[packed.length + 5];
                    forged[0] = (byte) (random.nextBoolean() ? 0xdd : 0xdf);
                    // more than the frame can hold; 0xffffffff is over msgpack-core's int sizes
                    int count = random.nextInt(4) == 0 ? -1 : random.nextInt(packed.length + 1, Integer.MAX_VALUE);
                    forged[1] = (byte) (count >>> 24);
                    forged[2] = (byte) (count >>> 16);
                    forged[3] = (byte) (count >>> 8);
                    forged[4] = (byte) count;
                    System.arraycopy(packed, 1, forged, 5, packed.length - 1);
                    packed = forged;
                    expected.clear();
                } else {
                    json = json + json; // the first copy is delivered, the second is trailing content
                }
                break;
            case GARBAGE:
                if (msgpack) {
                    packed = bytes(random.nextInt(300));
                } else {
                    StringBuilder b = new StringBuilder();
                    for (int k = random.nextInt(300); k > 0; k--) {
                        b.append(random.nextBoolean() ? SOUP.charAt(random.nextInt(SOUP.length())) : (char) random.nextInt(0x10000));
                    }
                    json = b.toString();
                }
                expected.clear();
                break;
            default:
                break;
        }
        return new Frame(m, json, packed, expected);
    }

    /** A bar, of a universe symbol three times in four; adds what it must deliver to {@code expected}. */
    private Map<String, Object> bar(List<String> expected) {
        boolean inUniverse = random.nextInt(4) != 0;
        int s = random.nextInt(UNIVERSE.length);
        boolean correction = random.nextInt(5) == 0;
        double o = price();
        double h = price();
        double l = price();
        double c = price();
        long v = random.nextLong(0, 10_000_000L);
        long t = (clock += 60);
        Map<String, Object> bar = new LinkedHashMap<>();
        bar.put("T", correction ? "u" : "b");
        bar.put("S", inUniverse ? UNIVERSE[s] : "IBM");
        bar.put("o", o);
        bar.put("h", h);
        bar.put("l", l);
        bar.put("c", c);
        bar.put("v", v);
        bar.put("t", Instant.ofEpochSecond(t));
        bar.put("n", 1L);
        bar.put("vw", (h + l + c) / 3);
        if (inUniverse) {
            expected.add(s + " " + t + " " + o + " " + h + " " + l + " " + c + " " + (double) v + " " + correction);
        } else {
            expected.add(null); // keeps indices aligned with messages; removed before comparing
        }
        return bar;
    }

    private double price() {
        return random.nextInt(1, 100_000) / 100.0;
    }

    /** Index of a bar of a universe symbol (its expected entry is non-null), or -1. */
    private static int universeBar(List<Map<String, Object>> messages) {
        for (int i = 0; i < messages.size(); i++) {
            if (!"IBM".equals(messages.get(i).get("S"))) {
                return i;
            }
        }
        return -1;
    }

    /** A value of a type the decoders must refuse for {@code key}. */
    private Object wrongValue(String key, boolean msgpack) {
        switch (key) {
            case "T":
            case "S":
                return pick(12L, 1.5, true, null, List.of("b"), Map.of("b", 1L), msgpack ? new byte[] {'b'} : 7L);
            case "t":
                return pick(1_614_000_000L, 1.5, true, null, List.of(), Map.of(), msgpack ? new Ext((byte) 3, new byte[8]) : false);
            default:
                return pick("1.5", true, null, List.of(1.5), Map.of("v", 1.5), msgpack ? new byte[] {1} : "", "NaN");
        }
    }

    private Object pick(Object... values) {
        return values[random.nextInt(values.length)];
    }

    private Object anyValue(int depth) {
        switch (random.nextInt(depth > 0 ? 8 : 6)) {
            case 0: return random.nextLong();
            case 1: return random.nextDouble() * 1e6;
            case 2: return "s" + random.nextInt();
            case 3: return random.nextBoolean();
            case 4: return null;
            case 5: return Instant.ofEpochSecond(random.nextLong(0, 4_000_000_000L));
            case 6: return java.util.Arrays.asList(anyValue(depth - 1), anyValue(depth - 1));
            default: return java.util.Collections.singletonMap("k" + random.nextInt(9), anyValue(depth - 1));
        }
    }

    private byte[] badUtf8() {
        return new byte[] {(byte) 0xc3, (byte) 0x28, (byte) 0xff, 'S', (byte) 0xed, (byte) 0xa0, (byte) 0x80};
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    static String json(Object v) {
        StringBuilder b = new StringBuilder();
        json(v, b);
        return b.toString();
    }

    private static void json(Object v, StringBuilder b) {
        if (v == null) {
            b.append("null");
        } else if (v instanceof Map<?, ?> map) {
            b.append('{');
            String sep = "";
            for (Map.Entry<?, ?> e : map.entrySet()) {
                b.append(sep);
                json(e.getKey(), b);
                b.append(':');
                json(e.getValue(), b);
                sep = ",";
            }
            b.append('}');
        } else if (v instanceof List<?> list) {
            b.append('[');
            for (int i = 0; i < list.size(); i++) {
                b.append(i > 0 ? "," : "");
                json(list.get(i), b);
            }
            b.append(']');
        } else if (v instanceof String s) {
            b.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        } else if (v instanceof Instant t) {
            b.append('"').append(t).append('"');
        } else if (v instanceof BadText) {
            b.append("\"S\ud800P\"");
        } else if (v instanceof Ext || v instanceof byte[]) {
            b.append("\"\"");
        } else {
            b.append(v);
        }
    }

    static byte[] msgpack(Object v) {
        try (MessageBufferPacker p = MessagePack.newDefaultBufferPacker()) {
            pack(v, p);
            return p.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pack(Object v, MessageBufferPacker p) throws IOException {
        if (v == null) {
            p.packNil();
        } else if (v instanceof Map<?, ?> map) {
            p.packMapHeader(map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                pack(e.getKey(), p);
                pack(e.getValue(), p);
            }
        } else if (v instanceof List<?> list) {
            p.packArrayHeader(list.size());
            for (Object o : list) {
                pack(o, p);
            }
        } else if (v instanceof String s) {
            p.packString(s);
        } else if (v instanceof Instant t) {
            p.packTimestamp(t);
        } else if (v instanceof BadText t) {
            p.packRawStringHeader(t.bytes().length).writePayload(t.bytes());
        } else if (v instanceof Ext e) {
            p.packExtensionTypeHeader(e.type(), e.data().length).writePayload(e.data());
        } else if (v instanceof byte[] bin) {
            p.packBinaryHeader(bin.length).writePayload(bin);
        } else if (v instanceof Long l) {
            p.packLong(l);
        } else if (v instanceof Double d) {
            p.packDouble(d);
        } else if (v instanceof Boolean z) {
            p.packBoolean(z);
        } else {
            throw new IllegalArgumentException(String.valueOf(v));
        }
    }

    static String printable(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "...(" + s.length() + " chars)" : s;
    }

    static String hex(byte[] b) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(b.length, 200); i++) {
            out.append(String.format("%02x", b[i] & 0xff));
        }
        return out + (b.length > 200 ? "...(" + b.length + " bytes)" : "");
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
