package io.sentio.journal;

import static io.sentio.journal.JournalTestSupport.MINUTE;
import static io.sentio.journal.JournalTestSupport.N;
import static io.sentio.journal.JournalTestSupport.SYMBOLS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.sentio.journal.codec.DecisionKind;
import io.sentio.journal.codec.FillStatus;
import io.sentio.journal.codec.OrderType;
import io.sentio.journal.codec.RecordKind;
import io.sentio.journal.codec.Side;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalComparatorTest {
    @TempDir
    Path dir;

    /** What one run writes per minute; {@code tweak} lets a test change one output. */
    private static final class Run {
        double[] p = new double[N];
        double[] c = new double[N];
        double[] s = new double[N];
        int[] sig = new int[N];
        double decisionStrength = 0.42;
        String orderId = "run-1-1743514200-SPY-1";
        boolean extraFill;
        boolean clockBeforeSignals;

        Run() {
            for (int i = 0; i < N; i++) {
                p[i] = 0.5 + i / 50.0;
                c[i] = 0.25;
                s[i] = p[i] * c[i];
            }
        }

        void write(JournalWriter w) {
            for (int k = 0; k < 3; k++) {
                long minute = MINUTE + 60L * k;
                JournalTestSupport.appendBarSet(w, minute, k);
                if (clockBeforeSignals) {
                    w.appendClock(minute * 1000);
                }
                w.appendSignals(minute, p, c, s, sig);
                if (!clockBeforeSignals) {
                    w.appendClock(minute * 1000);
                }
            }
            w.appendDecision(MINUTE + 120, DecisionKind.ENTER, 5, decisionStrength, 0.6, 1);
            w.appendOrder(orderId, MINUTE + 120, 5, Side.BUY, 10, OrderType.MARKET);
            w.appendFill(orderId, MINUTE + 180, 5, Side.BUY, 10, 563.5, 0, FillStatus.FILLED);
            if (extraFill) {
                w.appendFill(orderId, MINUTE + 180, 5, Side.BUY, 10, 563.5, 0, FillStatus.FILLED);
            }
        }
    }

    private Divergence compare(Run expected, Run actual) {
        write("expected", expected::write);
        write("actual", actual::write);
        try (JournalReader e = JournalReader.open(dir.resolve("expected"));
             JournalReader a = JournalReader.open(dir.resolve("actual"))) {
            return new JournalComparator(e, a, SYMBOLS).finish();
        }
    }

    private void write(String name, Consumer<JournalWriter> body) {
        try (Journal journal = JournalTestSupport.open(dir.resolve(name))) {
            body.accept(journal.createWriter());
        }
    }

    @Test
    void shouldFindNoDivergenceWhenOnlyTheInterleavingOfInputsDiffers() {
        Run other = new Run();
        other.clockBeforeSignals = true;
        assertNull(compare(new Run(), other));
    }

    @Test
    void shouldReportTheSymbolFieldAndBothValuesOfAChangedSignal() {
        Run actual = new Run();
        actual.p[7] = Math.nextUp(actual.p[7]);
        Divergence d = compare(new Run(), actual);
        assertNotNull(d);
        assertEquals(RecordKind.SIGNALS, d.kind());
        assertEquals("p[PSQ]", d.field());
        assertEquals(Double.toString(new Run().p[7]), d.expected());
        assertEquals(Double.toString(actual.p[7]), d.actual());
        assertEquals(0, d.outputNumber());
        assertEquals(1, d.expectedSequence());
    }

    @Test
    void shouldReportADecisionThatDiffersOnlyInTheSignOfZero() {
        Run expected = new Run();
        expected.decisionStrength = 0.0;
        Run actual = new Run();
        actual.decisionStrength = -0.0;
        Divergence d = compare(expected, actual);
        assertEquals(RecordKind.DECISION, d.kind());
        assertEquals("strength", d.field());
        assertEquals(3, d.outputNumber());
        assertEquals("0.0", d.expected());
        assertEquals("-0.0", d.actual());
    }

    @Test
    void shouldReportADifferentClientOrderId() {
        Run actual = new Run();
        actual.orderId = "run-2-1743514200-SPY-1";
        Divergence d = compare(new Run(), actual);
        assertEquals(RecordKind.ORDER, d.kind());
        assertEquals("client_order_id", d.field());
        assertEquals("run-1-1743514200-SPY-1", d.expected());
    }

    @Test
    void shouldReportAnOutputRecordOnlyOneSideHas() {
        Run actual = new Run();
        actual.extraFill = true;
        Divergence d = compare(new Run(), actual);
        assertEquals("record", d.field());
        assertEquals(RecordKind.FILL, d.kind());
        assertEquals(-1, d.expectedIndex());
        assertEquals("end of journal", d.expected());
        assertEquals(6, d.outputNumber());
    }

    @Test
    void shouldCompareIncrementallyWhileTheActualJournalIsStillBeingWritten() {
        write("expected", new Run()::write);
        try (Journal actual = JournalTestSupport.open(dir.resolve("actual"));
             JournalReader e = JournalReader.open(dir.resolve("expected"))) {
            JournalWriter w = actual.createWriter();
            JournalComparator comparator = new JournalComparator(e, actual.createReader(), SYMBOLS);
            Run run = new Run();
            w.appendSignals(MINUTE, run.p, run.c, run.s, run.sig);
            assertNull(comparator.compareAvailable());
            assertEquals(1, comparator.matched());
            w.appendSignals(MINUTE + 60, run.p, run.c, run.s, run.sig);
            w.appendSignals(MINUTE + 120, run.p, run.c, run.s, run.sig);
            w.appendDecision(MINUTE + 120, DecisionKind.EXIT, 5, run.decisionStrength, 0.6, 1);
            Divergence d = comparator.compareAvailable();
            assertEquals("decision", d.field());
            assertEquals("ENTER", d.expected());
            assertEquals("EXIT", d.actual());
        }
    }
}
