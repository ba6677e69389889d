package io.sentio.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A {@link ParamTable} as an aligned plain-text table: key, type, default, range, unit, scope, meaning. */
public final class ParamTableText {
    private static final String[] HEADER = {"key", "type", "default", "range", "unit", "scope", "meaning"};

    private ParamTableText() {
    }

    public static String render(ParamTable table) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (Param p : table.params()) {
            rows.add(new String[] {p.key(), p.type().name().toLowerCase(Locale.ROOT), p.format(p.defaultValue()),
                p.rangeText(), p.unit(), p.scope().name().toLowerCase(Locale.ROOT), p.meaning()});
        }
        int[] width = new int[HEADER.length];
        for (String[] r : rows) {
            for (int c = 0; c < r.length; c++) {
                width[c] = Math.max(width[c], r[c].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            for (int c = 0; c < r.length - 1; c++) {
                sb.append(r[c]).append(" ".repeat(width[c] - r[c].length() + 2));
            }
            sb.append(r[r.length - 1]).append('\n');
        }
        return sb.toString();
    }
}
