package io.sentio.journal.codec;

/**
 * The mode a run was started in (DESIGN §1).
 * Codes are part of the journal format ({@link JournalFormat}): never renumber.
 */
public enum RunMode {
    BACKTEST(1),
    MOCK(2),
    WARMUP(3),
    LIVE_PAPER(4),
    LIVE(5),
    REPLAY(6);

    private static final RunMode[] BY_CODE = byCode();
    private final byte code;

    RunMode(int code) {
        this.code = (byte) code;
    }

    public byte code() {
        return code;
    }

    /** The constant with this code; {@link IllegalArgumentException} naming the code if there is none. */
    public static RunMode fromCode(int code) {
        if (code < 0 || code >= BY_CODE.length || BY_CODE[code] == null) {
            throw new IllegalArgumentException("unknown RunMode code " + code);
        }
        return BY_CODE[code];
    }

    private static RunMode[] byCode() {
        int max = 0;
        for (RunMode v : values()) {
            max = Math.max(max, v.code);
        }
        RunMode[] table = new RunMode[max + 1];
        for (RunMode v : values()) {
            table[v.code] = v;
        }
        return table;
    }
}
