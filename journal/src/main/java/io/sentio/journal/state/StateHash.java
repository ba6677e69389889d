package io.sentio.journal.state;

import org.agrona.DirectBuffer;

/**
 * The 64-bit hash behind state fingerprints. Deterministic and platform-independent: bytes are
 * taken as little-endian 64-bit words w; h = 0x9E3779B97F4A7C15; per word
 * h = rotl(h ^ mix(w), 27) * 0x9E3779B97F4A7C15 + 0x632BE59BD9B4E019; a final partial word is
 * zero-padded; the result is mix(h ^ length). mix is SplitMix64's finalizer. Not cryptographic:
 * it detects accidental differences, not tampering (the CRC32C guards storage).
 */
public final class StateHash {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final long ADD = 0x632BE59BD9B4E019L;

    private StateHash() {
    }

    public static long hash(DirectBuffer buffer, int offset, int length) {
        long h = GOLDEN;
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            h = step(h, buffer.getLong(offset + i, java.nio.ByteOrder.LITTLE_ENDIAN));
        }
        if (i < length) {
            long w = 0;
            for (int k = 0; i + k < length; k++) {
                w |= (buffer.getByte(offset + i + k) & 0xFFL) << (8 * k);
            }
            h = step(h, w);
        }
        return mix(h ^ length);
    }

    private static long step(long h, long word) {
        return Long.rotateLeft(h ^ mix(word), 27) * GOLDEN + ADD;
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** 16 lower-case hex digits, zero-padded: the form printed and journaled. */
    public static String hex(long fingerprint) {
        String s = Long.toHexString(fingerprint);
        return "0".repeat(16 - s.length()) + s;
    }
}
