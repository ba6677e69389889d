package io.sentio.journal.codec;

import static io.sentio.journal.codec.JournalFormat.ORDER;
import static io.sentio.journal.codec.JournalFormat.RUN_INITIAL_FINGERPRINT;
import static io.sentio.journal.codec.JournalFormat.RUN_MODE;
import static io.sentio.journal.codec.JournalFormat.RUN_START_MILLIS;
import static io.sentio.journal.codec.JournalFormat.RUN_SYMBOL_COUNT;
import static io.sentio.journal.codec.JournalFormat.RUN_VARIABLE;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * RUN_HEADER: the configuration a run was started with, exactly as given. Written once per run,
 * so it is an immutable value rather than a flyweight. Layout in {@link JournalFormat}.
 * The params and symbols JSON are kept as the raw bytes the user supplied, never re-rendered,
 * so a replay parses exactly what the run parsed.
 */
public final class RunHeader {
    private final String runId;
    private final String codeVersion;
    private final RunMode mode;
    private final long startEpochMillis;
    private final long initialStateFingerprint;
    private final List<String> symbols;
    private final byte[] paramsJson;
    private final byte[] symbolsJson;

    public RunHeader(String runId, String codeVersion, RunMode mode, long startEpochMillis,
                     long initialStateFingerprint, List<String> symbols, byte[] paramsJson, byte[] symbolsJson) {
        this.runId = checkShortAscii(runId, "run id");
        this.codeVersion = checkShortAscii(codeVersion, "code version");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.startEpochMillis = startEpochMillis;
        this.initialStateFingerprint = initialStateFingerprint;
        this.symbols = List.copyOf(symbols);
        for (String s : this.symbols) {
            checkShortAscii(s, "symbol");
        }
        this.paramsJson = paramsJson.clone();
        this.symbolsJson = symbolsJson.clone();
    }

    private static String checkShortAscii(String s, String what) {
        if (s.length() > 255 || !StandardCharsets.US_ASCII.newEncoder().canEncode(s)) {
            throw new IllegalArgumentException(what + " must be ASCII of at most 255 characters: " + s);
        }
        return s;
    }

    public int encodedLength() {
        int n = RUN_VARIABLE + 1 + runId.length() + 1 + codeVersion.length();
        for (String s : symbols) {
            n += 1 + s.length();
        }
        return n + 4 + paramsJson.length + 4 + symbolsJson.length;
    }

    public void encode(MutableDirectBuffer buffer, int offset, long sequence) {
        int length = encodedLength();
        new HeaderWriter().wrap(buffer, offset, length, sequence);
        buffer.putLong(offset + RUN_START_MILLIS, startEpochMillis, ORDER);
        buffer.putLong(offset + RUN_INITIAL_FINGERPRINT, initialStateFingerprint, ORDER);
        buffer.putByte(offset + RUN_MODE, mode.code());
        buffer.putInt(offset + RUN_SYMBOL_COUNT, symbols.size(), ORDER);
        int at = offset + RUN_VARIABLE;
        at = putShortText(buffer, at, runId);
        at = putShortText(buffer, at, codeVersion);
        for (String s : symbols) {
            at = putShortText(buffer, at, s);
        }
        at = putBlob(buffer, at, paramsJson);
        putBlob(buffer, at, symbolsJson);
    }

    /** Decodes a record whose header has already been validated. */
    public static RunHeader decode(DirectBuffer buffer, int offset) {
        long start = buffer.getLong(offset + RUN_START_MILLIS, ORDER);
        long fingerprint = buffer.getLong(offset + RUN_INITIAL_FINGERPRINT, ORDER);
        RunMode mode = RunMode.fromCode(buffer.getByte(offset + RUN_MODE));
        int count = buffer.getInt(offset + RUN_SYMBOL_COUNT, ORDER);
        int[] at = {offset + RUN_VARIABLE};
        String runId = shortText(buffer, at);
        String version = shortText(buffer, at);
        String[] symbols = new String[count];
        for (int i = 0; i < count; i++) {
            symbols[i] = shortText(buffer, at);
        }
        byte[] params = blob(buffer, at);
        byte[] symbolsJson = blob(buffer, at);
        return new RunHeader(runId, version, mode, start, fingerprint, List.of(symbols), params, symbolsJson);
    }

    private static int putShortText(MutableDirectBuffer buffer, int at, String s) {
        buffer.putByte(at, (byte) s.length());
        buffer.putStringWithoutLengthAscii(at + 1, s);
        return at + 1 + s.length();
    }

    private static int putBlob(MutableDirectBuffer buffer, int at, byte[] bytes) {
        buffer.putInt(at, bytes.length, ORDER);
        buffer.putBytes(at + 4, bytes);
        return at + 4 + bytes.length;
    }

    private static String shortText(DirectBuffer buffer, int[] at) {
        int n = buffer.getByte(at[0]) & 0xFF;
        String s = buffer.getStringWithoutLengthAscii(at[0] + 1, n);
        at[0] += 1 + n;
        return s;
    }

    private static byte[] blob(DirectBuffer buffer, int[] at) {
        int n = buffer.getInt(at[0], ORDER);
        byte[] bytes = new byte[n];
        buffer.getBytes(at[0] + 4, bytes);
        at[0] += 4 + n;
        return bytes;
    }

    public String runId() {
        return runId;
    }

    public String codeVersion() {
        return codeVersion;
    }

    public RunMode mode() {
        return mode;
    }

    public long startEpochMillis() {
        return startEpochMillis;
    }

    public long initialStateFingerprint() {
        return initialStateFingerprint;
    }

    public List<String> symbols() {
        return symbols;
    }

    public byte[] paramsJson() {
        return paramsJson.clone();
    }

    public byte[] symbolsJson() {
        return symbolsJson.clone();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RunHeader)) {
            return false;
        }
        RunHeader h = (RunHeader) o;
        return runId.equals(h.runId) && codeVersion.equals(h.codeVersion) && mode == h.mode
            && startEpochMillis == h.startEpochMillis && initialStateFingerprint == h.initialStateFingerprint
            && symbols.equals(h.symbols) && Arrays.equals(paramsJson, h.paramsJson)
            && Arrays.equals(symbolsJson, h.symbolsJson);
    }

    @Override
    public int hashCode() {
        return Objects.hash(runId, codeVersion, mode, startEpochMillis, initialStateFingerprint, symbols,
            Arrays.hashCode(paramsJson), Arrays.hashCode(symbolsJson));
    }

    @Override
    public String toString() {
        return "run=" + runId + " version=" + codeVersion + " mode=" + mode + " start=" + startEpochMillis
            + " stateFingerprint=" + Long.toHexString(initialStateFingerprint) + " symbols=" + symbols
            + " params=" + new String(paramsJson, StandardCharsets.UTF_8).replaceAll("\\s+", " ")
            + " symbolsJson=" + new String(symbolsJson, StandardCharsets.UTF_8).replaceAll("\\s+", " ");
    }

    /** Writes the common header through the flyweight base so the header code stays in one place. */
    private static final class HeaderWriter extends RecordFlyweight {
        void wrap(MutableDirectBuffer buffer, int offset, int length, long sequence) {
            wrapBuffer(buffer, offset);
            putHeader(RecordKind.RUN_HEADER, length, sequence);
        }
    }
}
