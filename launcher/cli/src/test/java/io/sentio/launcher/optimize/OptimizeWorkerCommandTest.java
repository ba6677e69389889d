package io.sentio.launcher.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sentio.core.synth.SyntheticMarket;
import io.sentio.launcher.Cli;
import io.sentio.launcher.cli.DefaultEngineWiring;
import io.sentio.launcher.cli.OptimizeWorkerCommand;
import io.sentio.launcher.data.BarCsvWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code sentio optimize-worker} speaking tools/WORKER-PROTOCOL.md over a small CSV market. */
class OptimizeWorkerCommandTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Three synthetic sessions written as bar CSV files, as `sentio generate` would leave them. */
    private static Path market(Path dir) throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        SyntheticMarket m = SyntheticMarket.generate(5, LocalDate.of(2025, 4, 1), 3);
        for (String symbol : m.universe().symbols()) {
            BarCsvWriter.write(m.source(symbol), data.resolve(symbol + "_RTH_NH.csv"));
        }
        return data;
    }

    private static String params() throws Exception {
        return MAPPER.readTree(Files.readAllBytes(Cli.configDir().resolve("rotation_params.json"))).toString();
    }

    private record Session(int exitCode, List<JsonNode> responses, String err) {
    }

    private static Session serve(Path data, String... requests) throws Exception {
        return serve(List.of(), data, requests);
    }

    private static Session serve(List<String> options, Path data, String... requests) throws Exception {
        ByteArrayInputStream in = new ByteArrayInputStream((String.join("\n", requests) + "\n").getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        OptimizeWorkerCommand cmd = new OptimizeWorkerCommand(new DefaultEngineWiring(), in, out,
            new PrintStream(err, true, StandardCharsets.UTF_8));
        List<String> args = new ArrayList<>(List.of("--data", data.toString(),
            "--symbols", Cli.configDir().resolve("symbols.json").toString(),
            "--params", Cli.configDir().resolve("rotation_params.json").toString()));
        args.addAll(options);
        int code = new CommandLine(cmd).execute(args.toArray(String[]::new));
        List<JsonNode> responses = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                responses.add(MAPPER.readTree(line));
            }
        }
        return new Session(code, responses, err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void shouldAnswerEveryRequestInOrderAndKeepServingAfterBadOnes(@TempDir Path dir) throws Exception {
        Path data = market(dir);
        String p = params();
        String evaluate = "{\"id\":2,\"cmd\":\"evaluate\",\"params\":" + p + ",\"from\":\"2025-04-01\",\"to\":\"2025-04-03\"}";
        String withoutCosts = evaluate.replace("\"id\":2", "\"id\":10").replaceAll("\"costs\":\\{[^}]*\\},?", "");
        assertFalse(withoutCosts.contains("costs"), withoutCosts);
        Session s = serve(data,
            "{\"id\":1,\"cmd\":\"sessions\"}",
            evaluate,
            "{\"id\":3,\"params\":{\"oes\":{\"ewrls_lambda\":1.2}},\"from\":\"2025-04-01\",\"to\":\"2025-04-03\"}",
            "{\"id\":4,\"params\":{\"max_positions\":2,\"bogus\":1},\"from\":\"2025-04-01\",\"to\":\"2025-04-03\"}",
            "{\"id\":5,\"cmd\":\"train\"}",
            "{\"id\":6,\"params\":{},\"from\":\"2025-04-31\",\"to\":\"2025-05-01\"}",
            "{\"id\":7,\"params\":{\"costs\":{\"slippage_bps\":0.0}},\"from\":\"2025-04-01\",\"to\":\"2025-04-03\"}",
            "{\"id\":8,\"params\":{},\"from\":\"2025-06-01\",\"to\":\"2025-06-05\"}",
            evaluate.replace("\"id\":2", "\"id\":9"),
            withoutCosts);
        assertEquals(0, s.exitCode, s.err);
        assertEquals(10, s.responses.size(), s.responses.toString());
        for (int i = 0; i < 10; i++) {
            assertEquals(i + 1, s.responses.get(i).get("id").asInt(), "one response per request, in order");
        }
        assertEquals("[\"2025-04-01\",\"2025-04-02\",\"2025-04-03\"]", s.responses.get(0).get("sessions").toString());
        JsonNode m = s.responses.get(1).get("metrics");
        assertEquals(3, m.get("sessions").asInt());
        assertEquals(3, m.get("daily").size());
        assertTrue(m.get("trades").asInt() > 0, "the real learners trade: " + m);
        assertTrue(m.get("max_drawdown_pct").asDouble() <= 0, "protocol sign: drawdown <= 0");
        assertTrue(s.responses.get(2).get("error").asText().contains("'oes.ewrls_lambda': value 1.2 out of range"));
        assertTrue(s.responses.get(3).get("error").asText().contains("unknown key 'bogus'"));
        assertTrue(s.responses.get(4).get("error").asText().contains("unknown cmd 'train'"));
        assertTrue(s.responses.get(5).get("error").asText().contains("\"from\": not a date"));
        assertTrue(s.responses.get(6).get("error").asText().contains("'costs.slippage_bps'"),
            "costs come from the worker's --params, never from a trial");
        assertTrue(s.responses.get(7).get("error").asText().contains("no session in the data between 2025-06-01"));
        assertEquals(m.toString(), s.responses.get(8).get("metrics").toString(),
            "equal requests give identical metrics: nothing carries over between evaluations");
        assertEquals(m.toString(), s.responses.get(9).get("metrics").toString(),
            "a request without a costs section gets the worker's costs");
    }

    @Test
    void shouldPinEveryCostToTheWorkersParamsAndFillInTheCostsARequestLeavesOut(@TempDir Path dir) throws Exception {
        Path data = market(dir);
        String range = ",\"from\":\"2025-04-01\",\"to\":\"2025-04-02\"}";
        Session s = serve(data,
            "{\"id\":1,\"params\":{\"costs\":{\"half_spread_ticks\":0.0}}" + range,
            "{\"id\":2,\"params\":{\"costs\":{\"tick_size\":0.05}}" + range,
            "{\"id\":3,\"params\":{\"costs\":{\"slippage_bps\":1.0}}" + range,
            "{\"id\":4,\"params\":{}" + range);
        assertEquals(4, s.responses.size(), s.responses.toString());
        assertTrue(s.responses.get(0).get("error").asText().contains("'costs.half_spread_ticks'"), s.responses.toString());
        assertTrue(s.responses.get(1).get("error").asText().contains("'costs.tick_size'"), s.responses.toString());
        assertEquals(s.responses.get(3).get("metrics").toString(), s.responses.get(2).get("metrics").toString(),
            "a costs section naming only the worker's slippage keeps the worker's half spread and tick");
    }

    @Test
    void shouldGiveTheMetricsOfTheSameBacktestOverTheSameRange(@TempDir Path dir) throws Exception {
        Path data = market(dir);
        Session s = serve(data, "{\"id\":1,\"params\":" + params() + ",\"from\":\"2025-04-02\",\"to\":\"2025-04-03\"}");
        JsonNode worker = s.responses.get(0).get("metrics");
        Path json = dir.resolve("bt.json");
        Cli bt = Cli.run("backtest", "--data", data.toString(), "--from", "2025-04-02", "--to", "2025-04-03",
            "--symbols", Cli.configDir().resolve("symbols.json").toString(),
            "--params", Cli.configDir().resolve("rotation_params.json").toString(), "--json", json.toString());
        assertEquals(0, bt.exitCode, bt.toString());
        JsonNode backtest = MAPPER.readTree(Files.readAllBytes(json));
        assertEquals(2, worker.get("sessions").asInt());
        for (String key : new String[] {"sharpe", "mrd_pct", "total_return_pct", "trades", "win_rate"}) {
            assertEquals(backtest.get(key).toString(), worker.get(key).toString(), key);
        }
        assertEquals(-backtest.get("max_drawdown_pct").asDouble(), worker.get("max_drawdown_pct").asDouble(), 0.0);
        assertEquals(backtest.get("daily").get(1).get("return_pct").toString(),
            worker.get("daily").get(1).get("return_pct").toString());
    }

    @Test
    void shouldDescribeItsDataSoThatStudiesRefuseWorkersOnOtherData(@TempDir Path dir) throws Exception {
        Path data = market(dir);
        String info = "{\"id\":1,\"cmd\":\"info\"}";
        JsonNode first = serve(data, info).responses.get(0);
        assertEquals(64, first.get("data_fingerprint").asText().length(), first.toString());
        assertEquals(12, first.get("symbols").size());
        assertEquals(3, first.get("sessions").asInt());
        for (String key : new String[] {"slippage_bps", "half_spread_ticks", "tick_size", "commission_per_share"}) {
            assertTrue(first.get("costs").has(key), first.toString());
        }
        assertEquals(first.toString(), serve(data, info).responses.get(0).toString(), "same data, same answer");

        Path other = dir.resolve("other");
        Files.createDirectories(other);
        for (Path f : Files.newDirectoryStream(data)) {
            Files.copy(f, other.resolve(f.getFileName()));
        }
        Path spy = other.resolve("SPY_RTH_NH.csv");
        List<String> rows = new ArrayList<>(Files.readAllLines(spy));
        rows.remove(rows.size() - 1);
        Files.write(spy, rows);
        String changed = serve(other, info).responses.get(0).get("data_fingerprint").asText();
        assertFalse(changed.equals(first.get("data_fingerprint").asText()), "one bar less is other data");
    }

    @Test
    void shouldReportTheEqualWeightBasketBesideEachDailyReturn(@TempDir Path dir) throws Exception {
        Path data = market(dir);
        JsonNode m = serve(data, "{\"id\":1,\"params\":" + params() + ",\"from\":\"2025-04-01\",\"to\":\"2025-04-03\"}")
            .responses.get(0).get("metrics");
        JsonNode basket = m.get("basket_daily");
        assertEquals(3, basket.size(), m.toString());
        for (int i = 0; i < 3; i++) {
            assertEquals(m.get("daily").get(i).get("date"), basket.get(i).get("date"));
            assertTrue(Double.isFinite(basket.get(i).get("return_pct").asDouble()));
        }
        assertNotEquals(0.0, basket.get(0).get("return_pct").asDouble(), "the basket moves with the market");
    }

    @Test
    void shouldGiveByteIdenticalMetricsFromModelTapesAndFromFullPipelines(@TempDir Path dir) throws Exception {
        Path data = market(dir);
        JsonNode base = MAPPER.readTree(params());
        List<String> requests = new ArrayList<>();
        String[] variants = {
            "{}",
            "{\"buy_threshold\":0.53,\"min_hold_bars\":3}",
            "{\"max_positions\":1,\"rotation_threshold\":1.1}",
            "{\"oes\":{\"probability_scale\":40,\"bb_amplification\":false}}",
            "{\"oes\":{\"ewrls_lambda\":0.99}}",
            "{\"buy_threshold\":0.53,\"min_hold_bars\":3}",
            "{\"decision\":\"expected_return\",\"calibration\":{\"min_labels\":100}}",
            "{\"decision\":\"expected_return\",\"entry_cost_multiple\":0.5,\"max_hold_bars\":20,"
                + "\"calibration\":{\"min_labels\":100,\"half_life\":500}}",
        };
        for (int i = 0; i < variants.length; i++) {
            com.fasterxml.jackson.databind.node.ObjectNode p = base.deepCopy();
            JsonNode change = MAPPER.readTree(variants[i]);
            change.fields().forEachRemaining(e -> {
                if (e.getValue().isObject()) {
                    ((com.fasterxml.jackson.databind.node.ObjectNode) p.get(e.getKey())).setAll(
                        (com.fasterxml.jackson.databind.node.ObjectNode) e.getValue());
                } else {
                    p.set(e.getKey(), e.getValue());
                }
            });
            requests.add("{\"id\":" + (i + 1) + ",\"params\":" + p + ",\"from\":\"2025-04-01\",\"to\":\"2025-04-03\"}");
        }
        Session tapes = serve(data, requests.toArray(String[]::new));
        Session full = serve(List.of("--no-tapes"), data, requests.toArray(String[]::new));
        assertEquals(0, tapes.exitCode, tapes.err);
        for (int i = 0; i < variants.length; i++) {
            JsonNode m = tapes.responses.get(i).get("metrics");
            assertTrue(m != null, tapes.responses.get(i).toString());
            assertEquals(full.responses.get(i).toString(), tapes.responses.get(i).toString(), "variant " + variants[i]);
        }
        assertTrue(tapes.err.contains("tapes 2 ("), "one model pass per model-parameter set: " + tapes.err);
        assertTrue(tapes.err.contains("hits 6, misses 2"), tapes.err);
        for (int i = variants.length - 2; i < variants.length; i++) {
            assertTrue(tapes.responses.get(i).get("metrics").get("trades").asLong() > 0, "variant " + variants[i] + " trades");
        }
        assertTrue(full.err.contains("no tapes"), full.err);
    }

    @Test
    void shouldAnswerABatchTrialByTrialExactlyAsOneRequestPerTrialAndFailBadTrialsAlone(@TempDir Path dir)
        throws Exception {
        Path data = market(dir);
        JsonNode base = MAPPER.readTree(params());
        String[] variants = {
            "{\"buy_threshold\":0.53,\"min_hold_bars\":3}",
            "{\"oes\":{\"ewrls_lambda\":0.99}}",
            "{}",
            "{\"buy_threshold\":7}",
            "{\"max_positions\":1,\"rotation_threshold\":1.1}",
            "{\"oes\":{\"ewrls_lambda\":0.99},\"buy_threshold\":0.53}",
        };
        List<String> single = new ArrayList<>();
        List<String> trials = new ArrayList<>();
        for (int i = 0; i < variants.length; i++) {
            com.fasterxml.jackson.databind.node.ObjectNode p = base.deepCopy();
            MAPPER.readTree(variants[i]).fields().forEachRemaining(e -> {
                if (e.getValue().isObject()) {
                    ((com.fasterxml.jackson.databind.node.ObjectNode) p.get(e.getKey())).setAll(
                        (com.fasterxml.jackson.databind.node.ObjectNode) e.getValue());
                } else {
                    p.set(e.getKey(), e.getValue());
                }
            });
            String trial = "\"params\":" + p + ",\"from\":\"2025-04-01\",\"to\":\"2025-04-03\"";
            single.add("{\"id\":" + (i + 1) + "," + trial + "}");
            trials.add("{" + trial + "}");
        }
        trials.add("{\"params\":" + base + ",\"from\":\"2025-04-03\",\"to\":\"2025-04-01\"}");
        trials.add("{\"params\":" + base + ",\"from\":\"2025-04-01\",\"to\":\"2025-04-03\",\"seed\":1}");
        String batch = "{\"id\":9,\"cmd\":\"batch\",\"trials\":[" + String.join(",", trials) + "]}";

        Session one = serve(data, single.toArray(String[]::new));
        for (List<String> options : List.of(List.<String>of(), List.of("--no-tapes"))) {
            Session s = serve(options, data, batch, "{\"id\":10,\"cmd\":\"batch\",\"trials\":[]}");
            assertEquals(0, s.exitCode, s.err);
            assertEquals(2, s.responses.size(), s.responses.toString());
            JsonNode results = s.responses.get(0).get("results");
            assertEquals(9, s.responses.get(0).get("id").asInt());
            assertEquals(variants.length + 2, results.size(), results.toString());
            for (int i = 0; i < variants.length; i++) {
                JsonNode alone = one.responses.get(i);
                JsonNode expected = alone.has("error")
                    ? MAPPER.createObjectNode().put("error", alone.get("error").asText().replace("request " + (i + 1),
                        "request 9 trial " + i))
                    : MAPPER.createObjectNode().set("metrics", alone.get("metrics"));
                assertEquals(expected.toString(), results.get(i).toString(), options + " variant " + variants[i]);
            }
            assertTrue(results.get(3).get("error").asText().contains("request 9 trial 3 params: key 'buy_threshold'"),
                results.get(3).toString());
            assertEquals("request 9 trial 6: from 2025-04-03 is after to 2025-04-01",
                results.get(6).get("error").asText());
            assertTrue(results.get(7).get("error").asText().contains("request 9 trial 7: unknown trial key 'seed'"),
                results.get(7).toString());
            assertTrue(s.responses.get(1).get("error").asText().contains("batch needs \"trials\""),
                s.responses.get(1).toString());
            if (options.isEmpty()) {
                assertTrue(s.err.contains("batch of 8 trials (3 failed)") && s.err.contains("hits 3, misses 2"),
                    "one model pass per model-parameter set of the batch: " + s.err);
            }
        }
    }

    @Test
    void shouldStopWithExitOneAfterAnsweringMalformedJson(@TempDir Path dir) throws Exception {
        Session s = serve(market(dir), "{\"id\":1,\"cmd\":\"sessions\"}", "{not json", "{\"id\":2,\"cmd\":\"sessions\"}");
        assertEquals(1, s.exitCode);
        assertEquals(2, s.responses.size(), "nothing is served after malformed input");
        assertTrue(s.responses.get(1).get("id").isNull());
        assertFalse(s.responses.get(1).get("error").asText().isEmpty());
    }

    @Test
    void shouldExitTwoWithoutServingWhenTheDataFolderIsMissing(@TempDir Path dir) {
        Cli cli = Cli.run("optimize-worker", "--data", dir.resolve("absent").toString());
        assertEquals(2, cli.exitCode, cli.toString());
        assertTrue(cli.err.contains("--data: not a directory"), cli.err);
        assertEquals("", cli.out);
    }
}
