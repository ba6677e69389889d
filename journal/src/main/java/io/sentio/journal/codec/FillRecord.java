package io.sentio.journal.codec;

import static io.sentio.journal.codec.JournalFormat.CLIENT_ORDER_ID_MAX;
import static io.sentio.journal.codec.JournalFormat.FILL_CLIENT_ORDER_ID;
import static io.sentio.journal.codec.JournalFormat.FILL_COMMISSION;
import static io.sentio.journal.codec.JournalFormat.FILL_ID_LENGTH;
import static io.sentio.journal.codec.JournalFormat.FILL_LENGTH;
import static io.sentio.journal.codec.JournalFormat.FILL_MINUTE;
import static io.sentio.journal.codec.JournalFormat.FILL_PRICE;
import static io.sentio.journal.codec.JournalFormat.FILL_QTY;
import static io.sentio.journal.codec.JournalFormat.FILL_SIDE;
import static io.sentio.journal.codec.JournalFormat.FILL_STATUS;
import static io.sentio.journal.codec.JournalFormat.FILL_SYMBOL;

import org.agrona.MutableDirectBuffer;

/** FILL: a broker report on an order (filled, cancelled or rejected). Layout in {@link JournalFormat}. */
public final class FillRecord extends RecordFlyweight {

    public FillRecord wrap(MutableDirectBuffer buffer, int offset) {
        wrapBuffer(buffer, offset);
        return this;
    }

    /** {@link IllegalArgumentException} if the id is longer than 48 characters or not ASCII. */
    public FillRecord encode(MutableDirectBuffer buffer, int offset, long sequence, CharSequence clientOrderId,
                             long minute, int symbol, Side side, long qty, double price, double commission,
                             FillStatus status) {
        wrapBuffer(buffer, offset);
        putHeader(RecordKind.FILL, FILL_LENGTH, sequence);
        putLong(FILL_MINUTE, minute);
        putShort(FILL_SYMBOL, symbol);
        putByte(FILL_SIDE, side.code());
        putByte(FILL_STATUS, status.code());
        putLong(FILL_QTY, qty);
        putDouble(FILL_PRICE, price);
        putDouble(FILL_COMMISSION, commission);
        int n = putAscii(FILL_CLIENT_ORDER_ID, clientOrderId, CLIENT_ORDER_ID_MAX, false, "client_order_id");
        putByte(FILL_ID_LENGTH, (byte) n);
        return this;
    }

    public long minute() {
        return getLong(FILL_MINUTE);
    }

    public int symbol() {
        return getShort(FILL_SYMBOL);
    }

    public Side side() {
        return Side.fromCode(getByte(FILL_SIDE));
    }

    public FillStatus status() {
        return FillStatus.fromCode(getByte(FILL_STATUS));
    }

    public long qty() {
        return getLong(FILL_QTY);
    }

    public double price() {
        return getDouble(FILL_PRICE);
    }

    public double commission() {
        return getDouble(FILL_COMMISSION);
    }

    public int clientOrderIdLength() {
        return getByte(FILL_ID_LENGTH);
    }

    public String clientOrderId() {
        return getAscii(FILL_CLIENT_ORDER_ID, clientOrderIdLength());
    }

    public void appendClientOrderId(StringBuilder out) {
        appendAscii(FILL_CLIENT_ORDER_ID, clientOrderIdLength(), out);
    }
}
