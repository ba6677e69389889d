package io.sentio.journal.codec;

/**
 * Kind of a journal record, the first byte of every record.
 * Codes are part of the journal format ({@link JournalFormat}): never renumber.
 */
public enum RecordKind {
    RUN_HEADER(1),
    BAR_SET(2),
    CLOCK(3),
    SIGNALS(4),
    DECISION(5),
    ORDER(6),
    FILL(7),
    SKIPPED(8),
    FAILED(9),
    SESSION_SUMMARY(10),
    STATE_SNAPSHOT(11),
    RUN_END(12),
    /** A live venue's execution report: an input of a live run, re-published by replay. */
    EXEC_REPORT(13),
    /** A shadow desk's definition: its id (in the header's desk field), name and params file (format version 3). */
    DESK(14);

    private static final RecordKind[] BY_CODE = byCode();
    private final byte code;

    RecordKind(int code) {
        this.code = (byte) code;
    }

    public byte code() {
        return code;
    }

    /** The constant with this code; {@link IllegalArgumentException} naming the code if there is none. */
    public static RecordKind fromCode(int code) {
        if (code < 0 || code >= BY_CODE.length || BY_CODE[code] == null) {
            throw new IllegalArgumentException("unknown RecordKind code " + code);
        }
        return BY_CODE[code];
    }

    private static RecordKind[] byCode() {
        int max = 0;
        for (RecordKind v : values()) {
            max = Math.max(max, v.code);
        }
        RecordKind[] table = new RecordKind[max + 1];
        for (RecordKind v : values()) {
            table[v.code] = v;
        }
        return table;
    }
}
