package io.sentio.core.config;

import java.util.function.Function;

/**
 * Collects values for a params class (e.g. {@code StrategyParams.defaults().toBuilder()
 * .set(MAX_POSITIONS, 2).conclude()}); {@link #conclude()} validates and builds.
 */
public final class ParamBuilder<T> {
    private final ParamValues values;
    private final Function<ParamValues, T> build;

    ParamBuilder(ParamValues values, Function<ParamValues, T> build) {
        this.values = values;
        this.build = build;
    }

    public ParamBuilder<T> set(Param p, long v) {
        values.set(p, v);
        return this;
    }

    public ParamBuilder<T> set(Param p, double v) {
        values.set(p, v);
        return this;
    }

    public ParamBuilder<T> set(Param p, boolean v) {
        values.set(p, v);
        return this;
    }

    /** For CHOICE rows and array rows ({@code int[]}, {@code double[]}). */
    public ParamBuilder<T> set(Param p, Object v) {
        values.set(p, v);
        return this;
    }

    /** The validated params; throws a {@link ConfigException} naming the first bad key. */
    public T conclude() {
        return build.apply(values.copy());
    }
}
