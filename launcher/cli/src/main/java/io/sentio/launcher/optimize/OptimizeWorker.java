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
import java.util.Iterator;
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
    private static final Set<String> KEYS = Set.of("id", "cmd", "params", "from", "to");

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
                    throw SentioException.badUsage("unknown request key '" + key + "' (known: cmd, from, id, params, to)");
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
                default:
                    throw SentioException.badUsage("unknown cmd '" + command + "' (known: evaluate, info, sessions)");
            }
        } catch (SentioException e) {
            return error(id, e.getMessage());
        } catch (ConfigException e) {
            return error(id, "params: " + e.getMessage());
        } catch (RuntimeException e) {
            log.println("sentio optimize-worker: request " + id + " failed: " + e);
            e.printStackTrace(log);
            return error(id, "internal error: " + e);
        }
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
        JsonNode params = request.get("params");
        if (params == null) {
            throw SentioException.badUsage("evaluate needs \"params\" (a full rotation_params.json object)");
        }
        String source = "request " + id + " params";
        StrategyParams p = evaluator.params(params, source);
        LocalDate from = date(request, "from");
        LocalDate to = date(request, "to");
        long start = System.nanoTime();
        RunResult result = evaluator.run(p, from, to);
        log.printf(Locale.ROOT, "sentio optimize-worker: request %s: %d sessions %s..%s in %.3f s; %s%n",
            id, result.metrics.sessions, from, to, (System.nanoTime() - start) / 1e9, evaluator.tapeSummary());
        ObjectNode r = MAPPER.createObjectNode().set("id", id);
        r.set("metrics", TrialEvaluator.metrics(result));
        return r;
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
