package io.sentio.journal.codec;

/**
 * Order side.
 * Codes are part of the journal format ({@link JournalFormat}): never renumber.
 */
public enum Side {
    BUY(1),
    SELL(2);

    private static final Side[] BY_CODE = byCode();
    private final byte code;

    Side(int code) {
        this.code = (byte) code;
    }

    public byte code() {
        return code;
    }

    /** The constant with this code; {@link IllegalArgumentException} naming the code if there is none. */
    public static Side fromCode(int code) {
        if (code < 0 || code >= BY_CODE.length || BY_CODE[code] == null) {
            throw new IllegalArgumentException("unknown Side code " + code);
        }
        return BY_CODE[code];
    }

    private static Side[] byCode() {
        int max = 0;
        for (Side v : values()) {
            max = Math.max(max, v.code);
        }
        Side[] table = new Side[max + 1];
        for (Side v : values()) {
            table[v.code] = v;
        }
        return table;
    }
}
