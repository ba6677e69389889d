package io.sentio.journal.codec;

/**
 * Outcome of an order as reported by the broker.
 * Codes are part of the journal format ({@link JournalFormat}): never renumber.
 */
public enum FillStatus {
    FILLED(1),
    PARTIALLY_FILLED(2),
    CANCELLED(3),
    REJECTED(4);

    private static final FillStatus[] BY_CODE = byCode();
    private final byte code;

    FillStatus(int code) {
        this.code = (byte) code;
    }

    public byte code() {
        return code;
    }

    /** The constant with this code; {@link IllegalArgumentException} naming the code if there is none. */
    public static FillStatus fromCode(int code) {
        if (code < 0 || code >= BY_CODE.length || BY_CODE[code] == null) {
            throw new IllegalArgumentException("unknown FillStatus code " + code);
        }
        return BY_CODE[code];
    }

    private static FillStatus[] byCode() {
        int max = 0;
        for (FillStatus v : values()) {
            max = Math.max(max, v.code);
        }
        FillStatus[] table = new FillStatus[max + 1];
        for (FillStatus v : values()) {
            table[v.code] = v;
        }
        return table;
    }
}
