package io.sentio.journal.codec;

import static io.sentio.journal.codec.JournalFormat.COLUMNS;
import static io.sentio.journal.codec.JournalFormat.MINUTE;
import static io.sentio.journal.codec.JournalFormat.SYMBOL_COUNT;

import org.agrona.MutableDirectBuffer;

/** SIGNALS: every learner's output for one minute. Layout in {@link JournalFormat}. */
public final class SignalsRecord extends RecordFlyweight {
    private int symbols;
    private int confidence;
    private int strength;
    private int signal;

    public SignalsRecord wrap(MutableDirectBuffer buffer, int offset) {
        wrapBuffer(buffer, offset);
        layout(getShort(SYMBOL_COUNT) & 0xFFFF);
        return this;
    }

    public SignalsRecord encode(MutableDirectBuffer buffer, int offset, long sequence, long minute, int symbols) {
        wrapBuffer(buffer, offset);
        putHeader(RecordKind.SIGNALS, JournalFormat.signalsLength(symbols), sequence);
        putLong(MINUTE, minute);
        putShort(SYMBOL_COUNT, symbols);
        layout(symbols);
        return this;
    }

    private void layout(int symbols) {
        this.symbols = symbols;
        int column = JournalFormat.column(symbols, 8);
        confidence = COLUMNS + column;
        strength = confidence + column;
        signal = strength + column;
    }

    public SignalsRecord symbol(int i, double p, double c, double s, int sig) {
        putDouble(COLUMNS + 8 * i, p);
        putDouble(confidence + 8 * i, c);
        putDouble(strength + 8 * i, s);
        putByte(signal + i, (byte) sig);
        return this;
    }

    public long minute() {
        return getLong(MINUTE);
    }

    public int symbolCount() {
        return symbols;
    }

    public double probability(int i) {
        return getDouble(COLUMNS + 8 * i);
    }

    public double confidence(int i) {
        return getDouble(confidence + 8 * i);
    }

    public double strength(int i) {
        return getDouble(strength + 8 * i);
    }

    public int signal(int i) {
        return getByte(signal + i);
    }
}
