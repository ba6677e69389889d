"""Overfitting statistics, embargoed walk-forward, provenance and study identity.

Run: /usr/bin/python3 -m unittest discover -s tools/tests
"""
import contextlib
import io
import json
import os
import random
import sys
import tempfile
import unittest

TOOLS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, TOOLS)

import optuna_rotation_optimizer as opt  # noqa: E402
from sentio_opt import overfitting, params, stats  # noqa: E402
from sentio_opt.errors import OptimizerError  # noqa: E402

FAKE = os.path.join(TOOLS, "tests", "fake_worker.py")


class PboTest(unittest.TestCase):
    def test_should_count_every_split_overfit_when_the_in_sample_winner_always_loses_out_of_sample(self):
        # Blocks of 2 days. A wins block 0 (Sharpe 1.414 vs 0.707) but loses block 1 (6.36 vs 7.78);
        # B wins block 1 and loses block 0: each split's winner ranks 1 of 2 out of sample,
        # w = 1/3, logit ln(1/2) < 0.
        m = [[1, 0], [3, 1], [2, 5], [2.5, 6]]
        r = overfitting.pbo(m, blocks=2)
        self.assertEqual(2, r["combinations"])
        self.assertEqual(1.0, r["pbo"])
        self.assertAlmostEqual(-0.693147, r["logit_median"], places=6)

    def test_should_count_no_split_overfit_when_the_winner_keeps_winning(self):
        m = [[1, 0], [3, 1], [2, 1], [2.5, 3]]
        self.assertEqual(0.0, overfitting.pbo(m, blocks=2)["pbo"])

    def test_should_be_one_half_on_average_for_trials_of_pure_noise(self):
        # One noise matrix gives anything from ~0.3 to ~0.75 (the splits of one sample are
        # dependent); over six seeded matrices the mean is 0.497.
        results = []
        for seed in range(6):
            rng = random.Random(seed)
            results.append(overfitting.pbo([[rng.gauss(0, 1) for _ in range(40)] for _ in range(160)]))
        self.assertEqual(16, results[0]["blocks"])
        self.assertEqual(12870, results[0]["combinations"])
        mean = sum(r["pbo"] for r in results) / len(results)
        self.assertTrue(0.4 <= mean <= 0.6, [r["pbo"] for r in results])

    def test_should_be_near_zero_when_one_trial_has_a_real_edge(self):
        rng = random.Random(5)
        m = [[rng.gauss(0.8 if n == 0 else 0.0, 1) for n in range(40)] for _ in range(160)]
        self.assertLess(overfitting.pbo(m)["pbo"], 0.05)

    def test_should_need_two_trials_and_four_days(self):
        self.assertIsNone(overfitting.pbo([[1.0], [2.0], [3.0], [4.0]]))
        self.assertIsNone(overfitting.pbo([[1.0, 2.0], [2.0, 1.0], [3.0, 0.0]]))
        self.assertEqual(2, overfitting.block_count(5))
        self.assertEqual(16, overfitting.block_count(100))

    def test_should_pool_trials_on_the_days_they_share(self):
        a = [{"date": "d1", "return_pct": 1.0}, {"date": "d2", "return_pct": 2.0},
             {"date": "d3", "return_pct": 0.5}, {"date": "d4", "return_pct": 1.5}]
        b = [dict(d, return_pct=-d["return_pct"]) for d in a]
        self.assertEqual(4, overfitting.study_pbo([a, b])["days"])
        self.assertIsNone(overfitting.study_pbo([a]))


class PairedTest(unittest.TestCase):
    def test_should_compare_two_records_day_by_day(self):
        a = [{"date": d, "return_pct": r} for d, r in (("1", 1.0), ("2", 2.0), ("3", 4.0), ("x", 9.0))]
        b = [{"date": d, "return_pct": r} for d, r in (("1", 0.0), ("2", 1.0), ("3", 1.0))]
        # differences 1, 1, 3: mean 5/3, sd 1.1547, t = 1.6667 / (1.1547 / sqrt 3) = 2.5
        r = overfitting.paired_t(a, b)
        self.assertEqual(3, r["days"])
        self.assertAlmostEqual(5 / 3, r["mean_diff_pct"])
        self.assertAlmostEqual(2.5, r["t"], places=9)
        self.assertIsNone(overfitting.paired_t(a[:1], b)["t"])


class EmbargoTest(unittest.TestCase):
    def test_should_leave_the_embargo_sessions_out_of_train_and_test(self):
        w = stats.walk_forward_windows(105, 40, 10, 10, embargo=1)
        self.assertEqual(6, len(w))
        self.assertEqual((0, 40, 41, 51), w[0])
        for a, b, c, d in w:
            self.assertEqual(1, c - b, "one session between train end and test start")
        with self.assertRaises(OptimizerError):
            stats.walk_forward_windows(105, 40, 10, 10, embargo=-1)


class StudyTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = self.tmp.name
        self.saved = {k: os.environ.get(k) for k in ("FAKE_SESSIONS", "FAKE_FINGERPRINT", "FAKE_LOG")}
        os.environ["FAKE_SESSIONS"] = "40"
        os.environ.pop("FAKE_FINGERPRINT", None)
        os.environ.pop("FAKE_LOG", None)

    def tearDown(self):
        for k, v in self.saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        self.tmp.cleanup()

    def run_main(self, *extra, out="best.json", defaults=None):
        argv = ["--data", self.dir, "--sentio", f"/usr/bin/python3 {FAKE}", "--out", os.path.join(self.dir, out),
                "--storage", "sqlite:///" + os.path.join(self.dir, "study.db")]
        if defaults:
            argv += ["--defaults", defaults]
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            code = opt.main(argv + list(extra))
        return code, err.getvalue()

    def read(self, name):
        with open(os.path.join(self.dir, name), encoding="utf-8") as f:
            return json.load(f)

    def test_should_write_provenance_into_the_params_file(self):
        code, err = self.run_main("--n-trials", "5", "--seed", "2")
        self.assertEqual(0, code, err)
        p = self.read("best.json")["provenance"]
        self.assertEqual("sentio-rotation", p["study"])
        self.assertEqual("f" * 64, p["data_fingerprint"])
        self.assertEqual(("2025-04-01", "2025-05-26"), (p["trained_from"], p["trained_to"]))
        self.assertEqual(5, p["trials"])
        self.assertIsNotNone(p["deflated_sharpe"])
        self.assertIsNotNone(p["pbo"])
        self.assertTrue(p["code_version"])
        summary = self.read("best.summary.json")
        self.assertEqual(p["pbo"], summary["in_sample"]["pbo"]["pbo"])

    def test_should_start_a_search_from_a_params_file_it_wrote(self):
        self.assertEqual(0, self.run_main("--n-trials", "2", "--seed", "1")[0])
        code, err = self.run_main("--n-trials", "2", "--seed", "1", "--study", "again", out="second.json",
                                  defaults=os.path.join(self.dir, "best.json"))
        self.assertEqual(0, code, err)
        self.assertEqual("again", self.read("second.json")["provenance"]["study"])

    def test_should_refuse_to_join_a_study_made_on_other_data(self):
        self.assertEqual(0, self.run_main("--n-trials", "2", "--seed", "1")[0])
        os.environ["FAKE_FINGERPRINT"] = "0" * 64
        code, err = self.run_main("--n-trials", "3", "--seed", "2")
        self.assertEqual(2, code)
        self.assertIn("refusing to join", err)
        self.assertIn("data_fingerprint", err)

    def test_should_refuse_to_join_a_study_over_another_range(self):
        self.assertEqual(0, self.run_main("--n-trials", "2", "--seed", "1")[0])
        code, err = self.run_main("--n-trials", "3", "--seed", "2", "--to", "2025-05-01")
        self.assertEqual(2, code)
        self.assertIn("to: study has '2025-05-26', this process '2025-05-01'", err)

    def test_should_derive_distinct_seeds_per_process_and_record_them(self):
        code, err = self.run_main("--n-trials", "1")
        self.assertEqual(0, code, err)
        summary = self.read("best.summary.json")
        self.assertEqual("host and pid", summary["seed_source"])
        self.assertIsInstance(summary["seed"], int)

    def test_should_compare_the_out_of_sample_record_with_defaults_and_basket(self):
        code, err = self.run_main("--n-trials", "3", "--seed", "4", "--walk-forward", "10/5/5")
        self.assertEqual(0, code, err)
        wf = self.read("best.summary.json")["walk_forward"]
        self.assertEqual(1, wf["embargo"])
        first = wf["windows"][0]
        self.assertEqual("2025-04-14", first["train"]["to"])
        self.assertEqual("2025-04-16", first["test"]["from"], "2025-04-15 is the embargo session")
        self.assertEqual(wf["out_of_sample"]["sessions"], wf["vs_defaults"]["days"])
        self.assertEqual(wf["out_of_sample"]["sessions"], wf["vs_basket"]["days"])
        self.assertIsNotNone(wf["vs_basket"]["t"])
        self.assertIn("pbo", first["in_sample"])
        p = self.read("best.json")["provenance"]
        self.assertEqual(wf["windows"][-1]["train"]["from"], p["trained_from"], "params come from the last window")
        self.assertEqual(wf["vs_basket"]["t"], p["walk_forward"]["t_vs_basket"])


if __name__ == "__main__":
    unittest.main()
