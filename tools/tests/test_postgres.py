"""Two optimizer processes sharing one study on a real PostgreSQL (Optuna's RDB storage).

Needs SENTIO_TEST_POSTGRES_URL (e.g. postgresql+psycopg2://sentio:sentio@127.0.0.1/sentio_optuna);
.ci/run starts a PostgreSQL server and sets it. Without it the test is skipped and says so.
Run: /usr/bin/python3 -m unittest discover -s tools/tests
"""
import json
import os
import subprocess
import sys
import tempfile
import time
import unittest

TOOLS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OPTIMIZER = os.path.join(TOOLS, "optuna_rotation_optimizer.py")
FAKE = os.path.join(TOOLS, "tests", "fake_worker.py")
URL = os.environ.get("SENTIO_TEST_POSTGRES_URL")


@unittest.skipUnless(URL, "SENTIO_TEST_POSTGRES_URL not set: no PostgreSQL server to share a study on")
class PostgresStudyTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = self.tmp.name
        self.study = f"pg-two-processes-{os.getpid()}-{time.time_ns()}"
        self.log = os.path.join(self.dir, "evaluations.log")

    def tearDown(self):
        import optuna
        try:
            optuna.delete_study(study_name=self.study, storage=URL)
        except KeyError:
            pass
        self.tmp.cleanup()

    def start(self, name, n_trials, fingerprint="f" * 64):
        env = dict(os.environ, FAKE_SESSIONS="30", FAKE_LOG=self.log, FAKE_FINGERPRINT=fingerprint)
        argv = [sys.executable, OPTIMIZER, "--data", self.dir, "--sentio", f"{sys.executable} {FAKE}",
                "--storage", URL, "--study", self.study, "--n-trials", str(n_trials),
                "--out", os.path.join(self.dir, name + ".json")]
        return subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def summary(self, name):
        with open(os.path.join(self.dir, name + ".summary.json"), encoding="utf-8") as f:
            return json.load(f)

    def test_should_share_one_study_between_two_processes_holding_every_trial_once(self):
        import optuna
        from optuna.trial import TrialState
        a, b = self.start("a", 12), self.start("b", 12)
        out_a, out_b = a.communicate(timeout=600), b.communicate(timeout=600)
        self.assertEqual(0, a.returncode, out_a[1])
        self.assertEqual(0, b.returncode, out_b[1])

        study = optuna.load_study(study_name=self.study, storage=URL)
        trials = study.get_trials(deepcopy=False)
        complete = [t for t in trials if t.state == TrialState.COMPLETE]
        self.assertGreaterEqual(len(complete), 12)
        self.assertEqual(len({t.number for t in trials}), len(trials), "no trial number twice")
        with open(self.log, encoding="utf-8") as f:
            evaluations = f.read().splitlines()
        self.assertEqual(len(complete), len(evaluations), "every evaluation is one complete trial, none lost")
        seeds = {self.summary(n)["seed"] for n in ("a", "b")}
        self.assertEqual(2, len(seeds), "each process drew its own default seed")
        params = [tuple(sorted(t.params.items())) for t in complete]
        self.assertEqual(len(params), len(set(params)), "distinct seeds: no trial drawn twice")

    def test_should_refuse_a_process_whose_data_differs(self):
        first = self.start("a", 2)
        _, err = first.communicate(timeout=300)
        self.assertEqual(0, first.returncode, err)
        other = self.start("b", 3, fingerprint="0" * 64)
        _, err = other.communicate(timeout=300)
        self.assertEqual(2, other.returncode, err)
        self.assertIn("refusing to join", err)
        self.assertIn("data_fingerprint: study has 'ffff", err)


if __name__ == "__main__":
    unittest.main()
