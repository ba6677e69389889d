package io.sentio.launcher.optimize;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sentio.core.config.ConfigException;
import io.sentio.core.config.StrategyParams;
import io.sentio.core.pipeline.RunResult;
import io.sentio.launcher.ExitCodes;
import io.sentio.launcher.SentioException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The request loop of {@code sentio optimize-worker} (tools/WORKER-PROTOCOL.md): one JSON request
 * per line in, exactly one compact JSON response per line out, flushed. A request it cannot serve
 * gets {@code {"id":..,"error":..}} and the loop goes on; only a line that is not JSON (or an I/O
 * error) ends it, with exit code 1, after an error response with {@code "id": null}.
 */
public final class OptimizeWorker {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> KEYS = Set.of("id", "cmd", "params", "from", "to", "trials");
    private static final Set<String> TRIAL_KEYS = Set.of("params", "from", "to");

    private final LoadedMarket market;
    private final TrialEvaluator evaluator;
    private final PrintStream log;

    public OptimizeWorker(LoadedMarket market, TrialEvaluator evaluator, PrintStream log) {
        this.market = market;
        this.evaluator = evaluator;
        this.log = log;
    }

    /** Serves requests until end of input; returns the exit code. */
    public int serve(BufferedReader in, Writer out) {
        try {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode request;
                try {
                    request = MAPPER.readTree(line);
                } catch (JsonProcessingException e) {
                    respond(out, error(null, "malformed JSON request: " + e.getOriginalMessage()));
                    return ExitCodes.FAILURE;
                }
                respond(out, handle(request));
            }
            return ExitCodes.OK;
        } catch (IOException e) {
            log.println("sentio optimize-worker: I/O error: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
    }

    private static void respond(Writer out, ObjectNode response) throws IOException {
        out.write(MAPPER.writeValueAsString(response));
        out.write('\n');
        out.flush();
    }

    /** The response to one parsed request; never throws for a bad request. */
    ObjectNode handle(JsonNode request) {
        JsonNode id = request.isObject() ? request.get("id") : null;
        if (id == null || !id.isIntegralNumber()) {
            return error(null, "request needs an integer \"id\", got " + (id == null ? "none" : id.toString()));
        }
        try {
            for (Iterator<String> it = request.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!KEYS.contains(key)) {
                    throw SentioException.badUsage("unknown request key '" + key
                        + "' (known: cmd, from, id, params, to, trials)");
                }
            }
            JsonNode cmd = request.get("cmd");
            String command = cmd == null ? "evaluate" : cmd.asText();
            if (cmd != null && !cmd.isTextual()) {
                throw SentioException.badUsage("\"cmd\" must be a string, got " + cmd);
            }
            switch (command) {
                case "sessions":
                    return sessions(id);
                case "info":
                    return info(id);
                case "evaluate":
                    return evaluate(id, request);
                case "batch":
                    return batch(id, request);
                default:
                    throw SentioException.badUsage("unknown cmd '" + command + "' (known: batch, evaluate, info, sessions)");
            }
        } catch (RuntimeException e) {
            return error(id, failure("request " + id, e));
        }
    }

    /** The error text of a refused or failed request or trial; an unexpected exception is logged with its trace. */
    private String failure(String what, RuntimeException e) {
        if (e instanceof SentioException) {
            return e.getMessage();
        }
        if (e instanceof ConfigException) {
            return "params: " + e.getMessage();
        }
        log.println("sentio optimize-worker: " + what + " failed: " + e);
        e.printStackTrace(log);
        return "internal error: " + e;
    }

    private ObjectNode sessions(JsonNode id) {
        ObjectNode r = MAPPER.createObjectNode().set("id", id);
        var days = r.putArray("sessions");
        for (LocalDate d : market.sessions()) {
            days.add(d.toString());
        }
        return r;
    }

    /** What a study must agree on before two workers' trials may be pooled (WORKER-PROTOCOL.md). */
    private ObjectNode info(JsonNode id) {
        ObjectNode r = MAPPER.createObjectNode().set("id", id);
        r.put("data_fingerprint", market.fingerprint());
        var symbols = r.putArray("symbols");
        market.universe().symbols().forEach(symbols::add);
        r.set("costs", evaluator.costs());
        r.put("sessions", market.sessions().size());
        return r;
    }

    private ObjectNode evaluate(JsonNode id, JsonNode request) {
        if (request.has("trials")) {
            throw SentioException.badUsage("\"trials\" belongs to cmd \"batch\", not evaluate");
        }
        TrialEvaluator.Trial t = trial(request, "request " + id + " params");
        long start = System.nanoTime();
        RunResult result = evaluator.run(t.params(), t.from(), t.to());
        log.printf(Locale.ROOT, "sentio optimize-worker: request %s: %d sessions %s..%s in %.3f s; %s%n",
            id, result.metrics.sessions, t.from(), t.to(), (System.nanoTime() - start) / 1e9, evaluator.tapeSummary());
        ObjectNode r = MAPPER.createObjectNode().set("id", id);
        r.set("metrics", TrialEvaluator.metrics(result));
        return r;
    }

    private TrialEvaluator.Trial trial(JsonNode request, String source) {
        JsonNode params = request.get("params");
        if (params == null) {
            throw SentioException.badUsage("evaluate needs \"params\" (a full rotation_params.json object)");
        }
        StrategyParams p = evaluator.params(params, source);
        return new TrialEvaluator.Trial(p, date(request, "from"), date(request, "to"));
    }

    /**
     * {@code batch} (protocol version 3): the trials' answers in order, each a {@code metrics} or an
     * {@code error} object exactly as its own {@code evaluate} would answer; one bad trial fails alone.
     */
    private ObjectNode batch(JsonNode id, JsonNode request) {
        for (String key : TRIAL_KEYS) {
            if (request.has(key)) {
                throw SentioException.badUsage("batch carries \"" + key + "\" inside each of its \"trials\"");
            }
        }
        JsonNode trials = request.get("trials");
        if (trials == null || !trials.isArray() || trials.isEmpty()) {
            throw SentioException.badUsage("batch needs \"trials\": a non-empty array of {params, from, to}");
        }
        String[] errors = new String[trials.size()];
        List<TrialEvaluator.Trial> valid = new ArrayList<>();
        List<Integer> validIndex = new ArrayList<>();
        for (int i = 0; i < trials.size(); i++) {
            String what = "request " + id + " trial " + i;
            try {
                valid.add(batchTrial(trials.get(i), what));
                validIndex.add(i);
            } catch (RuntimeException e) {
                errors[i] = named(what, failure(what, e));
            }
        }
        long start = System.nanoTime();
        List<TrialEvaluator.Outcome> outcomes = evaluator.runBatch(valid);
        ObjectNode[] answers = new ObjectNode[trials.size()];
        for (int k = 0; k < outcomes.size(); k++) {
            int i = validIndex.get(k);
            TrialEvaluator.Outcome o = outcomes.get(k);
            if (o.error() != null) {
                String what = "request " + id + " trial " + i;
                errors[i] = named(what, failure(what, o.error()));
            } else {
                answers[i] = MAPPER.createObjectNode().set("metrics", TrialEvaluator.metrics(o.result()));
            }
        }
        ObjectNode r = MAPPER.createObjectNode().set("id", id);
        var results = r.putArray("results");
        int failed = 0;
        for (int i = 0; i < answers.length; i++) {
            if (errors[i] != null) {
                failed++;
                results.addObject().put("error", errors[i]);
            } else {
                results.add(answers[i]);
            }
        }
        log.printf(Locale.ROOT, "sentio optimize-worker: request %s: batch of %d trials (%d failed) in %.3f s; %s%n",
            id, answers.length, failed, (System.nanoTime() - start) / 1e9, evaluator.tapeSummary());
        return r;
    }

    /** A trial's error names the trial. */
    private static String named(String what, String message) {
        return message.contains(what) ? message : what + ": " + message;
    }

    private TrialEvaluator.Trial batchTrial(JsonNode t, String what) {
        if (t == null || !t.isObject()) {
            throw SentioException.badUsage(what + ": a trial is an object {params, from, to}, got " + t);
        }
        for (Iterator<String> it = t.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!TRIAL_KEYS.contains(key)) {
                throw SentioException.badUsage(what + ": unknown trial key '" + key + "' (known: from, params, to)");
            }
        }
        return trial(t, what + " params");
    }

    private static LocalDate date(JsonNode request, String key) {
        JsonNode v = request.get(key);
        if (v == null || !v.isTextual()) {
            throw SentioException.badUsage("evaluate needs \"" + key + "\" as \"YYYY-MM-DD\", got " + (v == null ? "none" : v));
        }
        try {
            return LocalDate.parse(v.textValue());
        } catch (DateTimeParseException e) {
            throw SentioException.badUsage("\"" + key + "\": not a date (YYYY-MM-DD): " + v.textValue());
        }
    }

    private static ObjectNode error(JsonNode id, String message) {
        ObjectNode r = MAPPER.createObjectNode();
        if (id == null) {
            r.putNull("id");
        } else {
            r.set("id", id);
        }
        return r.put("error", message);
    }
}
