package io.sentio.journal.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class StateHashTest {
    private static long hash(byte... bytes) {
        return StateHash.hash(new UnsafeBuffer(bytes), 0, bytes.length);
    }

    @Test
    void shouldTellApartInputsThatOnlyDifferInTrailingZerosOrOrder() {
        assertNotEquals(hash(), hash((byte) 0));
        assertNotEquals(hash((byte) 0), hash((byte) 0, (byte) 0));
        assertNotEquals(hash(1, 2, 3, 4, 5, 6, 7, 8, 9), hash(9, 2, 3, 4, 5, 6, 7, 8, 1));
    }

    @Test
    void shouldHashAViewLikeTheSameBytesAtOffsetZero() {
        byte[] big = {7, 7, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 7};
        assertEquals(hash(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), StateHash.hash(new UnsafeBuffer(big), 2, 10));
    }

    @Test
    void shouldPrintSixteenHexDigits() {
        assertEquals("000000000000002a", StateHash.hex(42));
        assertEquals("ffffffffffffffff", StateHash.hex(-1));
    }

    private static long hash(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) values[i];
        }
        return hash(b);
    }
}
