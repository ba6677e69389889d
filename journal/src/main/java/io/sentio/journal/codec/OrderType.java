package io.sentio.journal.codec;

/**
 * Order type.
 * Codes are part of the journal format ({@link JournalFormat}): never renumber.
 */
public enum OrderType {
    MARKET(1),
    LIMIT(2);

    private static final OrderType[] BY_CODE = byCode();
    private final byte code;

    OrderType(int code) {
        this.code = (byte) code;
    }

    public byte code() {
        return code;
    }

    /** The constant with this code; {@link IllegalArgumentException} naming the code if there is none. */
    public static OrderType fromCode(int code) {
        if (code < 0 || code >= BY_CODE.length || BY_CODE[code] == null) {
            throw new IllegalArgumentException("unknown OrderType code " + code);
        }
        return BY_CODE[code];
    }

    private static OrderType[] byCode() {
        int max = 0;
        for (OrderType v : values()) {
            max = Math.max(max, v.code);
        }
        OrderType[] table = new OrderType[max + 1];
        for (OrderType v : values()) {
            table[v.code] = v;
        }
        return table;
    }
}
