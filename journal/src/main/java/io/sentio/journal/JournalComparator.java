package io.sentio.journal;

import io.sentio.journal.codec.DecisionRecord;
import io.sentio.journal.codec.FillRecord;
import io.sentio.journal.codec.OrderRecord;
import io.sentio.journal.codec.RecordKind;
import io.sentio.journal.codec.SignalsRecord;
import java.util.List;

/**
 * Compares the output records (SIGNALS, DECISION, ORDER, FILL) of two journals field by field and
 * reports the first {@link Divergence}. Outputs are compared as one stream in journal order,
 * ignoring the inputs between them: the journal-in and journal-out stages write from different
 * threads, so inputs and outputs may interleave differently from run to run, while the order of
 * outputs among themselves is fixed by the pipeline. One comparator compares one desk's outputs
 * (shadow desks write from their own thread, so desks interleave by timing too). Doubles must
 * match bit for bit.
 *
 * <p>{@link #compareAvailable()} consumes what both readers have so far and can be called again as
 * more is written, so a replay can compare while it runs; {@link #finish()} then reports a record
 * that one side has and the other has not.
 */
public final class JournalComparator {
    private static final RecordKind[] OUTPUTS = {
        RecordKind.SIGNALS, RecordKind.DECISION, RecordKind.ORDER, RecordKind.FILL};

    private final JournalReader expected;
    private final JournalReader actual;
    private final List<String> symbols;
    private final int desk;
    private final String deskName;
    private long outputNumber;
    private boolean expectedPending;
    private boolean actualPending;

    /**
     * @param symbols names for per-symbol fields (the run header's symbols); an empty list prints indexes
     */
    public JournalComparator(JournalReader expected, JournalReader actual, List<String> symbols) {
        this(expected, actual, symbols, 0, "desk 0");
    }

    /** Compares the outputs of desk {@code desk} (0: the trading desk), named {@code deskName} in divergences. */
    public JournalComparator(JournalReader expected, JournalReader actual, List<String> symbols, int desk,
                             String deskName) {
        this.expected = expected.kinds(OUTPUTS).desks(desk, desk);
        this.actual = actual.kinds(OUTPUTS).desks(desk, desk);
        this.symbols = List.copyOf(symbols);
        this.desk = desk;
        this.deskName = deskName;
    }

    /** Compares every output record available on both sides; the first difference, or null. */
    public Divergence compareAvailable() {
        while (true) {
            if (!expectedPending) {
                expectedPending = expected.next();
            }
            if (!actualPending) {
                actualPending = actual.next();
            }
            if (!expectedPending || !actualPending) {
                return null;
            }
            Divergence d = compareCurrent();
            if (d != null) {
                return d;
            }
            expectedPending = false;
            actualPending = false;
            outputNumber++;
        }
    }

    /** {@link #compareAvailable()}, then a divergence if one side has an output record left over. */
    public Divergence finish() {
        Divergence d = compareAvailable();
        if (d != null) {
            return d;
        }
        if (expectedPending) {
            return new Divergence(desk, deskName, outputNumber, expected.index(), -1, expected.sequence(), -1,
                expected.kind(), "record", "a " + expected.kind() + " record", "end of journal");
        }
        if (actualPending) {
            return new Divergence(desk, deskName, outputNumber, -1, actual.index(), -1, actual.sequence(),
                actual.kind(), "record", "end of journal", "a " + actual.kind() + " record");
        }
        return null;
    }

    /** Output records compared equal so far. */
    public long matched() {
        return outputNumber;
    }

    private Divergence compareCurrent() {
        if (expected.kind() != actual.kind()) {
            return diff("kind", expected.kind().toString(), actual.kind().toString());
        }
        switch (expected.kind()) {
            case SIGNALS:
                return signals(expected.signals(), actual.signals());
            case DECISION:
                return decision(expected.decision(), actual.decision());
            case ORDER:
                return order(expected.order(), actual.order());
            case FILL:
                return fill(expected.fill(), actual.fill());
            default:
                throw new IllegalStateException("not an output record: " + expected.kind());
        }
    }

    private Divergence signals(SignalsRecord e, SignalsRecord a) {
        if (e.minute() != a.minute()) {
            return diff("minute", e.minute(), a.minute());
        }
        if (e.symbolCount() != a.symbolCount()) {
            return diff("symbol count", e.symbolCount(), a.symbolCount());
        }
        for (int i = 0; i < e.symbolCount(); i++) {
            Divergence d = firstOf(
                doubles("p", i, e.probability(i), a.probability(i)),
                doubles("C", i, e.confidence(i), a.confidence(i)),
                doubles("strength", i, e.strength(i), a.strength(i)));
            if (d != null) {
                return d;
            }
            if (e.signal(i) != a.signal(i)) {
                return diff("signal[" + symbol(i) + "]", e.signal(i), a.signal(i));
            }
        }
        return null;
    }

    private Divergence decision(DecisionRecord e, DecisionRecord a) {
        if (e.minute() != a.minute()) {
            return diff("minute", e.minute(), a.minute());
        }
        if (e.decisionKind() != a.decisionKind()) {
            return diff("decision", e.decisionKind().toString(), a.decisionKind().toString());
        }
        if (e.symbol() != a.symbol()) {
            return diff("symbol", symbol(e.symbol()), symbol(a.symbol()));
        }
        if (e.reason() != a.reason()) {
            return diff("reason", e.reason(), a.reason());
        }
        return firstOf(doubles("strength", -1, e.strength(), a.strength()),
            doubles("p", -1, e.probability(), a.probability()));
    }

    private Divergence order(OrderRecord e, OrderRecord a) {
        if (!e.clientOrderId().equals(a.clientOrderId())) {
            return diff("client_order_id", e.clientOrderId(), a.clientOrderId());
        }
        if (e.minute() != a.minute()) {
            return diff("minute", e.minute(), a.minute());
        }
        if (e.symbol() != a.symbol()) {
            return diff("symbol", symbol(e.symbol()), symbol(a.symbol()));
        }
        if (e.side() != a.side()) {
            return diff("side", e.side().toString(), a.side().toString());
        }
        if (e.qty() != a.qty()) {
            return diff("qty", e.qty(), a.qty());
        }
        return e.type() != a.type() ? diff("type", e.type().toString(), a.type().toString()) : null;
    }

    private Divergence fill(FillRecord e, FillRecord a) {
        if (!e.clientOrderId().equals(a.clientOrderId())) {
            return diff("client_order_id", e.clientOrderId(), a.clientOrderId());
        }
        if (e.status() != a.status()) {
            return diff("status", e.status().toString(), a.status().toString());
        }
        if (e.minute() != a.minute()) {
            return diff("minute", e.minute(), a.minute());
        }
        if (e.symbol() != a.symbol()) {
            return diff("symbol", symbol(e.symbol()), symbol(a.symbol()));
        }
        if (e.side() != a.side()) {
            return diff("side", e.side().toString(), a.side().toString());
        }
        if (e.qty() != a.qty()) {
            return diff("qty", e.qty(), a.qty());
        }
        return firstOf(doubles("price", -1, e.price(), a.price()),
            doubles("commission", -1, e.commission(), a.commission()));
    }

    private static Divergence firstOf(Divergence... candidates) {
        for (Divergence d : candidates) {
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    private Divergence doubles(String field, int symbol, double e, double a) {
        if (Double.doubleToRawLongBits(e) == Double.doubleToRawLongBits(a)) {
            return null;
        }
        String es = Double.toString(e);
        String as = Double.toString(a);
        if (es.equals(as)) {
            es += " (bits 0x" + Long.toHexString(Double.doubleToRawLongBits(e)) + ")";
            as += " (bits 0x" + Long.toHexString(Double.doubleToRawLongBits(a)) + ")";
        }
        return diff(symbol < 0 ? field : field + "[" + symbol(symbol) + "]", es, as);
    }

    private Divergence diff(String field, long e, long a) {
        return diff(field, Long.toString(e), Long.toString(a));
    }

    private Divergence diff(String field, String e, String a) {
        return new Divergence(desk, deskName, outputNumber, expected.index(), actual.index(), expected.sequence(),
            actual.sequence(), expected.kind(), field, e, a);
    }

    private String symbol(int index) {
        return index >= 0 && index < symbols.size() ? symbols.get(index) : "#" + index;
    }
}
