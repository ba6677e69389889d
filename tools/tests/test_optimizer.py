"""Tests of tools/optuna_rotation_optimizer.py against the deterministic fake worker.

Run: /usr/bin/python3 -m unittest discover -s tools/tests
"""
import contextlib
import io
import json
import os
import sys
import tempfile
import unittest

TOOLS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, TOOLS)

import optuna_rotation_optimizer as opt  # noqa: E402
from sentio_opt import params, stats  # noqa: E402
from sentio_opt.errors import OptimizerError  # noqa: E402

FAKE = os.path.join(TOOLS, "tests", "fake_worker.py")
REPO = os.path.dirname(TOOLS)


class StatisticsTest(unittest.TestCase):
    def test_should_match_the_deflated_sharpe_example_of_bailey_and_lopez_de_prado(self):
        # Their section 6: N=100 trials, V[SR]=1/2 annualized, best SR 2.5 annualized,
        # T=1250 daily returns, skewness -3, kurtosis 10 -> SR0 = 0.1132, DSR = 0.9004
        # (per-period units with 250 periods a year).
        sr = 2.5 / 250 ** 0.5
        var = 0.5 / 250
        self.assertAlmostEqual(0.1132, stats.expected_max_sharpe(100, var), places=4)
        self.assertAlmostEqual(0.9004, stats.deflated_sharpe(sr, 1250, -3.0, 10.0, 100, var), places=4)

    def test_should_reduce_to_the_probabilistic_sharpe_with_one_trial(self):
        # Hand-computed: z = 0.1 * sqrt(100) / sqrt(1 + 0.5 * 0.01) = 0.997509; Phi(z) = 0.840741.
        self.assertAlmostEqual(0.840741, stats.deflated_sharpe(0.1, 101, 0.0, 3.0, 1, 0.0), places=5)

    def test_should_compute_sharpe_as_design_defines_it(self):
        d = [1.0, -0.5, 0.25, 0.75]
        mean, sd = 0.375, 0.6614378278
        self.assertAlmostEqual(mean / sd * 252 ** 0.5, stats.sharpe(d), places=8)
        self.assertEqual(0.0, stats.sharpe([0.1, 0.1, 0.1]), "zero variance counts as 0")

    def test_should_compute_moments_of_a_normal_like_sample(self):
        skew, kurt = stats.moments([-1.0, 1.0, -1.0, 1.0])
        self.assertAlmostEqual(0.0, skew)
        self.assertAlmostEqual(1.0, kurt)


class WindowTest(unittest.TestCase):
    def test_should_cut_default_windows_over_105_sessions(self):
        w = stats.walk_forward_windows(105, 40, 10, 10)
        self.assertEqual(6, len(w))
        self.assertEqual((0, 40, 40, 50), w[0])
        self.assertEqual((50, 90, 90, 100), w[-1])
        tests = [i for (_, _, c, d) in w for i in range(c, d)]
        self.assertEqual(list(range(40, 100)), tests, "test windows tile without overlap")

    def test_should_only_keep_complete_windows(self):
        self.assertEqual([], stats.walk_forward_windows(49, 40, 10, 10))
        self.assertEqual([(0, 40, 40, 50)], stats.walk_forward_windows(50, 40, 10, 10))

    def test_should_reject_malformed_walk_forward_spec(self):
        with self.assertRaises(OptimizerError):
            stats.parse_walk_forward("40/10")
        with self.assertRaises(OptimizerError):
            stats.walk_forward_windows(100, 1, 10, 10)


class ParamsTest(unittest.TestCase):
    def test_should_set_keys_in_nested_and_flat_layouts(self):
        nested = {"oes": {"ewrls_lambda": 0.995}}
        params.set_key(nested, "oes.ewrls_lambda", 0.99)
        self.assertEqual({"oes": {"ewrls_lambda": 0.99}}, nested)
        flat = {"oes.ewrls_lambda": 0.995}
        params.set_key(flat, "oes.ewrls_lambda", 0.99)
        params.set_key(flat, "oes.max_trace", 1e4)
        self.assertEqual({"oes.ewrls_lambda": 0.99, "oes.max_trace": 1e4}, flat)

    def test_should_never_search_costs(self):
        with self.assertRaises(OptimizerError):
            params.apply_values(params.BUILTIN_DEFAULTS, {"costs.slippage_bps": 0.0})

    def test_should_take_every_default_from_the_generated_schema(self):
        with open(os.path.join(REPO, "config", "presets", "seed.json"), encoding="utf-8") as f:
            seed = json.load(f)
        # The seed preset is the defaults but for the seed strategy's rules (sentio params --seed).
        seed_rules = {"oes.label": "close", "oes.forecast_clip": 1e6, "costs.half_spread_ticks": 0.0}
        for key, value in seed_rules.items():
            self.assertEqual(value, params.get_key(seed, key), key)
            params.set_key(seed, key, params.get_key(params.BUILTIN_DEFAULTS, key))
        self.assertEqual(seed, params.BUILTIN_DEFAULTS)
        self.assertEqual(os.path.join(REPO, "config", "rotation_params.schema.json"), params.SCHEMA_FILE)

    def test_should_read_a_parameter_added_only_to_the_schema(self):
        with open(params.SCHEMA_FILE, encoding="utf-8") as f:
            schema = json.load(f)
        schema["properties"]["dummy"] = {"type": "object", "properties": {
            "knob": {"type": "integer", "default": 7, "minimum": 0, "maximum": 10}}}
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "schema.json")
            with open(path, "w", encoding="utf-8") as f:
                json.dump(schema, f)
            rows = params.load_schema(path)
        self.assertEqual(7, params.schema_defaults(rows)["dummy"]["knob"])
        self.assertEqual(params.BUILTIN_DEFAULTS["oes"], params.schema_defaults(rows)["oes"])

    def test_should_refuse_a_search_range_outside_the_schema_bounds(self):
        with self.assertRaisesRegex(OptimizerError, r"buy_threshold \[0.4, 0.75\] is outside .*\[0.5, 0.95\]"):
            params.check_search_space(params.SCHEMA, (("buy_threshold", 0.4, 0.75, False),))
        with self.assertRaisesRegex(OptimizerError, r"strength_smoothing .*\(0.0, 1.0\]"):
            params.check_search_space(params.SCHEMA, (("strength_smoothing", 0.0, 1.0, False),))
        with self.assertRaisesRegex(OptimizerError, "oes.horizon_weights"):
            params.check_search_space(params.SCHEMA, (), ("oes.horizon_weights", -1.0, 1.0))
        with self.assertRaisesRegex(OptimizerError, "not in the parameter schema"):
            params.check_search_space(params.SCHEMA, (("oes.lambda", 0.9, 1.0, False),))

    def test_should_search_model_parameters_only_on_the_grid(self):
        with self.assertRaises(OptimizerError) as e:
            params.check_search_space(params.SCHEMA, (("oes.ewrls_lambda", 0.98, 0.9999, False),))
        self.assertIn("MODEL_GRID", str(e.exception))
        with self.assertRaises(OptimizerError):
            params.check_search_space(params.SCHEMA, (), grid=(("oes.ewrls_lambda", (0.98, 1.5)),))
        self.assertTrue(all(params.SCHEMA[k]["x-scope"] == "model" for k, _ in params.MODEL_GRID))

    @staticmethod
    def asked(decision, labels=False, n=1, seed=5):
        import optuna
        optuna.logging.set_verbosity(optuna.logging.ERROR)
        study = optuna.create_study(sampler=optuna.samplers.RandomSampler(seed=seed))
        return [params.suggest(study.ask(), 3, decision, labels) for _ in range(n)]

    def test_should_suggest_today_s_space_unless_another_rule_is_asked_for(self):
        values = self.asked("probability")[0]
        self.assertNotIn("decision", values, "the defaults' rule is left alone")
        self.assertNotIn("oes.label", values)
        self.assertEqual({k for k, *_ in params.SEARCH_SPACE} | {"oes.ewrls_lambda", "oes.horizon_weights"},
                         set(values))

    def test_should_search_the_expected_return_keys_only_for_that_rule(self):
        er = self.asked("expected_return")[0]
        self.assertEqual("expected_return", er["decision"])
        for key, *_ in params.EXPECTED_RETURN_SPACE:
            self.assertIn(key, er)
        for key in params.PROBABILITY_ONLY:
            self.assertNotIn(key, er)
        both = self.asked("both", n=30)
        rules = {v["decision"] for v in both}
        self.assertEqual({"probability", "expected_return"}, rules)
        for v in both:
            self.assertEqual(v["decision"] == "expected_return", "entry_cost_multiple" in v, v)
            self.assertEqual(v["decision"] == "probability", "buy_threshold" in v, v)

    def test_should_put_the_label_on_the_model_grid_when_asked(self):
        values = self.asked("probability", labels=True, n=20)
        self.assertEqual({"next_open", "close"}, {v["oes.label"] for v in values})
        self.assertEqual("model", params.SCHEMA["oes.label"]["x-scope"])
        with self.assertRaisesRegex(OptimizerError, "grid key oes.label: 'open' is not one of"):
            params.check_search_space(params.SCHEMA, (), grid=(("oes.label", ("open",)),))

    def test_should_normalize_horizon_weights(self):
        self.assertEqual([0.25, 0.25, 0.5], params.normalize_weights([0.1, 0.1, 0.2]))
        self.assertEqual(3, len(params.normalize_weights([0.0, 0.0, 0.0])))


class EndToEndTest(unittest.TestCase):
    """Drives main() with the fake worker: each test owns a temporary directory and study."""

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = self.tmp.name
        self.log = os.path.join(self.dir, "requests.log")
        self.env = {"FAKE_LOG": self.log, "FAKE_SESSIONS": "60"}
        self.saved_env = {k: os.environ.get(k) for k in ("FAKE_LOG", "FAKE_SESSIONS", "FAKE_FAIL_ABOVE")}
        os.environ.update(self.env)

    def tearDown(self):
        for k, v in self.saved_env.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        self.tmp.cleanup()

    def defaults_file(self):
        path = os.path.join(self.dir, "defaults.json")
        d = json.loads(json.dumps(params.BUILTIN_DEFAULTS))
        d["costs"]["slippage_bps"] = 2.5
        with open(path, "w", encoding="utf-8") as f:
            json.dump(d, f)
        return path

    def run_main(self, *extra, out="best.json", storage_name="study.db", defaults=None):
        argv = ["--data", os.path.join(self.dir, "data"), "--sentio", f"/usr/bin/python3 {FAKE}",
                "--out", os.path.join(self.dir, out),
                "--storage", "sqlite:///" + os.path.join(self.dir, storage_name),
                "--defaults", defaults or self.defaults_file()] + list(extra)
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            code = opt.main(argv)
        return code, err.getvalue()

    def evaluations(self):
        if not os.path.exists(self.log):
            return []
        with open(self.log, encoding="utf-8") as f:
            return f.read().splitlines()

    def read(self, name):
        with open(os.path.join(self.dir, name), encoding="utf-8") as f:
            return json.load(f)

    def test_should_write_full_params_structure_with_costs_untouched(self):
        code, err = self.run_main("--n-trials", "6")
        self.assertEqual(0, code, err)
        best = self.read("best.json")
        self.assertEqual(sorted(list(params.BUILTIN_DEFAULTS) + ["provenance"]), sorted(best))
        self.assertEqual({"slippage_bps": 2.5, "commission_per_share": 0.0, "half_spread_ticks": 0.5,
                          "tick_size": 0.01}, best["costs"])
        self.assertEqual(sorted(params.BUILTIN_DEFAULTS["oes"]), sorted(best["oes"]))
        self.assertAlmostEqual(1.0, sum(best["oes"]["horizon_weights"]), places=9)
        self.assertTrue(0.5 <= best["buy_threshold"] <= 0.75)
        summary = self.read("best.summary.json")
        self.assertEqual(6, summary["in_sample"]["trials_complete"])
        self.assertEqual(6, summary["in_sample"]["deflated_sharpe"]["trials"])
        self.assertEqual(60, summary["sessions"]["count"])
        self.assertIn("6/6 complete", err, "progress on stderr")

    def test_should_start_from_builtin_defaults_when_the_defaults_file_is_absent(self):
        code, err = self.run_main("--n-trials", "2", defaults=os.path.join(self.dir, "absent.json"))
        self.assertEqual(0, code, err)
        self.assertIn("absent.json not found", err)
        best = self.read("best.json")
        self.assertEqual(params.BUILTIN_DEFAULTS["costs"], best["costs"])
        self.assertEqual(params.BUILTIN_DEFAULTS["sync"], best["sync"])

    def test_should_resume_a_study_running_only_the_missing_trials(self):
        self.assertEqual(0, self.run_main("--n-trials", "4")[0])
        self.assertEqual(4, len(self.evaluations()))
        code, err = self.run_main("--n-trials", "7")
        self.assertEqual(0, code, err)
        self.assertEqual(7, len(self.evaluations()))
        self.assertEqual(7, self.read("best.summary.json")["in_sample"]["trials_complete"])
        code, err = self.run_main("--n-trials", "7")
        self.assertIn("nothing to run", err)
        self.assertEqual(7, len(self.evaluations()))

    def test_should_give_the_same_best_params_for_the_same_seed(self):
        self.run_main("--n-trials", "8", "--seed", "3", out="a.json", storage_name="a.db")
        self.run_main("--n-trials", "8", "--seed", "3", out="b.json", storage_name="b.db")
        self.assertEqual(self.read("a.json"), self.read("b.json"))

    def test_should_report_out_of_sample_beside_in_sample_in_walk_forward(self):
        os.environ["FAKE_SESSIONS"] = "30"
        code, err = self.run_main("--n-trials", "3", "--walk-forward", "10/5/5", "--embargo", "0")
        self.assertEqual(0, code, err)
        wf = self.read("best.summary.json")["walk_forward"]
        self.assertEqual(4, len(wf["windows"]))
        self.assertEqual(20, wf["out_of_sample"]["sessions"])
        days = [d["date"] for d in wf["out_of_sample_daily"]]
        self.assertEqual(days, sorted(set(days)), "out-of-sample days neither overlap nor repeat")
        first = wf["windows"][0]
        self.assertEqual("2025-04-15", first["test"]["from"], "test starts the session after train")
        self.assertEqual("2025-04-14", first["train"]["to"])
        self.assertIn("deflated_sharpe", first["in_sample"])
        self.assertEqual(3, wf["params_from_window"])
        self.assertEqual(4 * 3 + 4 + 4, len(self.evaluations()),
                         "3 trials per window plus one test run each of the best and of the defaults")
        self.assertIsNotNone(wf["out_of_sample"]["psr"])
        base_days = [d["date"] for d in wf["defaults_out_of_sample_daily"]]
        self.assertEqual(days, base_days, "the defaults are measured over exactly the out-of-sample days")
        self.assertEqual(20, wf["defaults_out_of_sample"]["sessions"])
        self.assertIn("sharpe", first["defaults_out_of_sample"])

    def test_should_keep_searching_when_the_worker_rejects_a_trial(self):
        os.environ["FAKE_FAIL_ABOVE"] = "0.7"
        # A fixed seed: the default differs per process, and 5 draws may all land below 0.7.
        code, err = self.run_main("--n-trials", "5", "--seed", "7")
        self.assertEqual(0, code, err)
        summary = self.read("best.summary.json")["in_sample"]
        self.assertEqual(5, summary["trials_complete"])
        self.assertLessEqual(self.read("best.json")["buy_threshold"], 0.7)
        self.assertGreater(summary["trials_failed"], 0, "the fake rejected some trials")

    def test_should_run_parallel_jobs_each_on_its_own_worker(self):
        code, err = self.run_main("--n-trials", "6", "--jobs", "2")
        self.assertEqual(0, code, err)
        pids = {line.split()[0] for line in self.evaluations()}
        self.assertLessEqual(len(pids), 2)
        self.assertGreaterEqual(self.read("best.summary.json")["in_sample"]["trials_complete"], 6)

    def test_should_search_both_rules_and_write_the_chosen_one(self):
        code, err = self.run_main("--n-trials", "16", "--decision", "both", "--seed", "2")
        self.assertEqual(0, code, err)
        rules = [line.split()[4] for line in self.evaluations()]
        self.assertEqual({"probability", "expected_return"}, set(rules))
        best = self.read("best.json")
        summary = self.read("best.summary.json")
        self.assertEqual({"decision": "both", "labels": "default"}, summary["search"])
        self.assertEqual(summary["in_sample"]["best_values"]["decision"], best["decision"])
        if best["decision"] == "expected_return":
            self.assertTrue(0.0 <= best["entry_cost_multiple"] <= 3.0)

    def test_should_run_the_trials_of_each_label_together_so_tapes_stay_cached(self):
        code, err = self.run_main("--n-trials", "7", "--labels", "both", "--seed", "4")
        self.assertEqual(0, code, err)
        labels = [line.split()[3] for line in self.evaluations()]
        self.assertEqual(["next_open"] * 4 + ["close"] * 3, labels, "one switch of label, hence of tape set")
        self.assertIn(self.read("best.json")["oes"]["label"], ("next_open", "close"))
        code, err = self.run_main("--n-trials", "9", "--labels", "both", "--seed", "4")
        self.assertEqual(0, code, err)
        labels = [line.split()[3] for line in self.evaluations()]
        self.assertEqual(["next_open"] * 4 + ["close"] * 3 + ["next_open", "close"], labels,
                         "a resumed study tops up each group in turn")

    def test_should_refuse_to_resume_a_study_with_another_search_space(self):
        self.assertEqual(0, self.run_main("--n-trials", "2")[0])
        code, err = self.run_main("--n-trials", "3", "--decision", "expected_return")
        self.assertEqual(2, code, err)
        self.assertIn("search", err)
    def test_should_evaluate_trials_in_batch_requests_when_asked(self):
        code, err = self.run_main("--n-trials", "7", "--batch", "3", "--seed", "5")
        self.assertEqual(0, code, err)
        lines = self.evaluations()
        self.assertEqual(7, len(lines))
        batches = [line.split()[5] for line in lines]
        self.assertTrue(all(b.startswith("batch") for b in batches), lines)
        self.assertEqual([3, 3, 1], [batches.count(b) for b in dict.fromkeys(batches)], "7 trials in batches of 3")
        summary = self.read("best.summary.json")
        self.assertEqual(3, summary["batch"])
        self.assertEqual(7, summary["in_sample"]["trials_complete"])
        self.assertIn("7/7 complete", err)

    def test_should_fail_only_the_rejected_trials_of_a_batch(self):
        os.environ["FAKE_FAIL_ABOVE"] = "0.7"
        code, err = self.run_main("--n-trials", "6", "--batch", "4", "--seed", "7")
        self.assertEqual(0, code, err)
        summary = self.read("best.summary.json")["in_sample"]
        self.assertEqual(6, summary["trials_complete"])
        self.assertGreater(summary["trials_failed"], 0, "the fake rejected some trials")
        self.assertIn("failed (buy_threshold: fake failure above 0.7)", err)
        self.assertLessEqual(self.read("best.json")["buy_threshold"], 0.7)

    def test_should_refuse_a_batch_below_one(self):
        err = io.StringIO()
        with contextlib.redirect_stderr(err), self.assertRaises(SystemExit):
            opt.parse_args(["--data", self.dir, "--n-trials", "1", "--out", "o.json", "--batch", "0"])
        self.assertIn("--batch must be >= 1", err.getvalue())

    def test_should_refuse_to_overwrite_the_defaults_file(self):
        argv = ["--data", self.dir, "--sentio", f"/usr/bin/python3 {FAKE}", "--n-trials", "1",
                "--out", opt.DEFAULTS_FILE, "--storage", "sqlite:///" + os.path.join(self.dir, "x.db")]
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            code = opt.main(argv)
        self.assertEqual(2, code)
        self.assertIn("--overwrite-defaults", err.getvalue())
        self.assertEqual([], self.evaluations())

    def test_should_fail_clearly_when_the_worker_cannot_start(self):
        argv = ["--data", self.dir, "--sentio", os.path.join(self.dir, "no-such-sentio"), "--n-trials", "1",
                "--out", os.path.join(self.dir, "o.json"), "--storage", "sqlite:///" + os.path.join(self.dir, "y.db")]
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            code = opt.main(argv)
        self.assertEqual(1, code)
        self.assertIn("cannot start worker", err.getvalue())

    def test_should_fail_clearly_when_no_session_is_in_range(self):
        code, err = self.run_main("--n-trials", "1", "--from", "2030-01-01")
        self.assertEqual(3, code)
        self.assertIn("no sessions", err)


if __name__ == "__main__":
    unittest.main()
