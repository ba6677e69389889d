package io.sentio.journal.codec;

import static io.sentio.journal.codec.JournalFormat.REPORT_AVERAGE_PRICE;
import static io.sentio.journal.codec.JournalFormat.REPORT_FILLED_QTY;
import static io.sentio.journal.codec.JournalFormat.REPORT_LENGTH;
import static io.sentio.journal.codec.JournalFormat.REPORT_ORDER_SEQUENCE;
import static io.sentio.journal.codec.JournalFormat.REPORT_STATUS;
import static io.sentio.journal.codec.JournalFormat.REPORT_SYMBOL;
import static io.sentio.journal.codec.JournalFormat.REPORT_VENUE_MILLIS;

import org.agrona.MutableDirectBuffer;

/**
 * EXEC_REPORT: a live venue's report on an order as it entered the ring, so replay re-publishes it
 * at the same place. Layout in {@link JournalFormat}.
 */
public final class ExecReportRecord extends RecordFlyweight {

    public ExecReportRecord wrap(MutableDirectBuffer buffer, int offset) {
        wrapBuffer(buffer, offset);
        return this;
    }

    public ExecReportRecord encode(MutableDirectBuffer buffer, int offset, long sequence, long orderSequence,
                                   int symbol, int status, long filledQuantity, double averagePrice,
                                   long venueMillis) {
        wrapBuffer(buffer, offset);
        putHeader(RecordKind.EXEC_REPORT, REPORT_LENGTH, sequence);
        putLong(REPORT_ORDER_SEQUENCE, orderSequence);
        putShort(REPORT_SYMBOL, symbol);
        putByte(REPORT_STATUS, (byte) status);
        putLong(REPORT_FILLED_QTY, filledQuantity);
        putDouble(REPORT_AVERAGE_PRICE, averagePrice);
        putLong(REPORT_VENUE_MILLIS, venueMillis);
        return this;
    }

    public long orderSequence() {
        return getLong(REPORT_ORDER_SEQUENCE);
    }

    public int symbol() {
        return getShort(REPORT_SYMBOL);
    }

    public int status() {
        return getByte(REPORT_STATUS);
    }

    public long filledQuantity() {
        return getLong(REPORT_FILLED_QTY);
    }

    public double averagePrice() {
        return getDouble(REPORT_AVERAGE_PRICE);
    }

    public long venueMillis() {
        return getLong(REPORT_VENUE_MILLIS);
    }
}
