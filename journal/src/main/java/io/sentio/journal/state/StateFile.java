package io.sentio.journal.state;

import io.sentio.core.state.StateCodec;
import io.sentio.journal.state.StateFileException.Reason;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A loaded warmup state file. Layout (little-endian), written by {@link StateFileWriter}:
 * <pre>
 *  0 u8[8] magic "SENTIOST"
 *  8 u16   format version {@link #VERSION}
 * 12 i32   symbol count N
 * 16 i64   total file length
 * 24 i64   params fingerprint
 * 32 i32   section count S
 * 40 ...   N symbols (u8 length, ASCII)
 *          N learner blobs, in symbol order (i32 length, bytes)
 *          S sections, sorted by name (u8 name length, ASCII name, i32 length, bytes)
 *          i64 fingerprint: {@link StateCodec#hashOf} of every byte before it
 *          i32 CRC32C of every byte before it
 * </pre>
 * Loading checks, in order: magic, version, length (truncation), checksum, structure, symbols.
 */
public final class StateFile {
    /**
     * 3: learner snapshots of version 2 (stored-bar ring of max(h)+1 bars with opens, for the
     * next_open label); 2: fingerprints are {@link StateCodec#hashOf}; version 1 used another hash.
     */
    public static final short VERSION = 3;
    static final byte[] MAGIC = {'S', 'E', 'N', 'T', 'I', 'O', 'S', 'T'};
    static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;
    static final int FORMAT_VERSION = 8;
    static final int SYMBOL_COUNT = 12;
    static final int FILE_LENGTH = 16;
    static final int PARAMS_FINGERPRINT = 24;
    static final int SECTION_COUNT = 32;
    static final int HEADER_LENGTH = 40;
    static final int TRAILER_LENGTH = 12;

    private final List<String> symbols;
    private final long paramsFingerprint;
    private final List<DirectBuffer> learners;
    private final Map<String, DirectBuffer> sections;
    private final long fingerprint;

    private StateFile(List<String> symbols, long paramsFingerprint, List<DirectBuffer> learners,
                      Map<String, DirectBuffer> sections, long fingerprint) {
        this.symbols = symbols;
        this.paramsFingerprint = paramsFingerprint;
        this.learners = learners;
        this.sections = sections;
        this.fingerprint = fingerprint;
    }

    /** Loads and verifies a state file written for exactly {@code expectedSymbols}, in that order. */
    public static StateFile read(Path file, List<String> expectedSymbols) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new StateFileException(file, Reason.IO, "no such file");
        } catch (IOException e) {
            throw new StateFileException(file, Reason.IO, e.toString(), e);
        }
        return parse(bytes, file, expectedSymbols);
    }

    /** Verifies and loads a state file's bytes (e.g. from a journal's STATE_SNAPSHOT); {@code file} names them in errors. */
    public static StateFile parse(byte[] bytes, Path file, List<String> expectedSymbols) {
        UnsafeBuffer buf = new UnsafeBuffer(bytes);
        for (int i = 0; i < MAGIC.length; i++) {
            if (i >= bytes.length || bytes[i] != MAGIC[i]) {
                if (i >= bytes.length) {
                    throw new StateFileException(file, Reason.TRUNCATED, "only " + bytes.length + " bytes");
                }
                throw new StateFileException(file, Reason.NOT_A_STATE_FILE, "magic bytes are not SENTIOST");
            }
        }
        if (bytes.length < HEADER_LENGTH + TRAILER_LENGTH) {
            throw new StateFileException(file, Reason.TRUNCATED, "only " + bytes.length + " bytes, the header alone is "
                + (HEADER_LENGTH + TRAILER_LENGTH));
        }
        int version = buf.getShort(FORMAT_VERSION, ORDER);
        if (version != VERSION) {
            throw new StateFileException(file, Reason.UNSUPPORTED_VERSION, "format version " + version
                + ", this build reads version " + VERSION + " only; write it again with sentio warmup");
        }
        long declared = buf.getLong(FILE_LENGTH, ORDER);
        if (declared != bytes.length) {
            throw new StateFileException(file, declared > bytes.length ? Reason.TRUNCATED : Reason.CORRUPTED,
                "header declares " + declared + " bytes, file has " + bytes.length);
        }
        int crcAt = bytes.length - 4;
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, crcAt);
        int stored = buf.getInt(crcAt, ORDER);
        if ((int) crc.getValue() != stored) {
            throw new StateFileException(file, Reason.CORRUPTED, String.format(
                "checksum mismatch: stored CRC32C %08x, computed %08x", stored, (int) crc.getValue()));
        }
        int fingerprintAt = crcAt - 8;
        long fingerprint = buf.getLong(fingerprintAt, ORDER);
        if (StateCodec.hashOf(buf, 0, fingerprintAt) != fingerprint) {
            throw new StateFileException(file, Reason.CORRUPTED, "fingerprint does not match the content");
        }
        StateFile state = parse(file, buf, fingerprintAt, fingerprint);
        if (!state.symbols.equals(expectedSymbols)) {
            throw new StateFileException(file, Reason.SYMBOLS_MISMATCH, "file holds " + state.symbols
                + ", this run trades " + expectedSymbols);
        }
        return state;
    }

    private static StateFile parse(Path file, UnsafeBuffer buf, int end, long fingerprint) {
        Cursor c = new Cursor(file, buf, HEADER_LENGTH, end);
        int n = buf.getInt(SYMBOL_COUNT, ORDER);
        int s = buf.getInt(SECTION_COUNT, ORDER);
        if (n < 0 || s < 0) {
            throw new StateFileException(file, Reason.CORRUPTED, "negative symbol or section count");
        }
        List<String> symbols = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            symbols.add(c.text());
        }
        List<DirectBuffer> learners = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            learners.add(c.blob());
        }
        Map<String, DirectBuffer> sections = new LinkedHashMap<>();
        for (int i = 0; i < s; i++) {
            sections.put(c.text(), c.blob());
        }
        if (c.at != end) {
            throw new StateFileException(file, Reason.CORRUPTED,
                (end - c.at) + " unexplained bytes before the trailer");
        }
        return new StateFile(List.copyOf(symbols), buf.getLong(PARAMS_FINGERPRINT, ORDER),
            Collections.unmodifiableList(learners), Collections.unmodifiableMap(sections), fingerprint);
    }

    public List<String> symbols() {
        return symbols;
    }

    public long paramsFingerprint() {
        return paramsFingerprint;
    }

    /** Learner {@code symbol}'s blob: the learner restores from it at offset 0. */
    public DirectBuffer learner(int symbol) {
        return learners.get(symbol);
    }

    /** A named section (portfolio, sync state...), or null when the file has none of that name. */
    public DirectBuffer section(String name) {
        return sections.get(name);
    }

    public Iterable<String> sectionNames() {
        return sections.keySet();
    }

    public long fingerprint() {
        return fingerprint;
    }

    public String fingerprintHex() {
        return StateCodec.hex(fingerprint);
    }

    /** Bounds-checked reading of the variable part. */
    private static final class Cursor {
        private final Path file;
        private final UnsafeBuffer buf;
        private final int end;
        private int at;

        Cursor(Path file, UnsafeBuffer buf, int at, int end) {
            this.file = file;
            this.buf = buf;
            this.at = at;
            this.end = end;
        }

        String text() {
            need(1);
            int n = buf.getByte(at) & 0xFF;
            need(1 + n);
            String s = buf.getStringWithoutLengthAscii(at + 1, n);
            at += 1 + n;
            return s;
        }

        DirectBuffer blob() {
            need(4);
            int n = buf.getInt(at, ORDER);
            if (n < 0) {
                throw new StateFileException(file, Reason.CORRUPTED, "negative blob length at byte " + at);
            }
            need(4 + n);
            DirectBuffer view = new UnsafeBuffer(buf, at + 4, n);
            at += 4 + n;
            return view;
        }

        private void need(int n) {
            if ((long) at + n > end) {
                throw new StateFileException(file, Reason.CORRUPTED, "entry at byte " + at + " runs past the end");
            }
        }
    }
}
