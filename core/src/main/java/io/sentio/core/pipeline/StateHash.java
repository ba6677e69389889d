package io.sentio.core.pipeline;

/** Combines component hashes in a fixed order into one run state hash. */
public final class StateHash {
    private long h = 0x9E3779B97F4A7C15L;

    public StateHash add(long componentHash) {
        h = mix(h ^ componentHash) * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
        return this;
    }

    public long value() {
        return mix(h);
    }

    public static String hex(long hash) {
        return String.format("%016x", hash);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
