package io.sentio.launcher.optimize;

import io.sentio.core.config.StrategyParams;
import io.sentio.core.pipeline.ModelTape;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Model tapes of the worker, one per model-parameter set and range, kept within a byte budget and
 * evicted least recently used first. A trial whose model was already run costs only its desk.
 */
final class TapeCache {
    private final long budgetBytes;
    private final LinkedHashMap<Key, ModelTape> tapes = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;
    private long hits;
    private long misses;

    TapeCache(long budgetBytes) {
        if (budgetBytes < 0) {
            throw new IllegalArgumentException("tape budget must be >= 0 bytes, got " + budgetBytes);
        }
        this.budgetBytes = budgetBytes;
    }

    /**
     * What a tape depends on: the model parameters (DESIGN §3), the sync limits (a skipped bar set
     * trains no model) and the range.
     */
    record Key(int[] horizons, double ewrlsLambda, double initialVariance, double regularization, double ridge,
               double maxTrace, int maxForwardFill, int maxMissingSymbols, LocalDate from, LocalDate to) {
        static Key of(StrategyParams p, LocalDate from, LocalDate to) {
            return new Key(p.oes.horizons(), p.oes.ewrlsLambda, p.oes.initialVariance, p.oes.regularization,
                p.oes.ridge, p.oes.maxTrace, p.maxForwardFill, p.maxMissingSymbols, from, to);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(horizons, k.horizons)
                && Double.compare(ewrlsLambda, k.ewrlsLambda) == 0
                && Double.compare(initialVariance, k.initialVariance) == 0
                && Double.compare(regularization, k.regularization) == 0 && Double.compare(ridge, k.ridge) == 0
                && Double.compare(maxTrace, k.maxTrace) == 0 && maxForwardFill == k.maxForwardFill
                && maxMissingSymbols == k.maxMissingSymbols && from.equals(k.from) && to.equals(k.to);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(new Object[] {Arrays.hashCode(horizons), ewrlsLambda, initialVariance,
                regularization, ridge, maxTrace, maxForwardFill, maxMissingSymbols, from, to});
        }
    }

    /** The cached tape of {@code key}, or the one {@code record} makes (kept if the budget allows). */
    ModelTape get(Key key, Supplier<ModelTape> record) {
        ModelTape tape = tapes.get(key);
        if (tape != null) {
            hits++;
            return tape;
        }
        misses++;
        tape = record.get();
        tapes.put(key, tape);
        bytes += tape.bytes();
        evictOverBudget();
        return tape;
    }

    /** Drops least recently used tapes until within budget; a tape larger than the budget is not kept. */
    private void evictOverBudget() {
        Iterator<Map.Entry<Key, ModelTape>> it = tapes.entrySet().iterator();
        while (bytes > budgetBytes && it.hasNext()) {
            Map.Entry<Key, ModelTape> e = it.next();
            bytes -= e.getValue().bytes();
            it.remove();
        }
    }

    long hits() {
        return hits;
    }

    long misses() {
        return misses;
    }

    int size() {
        return tapes.size();
    }

    long bytes() {
        return bytes;
    }
}
