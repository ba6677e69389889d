package io.sentio.journal.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.journal.state.StateFileException.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateFileTest {
    private static final List<String> SYMBOLS = List.of("SPY", "QQQ", "SH");
    private static final long PARAMS = 0x0123_4567_89ab_cdefL;

    @TempDir
    Path dir;

    /** A learner-like blob written through snapshot(MutableDirectBuffer, offset) with doubles. */
    private static StateBlob learner(int seed, int doubles) {
        return new StateBlob() {
            @Override
            public int snapshotLength() {
                return 8 * doubles;
            }

            @Override
            public void snapshot(MutableDirectBuffer buffer, int offset) {
                for (int i = 0; i < doubles; i++) {
                    buffer.putDouble(offset + 8 * i, seed + i / 7.0);
                }
            }
        };
    }

    private Path writeValid() {
        Path file = dir.resolve("warmup.state");
        StateFileWriter.write(file, SYMBOLS, PARAMS, List.of(learner(1, 300), learner(2, 0), learner(3, 301)),
            Map.of("portfolio", StateBlob.of(new byte[] {1, 2, 3}), "sync", StateBlob.of(new byte[] {9})));
        return file;
    }

    private static byte[] bytes(DirectBuffer b) {
        byte[] out = new byte[b.capacity()];
        b.getBytes(0, out);
        return out;
    }

    @Test
    void shouldRoundTripLearnersSectionsAndFingerprint() throws Exception {
        Path file = dir.resolve("warmup.state");
        long written = StateFileWriter.write(file, SYMBOLS, PARAMS, List.of(learner(1, 300), learner(2, 0),
            learner(3, 301)),
            Map.of("sync", StateBlob.of(new byte[] {9}), "portfolio", StateBlob.of(new byte[] {1, 2})));
        StateFile state = StateFile.read(file, SYMBOLS);
        assertEquals(SYMBOLS, state.symbols());
        assertEquals(PARAMS, state.paramsFingerprint());
        assertEquals(written, state.fingerprint());
        assertEquals(16, state.fingerprintHex().length());
        assertEquals(2400, state.learner(0).capacity());
        assertEquals(0, state.learner(1).capacity());
        for (int i = 0; i < 301; i++) {
            assertEquals(Double.doubleToRawLongBits(3 + i / 7.0),
                Double.doubleToRawLongBits(state.learner(2).getDouble(8 * i)));
        }
        assertArrayEquals(new byte[] {1, 2}, bytes(state.section("portfolio")));
        assertArrayEquals(new byte[] {9}, bytes(state.section("sync")));
        assertNull(state.section("missing"));
        List<String> names = new ArrayList<>();
        state.sectionNames().forEach(names::add);
        assertEquals(List.of("portfolio", "sync"), names);
    }

    @Test
    void shouldWriteIdenticalBytesForIdenticalStateAndADifferentFingerprintForDifferentState() throws Exception {
        Path a = writeValid();
        byte[] first = Files.readAllBytes(a);
        writeValid();
        assertArrayEquals(first, Files.readAllBytes(a));
        long other = StateFileWriter.write(dir.resolve("other.state"), SYMBOLS, PARAMS,
            List.of(learner(1, 300), learner(2, 0), learner(4, 301)), Map.of());
        assertNotEquals(StateFile.read(a, SYMBOLS).fingerprint(), other);
    }

    @Test
    void shouldLeaveNoTemporaryFileBehind() throws Exception {
        writeValid();
        writeValid();
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("warmup.state"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    private StateFileException refused(byte[] content, List<String> symbols) throws Exception {
        Path file = dir.resolve("bad.state");
        Files.write(file, content);
        StateFileException e = assertThrows(StateFileException.class, () -> StateFile.read(file, symbols));
        assertTrue(e.getMessage().startsWith("state file " + file + ": "), e.getMessage());
        return e;
    }

    @Test
    void shouldRefuseATruncatedFile() throws Exception {
        byte[] good = Files.readAllBytes(writeValid());
        StateFileException e = refused(Arrays.copyOf(good, good.length - 100), SYMBOLS);
        assertEquals(Reason.TRUNCATED, e.reason());
        assertTrue(e.getMessage().contains("truncated: header declares " + good.length + " bytes, file has "
            + (good.length - 100)), e.getMessage());
        assertEquals(Reason.TRUNCATED, refused(Arrays.copyOf(good, 20), SYMBOLS).reason());
        assertEquals(Reason.TRUNCATED, refused(new byte[0], SYMBOLS).reason());
    }

    @Test
    void shouldRefuseAFileWithAFlippedBit() throws Exception {
        byte[] bad = Files.readAllBytes(writeValid());
        bad[bad.length / 2] ^= 0x10;
        StateFileException e = refused(bad, SYMBOLS);
        assertEquals(Reason.CORRUPTED, e.reason());
        assertTrue(e.getMessage().contains("checksum mismatch"), e.getMessage());
    }

    @Test
    void shouldRefuseAnOlderFileNamingTheFileAndBothVersions() throws Exception {
        for (int version = 1; version < StateFile.VERSION; version++) {
            byte[] old = Files.readAllBytes(writeValid());
            old[StateFile.FORMAT_VERSION] = (byte) version;
            StateFileException e = refused(old, SYMBOLS);
            assertEquals(Reason.UNSUPPORTED_VERSION, e.reason());
            assertTrue(e.getMessage().contains("format version " + version + ", this build reads version "
                + StateFile.VERSION + " only"), e.getMessage());
        }
    }

    @Test
    void shouldRefuseAFileWrittenForOtherSymbols() throws Exception {
        byte[] good = Files.readAllBytes(writeValid());
        StateFileException e = refused(good, List.of("SPY", "SH", "QQQ"));
        assertEquals(Reason.SYMBOLS_MISMATCH, e.reason());
        assertTrue(e.getMessage().contains("file holds [SPY, QQQ, SH], this run trades [SPY, SH, QQQ]"),
            e.getMessage());
    }

    @Test
    void shouldRefuseAFileThatIsNotAStateFile() throws Exception {
        StateFileException e = refused("{\"not\": \"a state file\"}".getBytes(), SYMBOLS);
        assertEquals(Reason.NOT_A_STATE_FILE, e.reason());
    }

    @Test
    void shouldNameAMissingFile() {
        Path file = dir.resolve("nope.state");
        StateFileException e = assertThrows(StateFileException.class, () -> StateFile.read(file, SYMBOLS));
        assertEquals(Reason.IO, e.reason());
        assertTrue(e.getMessage().contains("nope.state"), e.getMessage());
    }
}
