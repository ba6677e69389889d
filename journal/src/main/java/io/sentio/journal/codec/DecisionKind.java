package io.sentio.journal.codec;

/**
 * What the rank/rotate/risk stage decided for one symbol.
 * Codes are part of the journal format ({@link JournalFormat}): never renumber.
 */
public enum DecisionKind {
    ENTER(1),
    EXIT(2),
    ROTATE_OUT(3),
    ROTATE_IN(4),
    EOD_FLATTEN(5),
    CIRCUIT_BREAKER(6);

    private static final DecisionKind[] BY_CODE = byCode();
    private final byte code;

    DecisionKind(int code) {
        this.code = (byte) code;
    }

    public byte code() {
        return code;
    }

    /** The constant with this code; {@link IllegalArgumentException} naming the code if there is none. */
    public static DecisionKind fromCode(int code) {
        if (code < 0 || code >= BY_CODE.length || BY_CODE[code] == null) {
            throw new IllegalArgumentException("unknown DecisionKind code " + code);
        }
        return BY_CODE[code];
    }

    private static DecisionKind[] byCode() {
        int max = 0;
        for (DecisionKind v : values()) {
            max = Math.max(max, v.code);
        }
        DecisionKind[] table = new DecisionKind[max + 1];
        for (DecisionKind v : values()) {
            table[v.code] = v;
        }
        return table;
    }
}
