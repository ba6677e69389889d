package io.sentio.launcher.optimize;

import io.sentio.core.config.StrategyParams;
import io.sentio.core.pipeline.BarTape;
import io.sentio.core.pipeline.ModelTape;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * The worker's tapes: the bar sets of each range ({@link BarTape}) and the model outputs of each
 * model-parameter set over it ({@link ModelTape}), kept within one byte budget and evicted least
 * recently used first. A trial whose model was already run costs only its desk.
 */
final class TapeCache {
    private final long budgetBytes;
    private final LinkedHashMap<Object, Entry> tapes = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;
    private long hits;
    private long misses;

    TapeCache(long budgetBytes) {
        if (budgetBytes < 0) {
            throw new IllegalArgumentException("tape budget must be >= 0 bytes, got " + budgetBytes);
        }
        this.budgetBytes = budgetBytes;
    }

    /** What a model tape depends on: the MODEL parameters (DESIGN §3, exact text) and the range. */
    record Key(String model, LocalDate from, LocalDate to) {
        static Key of(StrategyParams p, LocalDate from, LocalDate to) {
            return new Key(p.modelKey(), from, to);
        }
    }

    private record Entry(Object tape, long bytes) {
    }

    private record Range(LocalDate from, LocalDate to) {
    }

    /** The bar sets of {@code [from, to]}, merged by {@code record} on the first request. */
    BarTape bars(LocalDate from, LocalDate to, Supplier<BarTape> record) {
        return get(new Range(from, to), record, BarTape::bytes);
    }

    /** The model tape of {@code key}, recorded by {@code record} on a miss (counted in hits/misses). */
    ModelTape model(Key key, Supplier<ModelTape> record) {
        boolean cached = tapes.containsKey(key);
        ModelTape tape = get(key, record, ModelTape::bytes);
        if (cached) {
            hits++;
        } else {
            misses++;
        }
        return tape;
    }

    @SuppressWarnings("unchecked")
    private <T> T get(Object key, Supplier<T> make, ToLongFunction<T> size) {
        Entry e = tapes.get(key);
        if (e != null) {
            return (T) e.tape;
        }
        T tape = make.get();
        long n = size.applyAsLong(tape);
        tapes.put(key, new Entry(tape, n));
        bytes += n;
        evictOverBudget();
        return tape;
    }

    /** Drops least recently used tapes until within budget; a tape larger than the budget is not kept. */
    private void evictOverBudget() {
        Iterator<Map.Entry<Object, Entry>> it = tapes.entrySet().iterator();
        while (bytes > budgetBytes && it.hasNext()) {
            bytes -= it.next().getValue().bytes;
            it.remove();
        }
    }

    long hits() {
        return hits;
    }

    long misses() {
        return misses;
    }

    /** Model tapes held. */
    int size() {
        return (int) tapes.keySet().stream().filter(k -> k instanceof Key).count();
    }

    long bytes() {
        return bytes;
    }
}
