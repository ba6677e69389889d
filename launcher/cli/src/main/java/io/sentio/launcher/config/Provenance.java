package io.sentio.launcher.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentio.launcher.SentioException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Where a params file came from, when the optimizer wrote it (its {@code provenance} section:
 * study, trained range, trials, DSR, PBO, data fingerprint, code version). A run whose sessions
 * overlap the trained range measures the parameters on the days they were chosen on: the tool
 * labels it IN-SAMPLE itself, rather than leaving that to whoever copies the figure.
 */
public record Provenance(String study, LocalDate trainedFrom, LocalDate trainedTo, int trials, Double dsr, Double pbo) {
    public static final String KEY = "provenance";

    /** The provenance section of a params object, or null when it has none. */
    public static Provenance of(JsonNode root, String source) {
        JsonNode p = root.get(KEY);
        if (p == null) {
            return null;
        }
        if (!p.isObject()) {
            throw SentioException.badUsage(source + ": key '" + KEY + "' must be an object");
        }
        return new Provenance(p.path("study").asText("?"), date(p, "trained_from", source), date(p, "trained_to", source),
            p.path("trials").asInt(0), number(p, "deflated_sharpe"), number(p, "pbo"));
    }

    private static LocalDate date(JsonNode p, String key, String source) {
        JsonNode v = p.get(key);
        try {
            return LocalDate.parse(v == null ? "" : v.asText());
        } catch (DateTimeParseException e) {
            throw SentioException.badUsage(source + ": key '" + KEY + "." + key + "' must be a date (YYYY-MM-DD), got " + v);
        }
    }

    private static Double number(JsonNode p, String key) {
        JsonNode v = p.get(key);
        return v == null || !v.isNumber() ? null : v.asDouble();
    }

    /** Whether sessions {@code first..last} overlap the trained range. */
    public boolean overlaps(LocalDate first, LocalDate last) {
        return !first.isAfter(trainedTo) && !last.isBefore(trainedFrom);
    }

    /** The banner of a run over {@code first..last}: IN-SAMPLE when it overlaps, else out of sample. */
    public String banner(LocalDate first, LocalDate last) {
        String chosen = String.format(Locale.ROOT, "params chosen by study %s on %s..%s over %d trials (DSR %s, PBO %s)",
            study, trainedFrom, trainedTo, trials, fmt(dsr), fmt(pbo));
        return overlaps(first, last)
            ? "IN-SAMPLE: this run's sessions " + first + ".." + last + " overlap the range its " + chosen
            : "out of sample: this run's sessions " + first + ".." + last + " lie outside the range its " + chosen;
    }

    private static String fmt(Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }
}
