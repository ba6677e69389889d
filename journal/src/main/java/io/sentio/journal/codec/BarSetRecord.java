package io.sentio.journal.codec;

import static io.sentio.journal.codec.JournalFormat.BAR_BACKFILLED;
import static io.sentio.journal.codec.JournalFormat.BAR_PRESENT;
import static io.sentio.journal.codec.JournalFormat.COLUMNS;
import static io.sentio.journal.codec.JournalFormat.MINUTE;
import static io.sentio.journal.codec.JournalFormat.SYMBOL_COUNT;

import org.agrona.MutableDirectBuffer;

/** BAR_SET: one minute's bars as received, before forward-fill. Layout in {@link JournalFormat}. */
public final class BarSetRecord extends RecordFlyweight {
    private int symbols;
    private int open;
    private int high;
    private int low;
    private int close;
    private int volume;

    public BarSetRecord wrap(MutableDirectBuffer buffer, int offset) {
        wrapBuffer(buffer, offset);
        layout(getShort(SYMBOL_COUNT) & 0xFFFF);
        return this;
    }

    /** Starts a record of {@code symbols} symbols, all absent; fill it with {@link #symbol}. */
    public BarSetRecord encode(MutableDirectBuffer buffer, int offset, long sequence, long minute, int symbols) {
        wrapBuffer(buffer, offset);
        putHeader(RecordKind.BAR_SET, JournalFormat.barSetLength(symbols), sequence);
        putLong(MINUTE, minute);
        putShort(SYMBOL_COUNT, symbols);
        layout(symbols);
        return this;
    }

    private void layout(int symbols) {
        this.symbols = symbols;
        open = COLUMNS + JournalFormat.column(symbols, 1);
        int column = JournalFormat.column(symbols, 8);
        high = open + column;
        low = high + column;
        close = low + column;
        volume = close + column;
    }

    public BarSetRecord symbol(int i, boolean present, boolean backfilled,
                               double o, double h, double l, double c, double v) {
        putByte(COLUMNS + i, (byte) ((present ? BAR_PRESENT : 0) | (backfilled ? BAR_BACKFILLED : 0)));
        putDouble(open + 8 * i, o);
        putDouble(high + 8 * i, h);
        putDouble(low + 8 * i, l);
        putDouble(close + 8 * i, c);
        putDouble(volume + 8 * i, v);
        return this;
    }

    public long minute() {
        return getLong(MINUTE);
    }

    public int symbolCount() {
        return symbols;
    }

    public int flags(int i) {
        return getByte(COLUMNS + i);
    }

    public boolean present(int i) {
        return (flags(i) & BAR_PRESENT) != 0;
    }

    public boolean backfilled(int i) {
        return (flags(i) & BAR_BACKFILLED) != 0;
    }

    public double open(int i) {
        return getDouble(open + 8 * i);
    }

    public double high(int i) {
        return getDouble(high + 8 * i);
    }

    public double low(int i) {
        return getDouble(low + 8 * i);
    }

    public double close(int i) {
        return getDouble(close + 8 * i);
    }

    public double volume(int i) {
        return getDouble(volume + 8 * i);
    }
}
