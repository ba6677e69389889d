package io.sentio.journal.codec;

import static io.sentio.journal.codec.JournalFormat.CLIENT_ORDER_ID_MAX;
import static io.sentio.journal.codec.JournalFormat.ORDER_CLIENT_ORDER_ID;
import static io.sentio.journal.codec.JournalFormat.ORDER_ID_LENGTH;
import static io.sentio.journal.codec.JournalFormat.ORDER_LENGTH;
import static io.sentio.journal.codec.JournalFormat.ORDER_MINUTE;
import static io.sentio.journal.codec.JournalFormat.ORDER_QTY;
import static io.sentio.journal.codec.JournalFormat.ORDER_SIDE;
import static io.sentio.journal.codec.JournalFormat.ORDER_SYMBOL;
import static io.sentio.journal.codec.JournalFormat.ORDER_TYPE;

import org.agrona.MutableDirectBuffer;

/** ORDER: an order sent to the broker. Layout in {@link JournalFormat}. */
public final class OrderRecord extends RecordFlyweight {

    public OrderRecord wrap(MutableDirectBuffer buffer, int offset) {
        wrapBuffer(buffer, offset);
        return this;
    }

    /** {@link IllegalArgumentException} if the id is longer than 48 characters or not ASCII. */
    public OrderRecord encode(MutableDirectBuffer buffer, int offset, long sequence, CharSequence clientOrderId,
                              long minute, int symbol, Side side, long qty, OrderType type) {
        wrapBuffer(buffer, offset);
        putHeader(RecordKind.ORDER, ORDER_LENGTH, sequence);
        putLong(ORDER_MINUTE, minute);
        putShort(ORDER_SYMBOL, symbol);
        putByte(ORDER_SIDE, side.code());
        putByte(ORDER_TYPE, type.code());
        putLong(ORDER_QTY, qty);
        int n = putAscii(ORDER_CLIENT_ORDER_ID, clientOrderId, CLIENT_ORDER_ID_MAX, false, "client_order_id");
        putByte(ORDER_ID_LENGTH, (byte) n);
        return this;
    }

    public long minute() {
        return getLong(ORDER_MINUTE);
    }

    public int symbol() {
        return getShort(ORDER_SYMBOL);
    }

    public Side side() {
        return Side.fromCode(getByte(ORDER_SIDE));
    }

    public OrderType type() {
        return OrderType.fromCode(getByte(ORDER_TYPE));
    }

    public long qty() {
        return getLong(ORDER_QTY);
    }

    public int clientOrderIdLength() {
        return getByte(ORDER_ID_LENGTH);
    }

    public String clientOrderId() {
        return getAscii(ORDER_CLIENT_ORDER_ID, clientOrderIdLength());
    }

    public void appendClientOrderId(StringBuilder out) {
        appendAscii(ORDER_CLIENT_ORDER_ID, clientOrderIdLength(), out);
    }
}
