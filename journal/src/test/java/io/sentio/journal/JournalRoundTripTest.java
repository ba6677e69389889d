package io.sentio.journal;

import static io.sentio.journal.JournalTestSupport.MINUTE;
import static io.sentio.journal.JournalTestSupport.N;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.journal.codec.BarSetRecord;
import io.sentio.journal.codec.DecisionKind;
import io.sentio.journal.codec.DecisionRecord;
import io.sentio.journal.codec.ExecReportRecord;
import io.sentio.journal.codec.FailedRecord;
import io.sentio.journal.codec.FillRecord;
import io.sentio.journal.codec.FillStatus;
import io.sentio.journal.codec.JournalFormat;
import io.sentio.journal.codec.OrderRecord;
import io.sentio.journal.codec.OrderType;
import io.sentio.journal.codec.RecordKind;
import io.sentio.journal.codec.SessionSummaryRecord;
import io.sentio.journal.codec.Side;
import io.sentio.journal.codec.SignalsRecord;
import java.nio.file.Path;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalRoundTripTest {
    /** A NaN with a payload and a negative zero: only a bit-exact codec keeps both. */
    private static final double ODD_NAN = Double.longBitsToDouble(0x7ff8_0000_dead_beefL);

    @TempDir
    Path dir;

    @Test
    void shouldRoundTripAnExecutionReportAsALiveInput() {
        try (Journal journal = JournalTestSupport.open(dir)) {
            JournalWriter w = journal.createWriter();
            w.appendRunHeader(JournalTestSupport.header());
            w.appendExecReport(17, 5, 2, 137, ODD_NAN, 1_743_514_262_345L);
            w.appendExecReport(-1, 0, 5, 40, 12.5, 0);
            try (JournalReader r = journal.createReader().kinds(RecordKind.EXEC_REPORT)) {
                assertTrue(r.next());
                ExecReportRecord x = r.execReport();
                assertEquals(JournalFormat.REPORT_LENGTH, x.length());
                assertEquals(17, x.orderSequence());
                assertEquals(5, x.symbol());
                assertEquals(2, x.status());
                assertEquals(137, x.filledQuantity());
                assertEquals(Double.doubleToRawLongBits(ODD_NAN), Double.doubleToRawLongBits(x.averagePrice()));
                assertEquals(1_743_514_262_345L, x.venueMillis());
                assertTrue(r.next());
                assertEquals(-1, r.execReport().orderSequence());
                assertEquals(5, r.execReport().status());
                assertFalse(r.next());
            }
        }
    }

    @Test
    void shouldRoundTripEveryRecordKindBitExactly() {
        double[] p = new double[N];
        double[] conf = new double[N];
        double[] strength = new double[N];
        int[] signal = new int[N];
        for (int i = 0; i < N; i++) {
            p[i] = 0.05 + i * 0.07;
            conf[i] = i == 3 ? ODD_NAN : 1.0 / (i + 1);
            strength[i] = i == 4 ? -0.0 : p[i] * conf[i];
            signal[i] = i % 3 - 1;
        }
        byte[] state = new byte[1000];
        for (int i = 0; i < state.length; i++) {
            state[i] = (byte) (i * 31);
        }
        try (Journal journal = JournalTestSupport.open(dir)) {
            JournalWriter w = journal.createWriter();
            w.appendRunHeader(JournalTestSupport.header());
            JournalTestSupport.appendBarSet(w, MINUTE, 1);
            w.appendClock(1_743_514_262_000L);
            w.appendSignals(MINUTE, p, conf, strength, signal);
            w.appendDecision(MINUTE, DecisionKind.ROTATE_IN, 7, 0.61, 0.58, 42);
            w.appendOrder("bt-20250401-1-1743514200-SPY-000001", MINUTE, 5, Side.BUY, 137, OrderType.MARKET);
            w.appendFill("bt-20250401-1-1743514200-SPY-000001", MINUTE + 60, 5, Side.BUY, 137, 563.1234,
                0.0, FillStatus.FILLED);
            w.appendFill("x".repeat(48), MINUTE + 120, 11, Side.SELL, 0, ODD_NAN, -0.0, FillStatus.REJECTED);
            w.appendSkipped(MINUTE + 180, 7);
            w.appendFailed(MINUTE + 240, 3,
                "io.sentio.core.learn.SomeVeryLongPackageName.AndAnEvenLongerExceptionName");
            w.appendSessionSummary(20_179, 101_234.5, 0.0123, 17);
            w.appendStateSnapshot(0xfeed_beefL, new UnsafeBuffer(state), 0, state.length);
        }
        try (JournalReader r = JournalReader.open(dir)) {
            assertTrue(r.next());
            assertEquals(RecordKind.RUN_HEADER, r.kind());
            assertEquals(0, r.sequence());
            assertEquals(JournalTestSupport.header(), r.runHeader());

            assertTrue(r.next());
            BarSetRecord bars = r.barSet();
            assertEquals(1, bars.sequence());
            assertEquals(MINUTE, bars.minute());
            assertEquals(N, bars.symbolCount());
            for (int i = 0; i < N; i++) {
                assertEquals(i % 2 == 0, bars.present(i));
                assertEquals(i == 1, bars.backfilled(i));
                double o = i % 2 == 0 ? 10 + i + 0.01 : Double.NaN;
                assertBits(o, bars.open(i));
                assertBits(o + 0.5, bars.high(i));
                assertBits(o - 0.25, bars.low(i));
                assertBits(o + 0.125, bars.close(i));
                assertBits(1000 * i + 1, bars.volume(i));
            }

            assertTrue(r.next());
            assertEquals(1_743_514_262_000L, r.clock().epochMillis());

            assertTrue(r.next());
            SignalsRecord s = r.signals();
            assertEquals(MINUTE, s.minute());
            for (int i = 0; i < N; i++) {
                assertBits(p[i], s.probability(i));
                assertBits(conf[i], s.confidence(i));
                assertBits(strength[i], s.strength(i));
                assertEquals(signal[i], s.signal(i));
            }

            assertTrue(r.next());
            DecisionRecord d = r.decision();
            assertEquals(MINUTE, d.minute());
            assertEquals(DecisionKind.ROTATE_IN, d.decisionKind());
            assertEquals(7, d.symbol());
            assertBits(0.61, d.strength());
            assertBits(0.58, d.probability());
            assertEquals(42, d.reason());

            assertTrue(r.next());
            OrderRecord o = r.order();
            assertEquals("bt-20250401-1-1743514200-SPY-000001", o.clientOrderId());
            assertEquals(MINUTE, o.minute());
            assertEquals(5, o.symbol());
            assertEquals(Side.BUY, o.side());
            assertEquals(137, o.qty());
            assertEquals(OrderType.MARKET, o.type());

            assertTrue(r.next());
            FillRecord f = r.fill();
            assertEquals("bt-20250401-1-1743514200-SPY-000001", f.clientOrderId());
            assertEquals(MINUTE + 60, f.minute());
            assertEquals(5, f.symbol());
            assertEquals(Side.BUY, f.side());
            assertEquals(137, f.qty());
            assertBits(563.1234, f.price());
            assertBits(0.0, f.commission());
            assertEquals(FillStatus.FILLED, f.status());

            assertTrue(r.next());
            f = r.fill();
            assertEquals("x".repeat(48), f.clientOrderId());
            assertEquals(11, f.symbol());
            assertEquals(Side.SELL, f.side());
            assertBits(ODD_NAN, f.price());
            assertBits(-0.0, f.commission());
            assertEquals(FillStatus.REJECTED, f.status());

            assertTrue(r.next());
            assertEquals(MINUTE + 180, r.skipped().minute());
            assertEquals(7, r.skipped().missing());

            assertTrue(r.next());
            FailedRecord failed = r.failed();
            assertEquals(MINUTE + 240, failed.minute());
            assertEquals(3, failed.stage());
            assertEquals("io.sentio.core.learn.SomeVeryLongPackageName.AndAnEvenLongerExceptionName"
                .substring(0, JournalFormat.EXCEPTION_NAME_MAX), failed.exceptionClass());

            assertTrue(r.next());
            SessionSummaryRecord sum = r.sessionSummary();
            assertEquals(20_179, sum.nyEpochDay());
            assertBits(101_234.5, sum.equity());
            assertBits(0.0123, sum.dayReturn());
            assertEquals(17, sum.trades());

            assertTrue(r.next());
            assertEquals(0xfeed_beefL, r.stateSnapshot().fingerprint());
            assertEquals(state.length, r.stateSnapshot().blobLength());
            UnsafeBuffer copy = new UnsafeBuffer(new byte[state.length]);
            r.stateSnapshot().getBlob(copy, 0);
            assertArrayEquals(state, copy.byteArray());
            assertEquals(11, r.sequence());

            assertFalse(r.next());
        }
    }

    @Test
    void shouldStoreTheSameBytesTheFlyweightEncodes() {
        UnsafeBuffer expected = new UnsafeBuffer(new byte[JournalFormat.DECISION_LENGTH]);
        new DecisionRecord().encode(expected, 0, 0, MINUTE, DecisionKind.EXIT, 2, 0.3, 0.49, 9);
        try (Journal journal = JournalTestSupport.open(dir)) {
            journal.createWriter().appendDecision(MINUTE, DecisionKind.EXIT, 2, 0.3, 0.49, 9);
            JournalReader r = journal.createReader();
            assertTrue(r.next());
            byte[] actual = new byte[r.length()];
            r.buffer().getBytes(0, actual);
            assertArrayEquals(expected.byteArray(), actual);
        }
    }

    @Test
    void shouldRejectAClientOrderIdLongerThan48Characters() {
        try (Journal journal = JournalTestSupport.open(dir)) {
            JournalWriter w = journal.createWriter();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> w.appendOrder("y".repeat(49), MINUTE, 0, Side.BUY, 1, OrderType.MARKET));
            assertTrue(e.getMessage().contains("client_order_id"), e.getMessage());
            assertEquals(0, journal.nextSequence());
        }
    }

    @Test
    void shouldContinueTheSequenceWhenAJournalIsReopened() {
        try (Journal journal = JournalTestSupport.open(dir)) {
            journal.createWriter().appendClock(1);
            journal.createWriter().appendClock(2);
        }
        try (Journal journal = JournalTestSupport.open(dir)) {
            assertEquals(2, journal.nextSequence());
            journal.createWriter().appendClock(3);
            JournalReader r = journal.createReader();
            for (int seq = 0; seq < 3; seq++) {
                assertTrue(r.next());
                assertEquals(seq, r.sequence());
                assertEquals(seq + 1, r.clock().epochMillis());
            }
        }
    }

    private static void assertBits(double expected, double actual) {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
            () -> "expected " + expected + " but was " + actual);
    }
}
