package io.sentio.journal.codec;

import static io.sentio.journal.codec.JournalFormat.DESK_NAME_LENGTH;
import static io.sentio.journal.codec.JournalFormat.DESK_PARAMS_LENGTH;
import static io.sentio.journal.codec.JournalFormat.DESK_VARIABLE;
import static io.sentio.journal.codec.JournalFormat.ORDER;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * DESK: a shadow desk's identity, written once per run after the RUN_HEADER: its id (1..k, in the
 * record header's desk field), its name as reports show it, and its params file exactly as given,
 * so a replay parses what the run parsed. Layout in {@link JournalFormat}.
 */
public final class DeskDefinition {
    private final int desk;
    private final String name;
    private final byte[] paramsJson;

    public DeskDefinition(int desk, String name, byte[] paramsJson) {
        if (desk < 1 || desk > JournalFormat.MAX_DESK) {
            throw new IllegalArgumentException("a shadow desk's id is 1.." + JournalFormat.MAX_DESK + ", got " + desk);
        }
        if (name.isEmpty() || name.length() > 255 || !StandardCharsets.US_ASCII.newEncoder().canEncode(name)) {
            throw new IllegalArgumentException("desk name must be ASCII of 1 to 255 characters: " + name);
        }
        this.desk = desk;
        this.name = name;
        this.paramsJson = paramsJson.clone();
    }

    public int encodedLength() {
        return DESK_VARIABLE + name.length() + paramsJson.length;
    }

    /** Encodes the body; the caller (JournalWriter) stamps the desk id into the header. */
    public void encode(MutableDirectBuffer buffer, int offset, long sequence) {
        new HeaderWriter().wrap(buffer, offset, encodedLength(), sequence);
        buffer.putByte(offset + DESK_NAME_LENGTH, (byte) name.length());
        buffer.putInt(offset + DESK_PARAMS_LENGTH, paramsJson.length, ORDER);
        buffer.putStringWithoutLengthAscii(offset + DESK_VARIABLE, name);
        buffer.putBytes(offset + DESK_VARIABLE + name.length(), paramsJson);
    }

    /** Decodes a record whose header has already been validated. */
    public static DeskDefinition decode(DirectBuffer buffer, int offset) {
        int desk = buffer.getShort(offset + JournalFormat.DESK, ORDER) & 0xFFFF;
        int nameLength = buffer.getByte(offset + DESK_NAME_LENGTH) & 0xFF;
        int paramsLength = buffer.getInt(offset + DESK_PARAMS_LENGTH, ORDER);
        String name = buffer.getStringWithoutLengthAscii(offset + DESK_VARIABLE, nameLength);
        byte[] params = new byte[paramsLength];
        buffer.getBytes(offset + DESK_VARIABLE + nameLength, params);
        return new DeskDefinition(desk, name, params);
    }

    public int desk() {
        return desk;
    }

    public String name() {
        return name;
    }

    public byte[] paramsJson() {
        return paramsJson.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeskDefinition && desk == ((DeskDefinition) o).desk && name.equals(((DeskDefinition) o).name)
            && Arrays.equals(paramsJson, ((DeskDefinition) o).paramsJson);
    }

    @Override
    public int hashCode() {
        return Objects.hash(desk, name, Arrays.hashCode(paramsJson));
    }

    @Override
    public String toString() {
        return "desk=" + desk + " name=" + name + " params="
            + new String(paramsJson, StandardCharsets.UTF_8).replaceAll("\\s+", " ");
    }

    private static final class HeaderWriter extends RecordFlyweight {
        void wrap(MutableDirectBuffer buffer, int offset, int length, long sequence) {
            wrapBuffer(buffer, offset);
            putHeader(RecordKind.DESK, length, sequence);
        }
    }
}
