package io.sentio.core.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An ordered set of {@link Param} rows. Dotted keys ({@code oes.ridge}) put a row in a section
 * ({@code oes}), which is a nested object in the JSON file. Loading, validation, printing and the
 * JSON Schema all walk a table, so a row added here needs no other edit to be read and checked.
 */
public final class ParamTable {
    private final List<Param> params;
    private final Map<String, Param> byKey = new LinkedHashMap<>();
    private final Map<Param, Integer> index = new IdentityHashMap<>();

    private ParamTable(List<Param> params) {
        this.params = List.copyOf(params);
        for (int i = 0; i < this.params.size(); i++) {
            Param p = this.params.get(i);
            if (p.scope() == null || p.meaning().isEmpty()) {
                throw new IllegalArgumentException(p.key() + ": a row needs model(..) or desk(..) with a meaning");
            }
            if (byKey.put(p.key(), p) != null) {
                throw new IllegalArgumentException(p.key() + ": duplicate key");
            }
            p.check(p.defaultValue());
            index.put(p, i);
        }
        for (String k : byKey.keySet()) {
            if (isSection(k)) {
                throw new IllegalArgumentException(k + ": both a value and a section");
            }
        }
    }

    public static ParamTable of(Param... params) {
        return new ParamTable(List.of(params));
    }

    /** This table plus {@code more} rows at the end. */
    public ParamTable with(Param... more) {
        List<Param> all = new ArrayList<>(params);
        Collections.addAll(all, more);
        return new ParamTable(all);
    }

    public List<Param> params() {
        return params;
    }

    public int size() {
        return params.size();
    }

    /** The row with this dotted key, or null. */
    public Param find(String key) {
        return byKey.get(key);
    }

    int indexOf(Param p) {
        Integer i = index.get(p);
        if (i == null) {
            throw new IllegalArgumentException(p.key() + ": not a row of this table");
        }
        return i;
    }

    /** True when some row's key starts with {@code path + "."}. */
    public boolean isSection(String path) {
        for (String k : byKey.keySet()) {
            if (k.startsWith(path + ".")) {
                return true;
            }
        }
        return false;
    }

    /** Names directly inside a section ({@code ""} for the top level), values and sub-sections, in table order. */
    public Set<String> childNames(String section) {
        String prefix = section.isEmpty() ? "" : section + ".";
        Set<String> names = new LinkedHashSet<>();
        for (String k : byKey.keySet()) {
            if (k.startsWith(prefix)) {
                String rest = k.substring(prefix.length());
                int dot = rest.indexOf('.');
                names.add(dot < 0 ? rest : rest.substring(0, dot));
            }
        }
        return names;
    }

    /** A fresh set of values holding every default. */
    public ParamValues defaults() {
        return new ParamValues(this);
    }
}
