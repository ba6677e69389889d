package io.sentio.journal.state;

import static io.sentio.journal.state.StateFile.ORDER;

import io.sentio.core.state.StateCodec;
import io.sentio.journal.state.StateFileException.Reason;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32C;
import org.agrona.ExpandableArrayBuffer;

/**
 * Writes a state file ({@link StateFile} has the layout) atomically: the bytes go to a temporary
 * file in the same directory, are forced to disk, and the temporary file is renamed over the
 * target, so a reader sees the old file or the new one, never a half-written one.
 */
public final class StateFileWriter {
    private StateFileWriter() {
    }

    /**
     * Writes the learners (one per symbol, in symbol order) and the named sections (stored sorted
     * by name, so equal state gives equal bytes); returns the fingerprint.
     */
    public static long write(Path file, List<String> symbols, long paramsFingerprint,
                             List<? extends StateBlob> learners, Map<String, ? extends StateBlob> sections) {
        if (learners.size() != symbols.size()) {
            throw new IllegalArgumentException(learners.size() + " learner blobs for " + symbols.size() + " symbols");
        }
        ExpandableArrayBuffer buf = new ExpandableArrayBuffer(4096);
        buf.putBytes(0, StateFile.MAGIC);
        buf.putShort(StateFile.FORMAT_VERSION, StateFile.VERSION, ORDER);
        buf.putInt(StateFile.SYMBOL_COUNT, symbols.size(), ORDER);
        buf.putLong(StateFile.PARAMS_FINGERPRINT, paramsFingerprint, ORDER);
        buf.putInt(StateFile.SECTION_COUNT, sections.size(), ORDER);
        int at = StateFile.HEADER_LENGTH;
        for (String s : symbols) {
            at = putText(buf, at, s);
        }
        for (StateBlob learner : learners) {
            at = putBlob(buf, at, learner);
        }
        for (Map.Entry<String, ? extends StateBlob> e : new TreeMap<>(sections).entrySet()) {
            at = putText(buf, at, e.getKey());
            at = putBlob(buf, at, e.getValue());
        }
        int total = at + StateFile.TRAILER_LENGTH;
        buf.putLong(StateFile.FILE_LENGTH, total, ORDER);
        long fingerprint = StateCodec.hashOf(buf, 0, at);
        buf.putLong(at, fingerprint, ORDER);
        CRC32C crc = new CRC32C();
        crc.update(buf.byteArray(), 0, at + 8);
        buf.putInt(at + 8, (int) crc.getValue(), ORDER);
        writeAtomically(file, buf.byteArray(), total);
        return fingerprint;
    }

    private static int putText(ExpandableArrayBuffer buf, int at, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length > 255 || !StandardCharsets.US_ASCII.newEncoder().canEncode(text)) {
            throw new IllegalArgumentException("state file names must be ASCII of at most 255 characters: " + text);
        }
        buf.putByte(at, (byte) bytes.length);
        buf.putBytes(at + 1, bytes);
        return at + 1 + bytes.length;
    }

    private static int putBlob(ExpandableArrayBuffer buf, int at, StateBlob blob) {
        int n = blob.snapshotLength();
        buf.checkLimit(at + 4 + n);
        buf.putInt(at, n, ORDER);
        blob.snapshot(buf, at + 4);
        return at + 4 + n;
    }

    private static void writeAtomically(Path file, byte[] bytes, int length) {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer src = ByteBuffer.wrap(bytes, 0, length);
                while (src.hasRemaining()) {
                    ch.write(src);
                }
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            tmp = null;
            try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
                d.force(true);
            } catch (IOException ignoredOnPlatformsWithoutDirectorySync) {
                // The rename itself is atomic; syncing the directory only makes it durable sooner.
            }
        } catch (IOException e) {
            throw new StateFileException(file, Reason.IO, "cannot write: " + e, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the failure being reported matters more than the temp file
                }
            }
        }
    }
}
