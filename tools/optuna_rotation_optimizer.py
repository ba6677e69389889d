#!/usr/bin/python3
"""Optuna search over sentio's rotation parameters, with an optional walk-forward check.

Run with Debian's interpreter (it alone sees python3-optuna, Optuna 3.1.0):

    /usr/bin/python3 tools/optuna_rotation_optimizer.py --data DIR --n-trials 200 \
        --out params.best.json [--walk-forward 40/10/10] [--jobs 2] [--seed 7]

Trials are evaluated by long-lived `sentio optimize-worker` processes speaking the
line-delimited JSON protocol of tools/WORKER-PROTOCOL.md; this script only searches,
bookkeeps and reports.

Objective: Sharpe ratio of daily returns as the engine reports it (DESIGN 5.7:
mean(d)/std(d, ddof=1)*sqrt(252)); undefined (no variance) counts as 0. Maximized.

Storage: any Optuna RDB URL. Default SQLite next to --out (`sqlite:///DIR/optuna_rotation.db`);
several processes may run this script with the same --storage and --study to share one
study. PostgreSQL works the same way (`postgresql://user:pass@host/db`, needs
python3-psycopg2). A study is resumed when it exists (load_if_exists): --n-trials is the
number of COMPLETE trials the study should reach, so a rerun after a crash only runs the
missing ones.

Walk-forward (--walk-forward TRAIN/TEST/STEP, sessions): rolling windows over the sessions
of the data (train sessions [s, s+TRAIN), test [s+TRAIN, s+TRAIN+TEST), s += STEP; only
complete windows). Each train window gets its own study (`<study>-wf<k>`), its best
parameters are evaluated once on the test window, and the test windows' daily returns are
concatenated into the out-of-sample record. The params file written is then the best of the
most recent train window: exactly the procedure the out-of-sample record measured.

Deflated Sharpe Ratio (Bailey & Lopez de Prado 2014), with per-session (non-annualized)
Sharpe ratios:
    SR0 = sqrt(V) * ((1 - g) * Z(1 - 1/N) + g * Z(1 - 1/(N e)))   g = Euler-Mascheroni
    DSR = Phi((SR - SR0) * sqrt(T - 1) / sqrt(1 - skew * SR + (kurt - 1) / 4 * SR^2))
N = completed trials, V = variance of their Sharpe ratios, T = sessions, skew/kurt the
(population, non-excess) moments of the selected trial's daily returns, Z = inverse normal
CDF, Phi = normal CDF. N < 2 gives SR0 = 0 (the Probabilistic Sharpe Ratio). The
out-of-sample record was not selected among trials, so it gets the PSR (SR0 = 0).
"""

import argparse
import json
import os
import shlex
import statistics
import sys
import threading
import time

from sentio_opt.errors import OptimizerError, WorkerError
from sentio_opt.params import LABEL_GRID, apply_values, get_key, horizon_count, load_defaults, suggest, trial_values
from sentio_opt.overfitting import paired_t, study_pbo
from sentio_opt.provenance import code_version, join_study, process_seed, provenance_block, study_identity
from sentio_opt.stats import dsr_report, metrics_from_daily, parse_walk_forward, walk_forward_windows
from sentio_opt.worker import WorkerPool

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULTS_FILE = os.path.join(REPO, "config", "rotation_params.json")
# The costs every trial assumes, stated in the summary (never searched; the worker pins them).
COST_KEYS = ("slippage_bps", "half_spread_ticks", "tick_size", "commission_per_share")
OBJECTIVE = "maximize sharpe of daily returns (mean/std(ddof=1)*sqrt(252)); undefined = 0"


class Progress:
    """One line per finished trial on stderr; rewritten in place on a terminal."""

    def __init__(self, label, target, stream=None):
        self.label = label
        self.target = target
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self.written = False
        self.start = time.monotonic()
        self.lock = threading.Lock()

    def __call__(self, study, trial):
        import optuna
        complete = [t for t in study.get_trials(deepcopy=False) if t.state == optuna.trial.TrialState.COMPLETE]
        best = max((t.value for t in complete), default=None)
        error = trial.user_attrs.get("error", "no value")
        value = f"failed ({error})" if trial.value is None else f"{trial.value:.4f}"
        best_text = "n/a" if best is None else f"{best:.4f}"
        line = (f"[{self.label}] {len(complete)}/{self.target} complete, trial {trial.number}: sharpe {value}, "
                f"best {best_text}, {time.monotonic() - self.start:.0f} s")
        with self.lock:
            self.stream.write(("\r\033[K" + line) if self.tty else line + "\n")
            self.written = True
            self.stream.flush()

    def done(self):
        if self.tty and self.written:
            self.stream.write("\n")
            self.stream.flush()


def make_storage(url):
    import optuna
    if url.startswith("sqlite:"):
        # Several processes share one SQLite file: wait for the write lock instead of failing.
        return optuna.storages.RDBStorage(url, engine_kwargs={"connect_args": {"timeout": 120}})
    return optuna.storages.RDBStorage(url)


def optimize_window(args, pool, storage, defaults, study_name, date_from, date_to, seed, label):
    """Run (or resume) one study until it holds --n-trials complete trials; return the study.

    A study created for other data, costs, symbols, range or code is refused, never merged."""
    import optuna
    from optuna.study import MaxTrialsCallback
    from optuna.trial import TrialState

    n_weights = horizon_count(defaults)
    base = optuna.samplers.TPESampler(seed=seed)
    study = optuna.create_study(study_name=study_name, storage=storage, direction="maximize",
                                sampler=base, load_if_exists=True)
    join_study(study, study_identity(args.info, date_from, date_to, OBJECTIVE, args.code_version, search_of(args)))
    labels = args.labels == "both"

    def objective(trial):
        values = suggest(trial, n_weights, args.decision, labels)
        try:
            metrics = pool.evaluate(apply_values(defaults, values), date_from, date_to)
        except WorkerError as e:
            trial.set_user_attr("error", str(e))
            raise
        return score(trial, metrics)

    def complete_count():
        return len(study.get_trials(deepcopy=False, states=(TrialState.COMPLETE,)))

    progress = Progress(label, args.n_trials)
    complete = complete_count()
    if complete >= args.n_trials:
        sys.stderr.write(f"[{label}] study already holds {complete} complete trials; nothing to run\n")
    # Failed trials do not count toward N: run rounds until N complete, giving up once the
    # failures of this invocation reach max(10, 2N) (the worker rejects nearly everything).
    max_failures = max(10, 2 * args.n_trials)
    failed_before = failed_count(study)
    # With --labels both, the trials run in one group per label (the label fixed, TPE still
    # learning from every trial), each topped up to its share of N: the worker's tape cache then
    # holds one label's tapes at a time.
    groups = [(None, args.n_trials)]
    if labels:
        points = LABEL_GRID[1]
        groups = [(point, args.n_trials // len(points) + (1 if i < args.n_trials % len(points) else 0))
                  for i, point in enumerate(points)]

    def group_count(fixed):
        trials = study.get_trials(deepcopy=False, states=(TrialState.COMPLETE,))
        return len(trials) if fixed is None else sum(1 for t in trials if t.params.get(LABEL_GRID[0]) == fixed)

    for fixed, quota in groups:
        study.sampler = base if fixed is None else optuna.samplers.PartialFixedSampler({LABEL_GRID[0]: fixed}, base)
        need = quota - group_count(fixed)
        while need > 0:
            if args.batch > 1:
                run_batches(args, pool, study, n_weights, defaults, date_from, date_to, need,
                            lambda: group_count(fixed) >= quota, progress, labels)
            else:
                target = complete_count() + need
                study.optimize(objective, n_trials=need, n_jobs=args.jobs, catch=(WorkerError,),
                               callbacks=[MaxTrialsCallback(target, states=(TrialState.COMPLETE,)), progress],
                               gc_after_trial=False, show_progress_bar=False)
            need = quota - group_count(fixed)
            if need > 0 and failed_count(study) - failed_before >= max_failures:
                sys.stderr.write(f"[{label}] {max_failures} trials failed; stopping at {complete_count()} complete\n")
                break
        if need > 0:
            break
    progress.done()
    if not study.get_trials(deepcopy=False, states=(TrialState.COMPLETE,)):
        raise OptimizerError(f"study {study_name}: no trial completed (see the worker errors above)")
    return study


def search_of(args):
    """What a study searches beyond today's space, or None for today's (so existing studies still join)."""
    if args.decision == "probability" and args.labels == "default":
        return None
    return {"decision": args.decision, "labels": args.labels}


def score(trial, metrics):
    """Records a trial's metrics on it; its objective value (Sharpe, undefined = 0)."""
    trial.set_user_attr("metrics", {k: v for k, v in metrics.items() if k != "daily"})
    trial.set_user_attr("daily", metrics["daily"])
    value = metrics.get("sharpe")
    return 0.0 if value is None else float(value)


def run_batches(args, pool, study, n_weights, defaults, date_from, date_to, wanted, enough, progress, labels):
    """Asks `wanted` trials in batches of --batch, each batch one worker request (ask and tell).

    --jobs threads each send batches to their own worker. A batch's trials are drawn from the same
    study state, as parallel jobs' are; the worker runs those sharing a model as desks over one tape
    pass. Stops early once the study (shared with other processes) holds --n-trials complete."""
    from optuna.trial import TrialState
    lock = threading.Lock()
    asked = [0]

    def loop():
        while True:
            with lock:
                k = min(args.batch, wanted - asked[0])
                if k <= 0 or enough():
                    return
                asked[0] += k
                trials = [study.ask() for _ in range(k)]
                values = [suggest(t, n_weights, args.decision, labels) for t in trials]
            try:
                results = pool.evaluate_batch([(apply_values(defaults, v), date_from, date_to) for v in values])
            except WorkerError as e:
                results = [e] * k
            with lock:
                for trial, result in zip(trials, results):
                    if isinstance(result, WorkerError):
                        trial.set_user_attr("error", str(result))
                        frozen = study.tell(trial, state=TrialState.FAIL)
                    else:
                        frozen = study.tell(trial, score(trial, result))
                    progress(study, frozen)

    threads = [threading.Thread(target=loop) for _ in range(args.jobs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def failed_count(study):
    from optuna.trial import TrialState
    return len(study.get_trials(deepcopy=False, states=(TrialState.FAIL,)))


def study_summary(study, defaults):
    from optuna.trial import TrialState
    complete = study.get_trials(deepcopy=False, states=(TrialState.COMPLETE,))
    best = study.best_trial
    identity = study.user_attrs.get("identity", {})
    return {
        "study": study.study_name,
        "from": identity.get("from"),
        "to": identity.get("to"),
        "trials_complete": len(complete),
        "trials_failed": len(study.get_trials(deepcopy=False, states=(TrialState.FAIL,))),
        "best_trial": best.number,
        "best_value": best.value,
        "best_values": trial_values(best.params, horizon_count(defaults)),
        "best_metrics": best.user_attrs.get("metrics"),
        "deflated_sharpe": dsr_report(best.user_attrs.get("daily", []), [t.value for t in complete]),
        "pbo": study_pbo([t.user_attrs.get("daily", []) for t in complete]),
    }


def resolve_sessions(pool, date_from, date_to):
    sessions = pool.sessions()
    if date_from:
        sessions = [s for s in sessions if s >= date_from]
    if date_to:
        sessions = [s for s in sessions if s <= date_to]
    if not sessions:
        raise OptimizerError(f"no sessions in the data between {date_from or 'start'} and {date_to or 'end'}", 3)
    return sessions


def run(args):
    defaults_path = args.defaults or DEFAULTS_FILE
    out_abs = os.path.abspath(args.out)
    if out_abs == os.path.abspath(DEFAULTS_FILE) and not args.overwrite_defaults:
        raise OptimizerError(f"--out {args.out}: refusing to overwrite the defaults file without --overwrite-defaults", 2)
    if not os.path.exists(defaults_path):
        sys.stderr.write(f"note: {defaults_path} not found; starting from the defaults of config/rotation_params.schema.json\n")
    defaults = load_defaults(defaults_path)
    # A params file the optimizer wrote says where it came from; the search starts from values only.
    defaults.pop("provenance", None)
    command = shlex.split(args.sentio) + ["optimize-worker", "--data", args.data]
    if args.symbols:
        command += ["--symbols", args.symbols]
    storage = make_storage(args.storage or "sqlite:///" + os.path.join(os.path.dirname(out_abs), "optuna_rotation.db"))

    import optuna
    # Failed trials are reported by Progress with the worker's message, without tracebacks.
    optuna.logging.set_verbosity(optuna.logging.ERROR)
    # A batch request answers for all its trials at once.
    pool = WorkerPool(command, args.jobs, args.trial_timeout * args.batch)
    try:
        sessions = resolve_sessions(pool, args.date_from, args.date_to)
        args.info = pool.info()
        args.code_version = code_version(REPO)
        summary = {
            "objective": OBJECTIVE,
            "n_trials": args.n_trials,
            "seed": args.seed,
            "seed_source": args.seed_source,
            "jobs": args.jobs,
            "batch": args.batch,
            "data_fingerprint": args.info["data_fingerprint"],
            "code_version": args.code_version,
            "costs": get_key(defaults, "costs") if "costs" in defaults else {
                key: get_key(defaults, "costs." + key) for key in COST_KEYS if "costs." + key in defaults},
            "sessions": {"from": sessions[0], "to": sessions[-1], "count": len(sessions)},
            "search": {"decision": args.decision, "labels": args.labels},
        }
        if args.walk_forward:
            best_values, summary["walk_forward"] = walk_forward(args, pool, storage, defaults, sessions)
            chosen = summary["walk_forward"]["windows"][-1]["in_sample"]
        else:
            study = optimize_window(args, pool, storage, defaults, args.study, sessions[0], sessions[-1],
                                    args.seed, args.study)
            summary["in_sample"] = study_summary(study, defaults)
            chosen = summary["in_sample"]
            best_values = chosen["best_values"]
    finally:
        pool.close()

    best_params = apply_values(defaults, best_values)
    best_params["provenance"] = provenance(args, chosen, summary)
    write_json(args.out, best_params)
    summary_path = args.summary or os.path.splitext(args.out)[0] + ".summary.json"
    summary["params_file"] = args.out
    write_json(summary_path, summary)
    sys.stderr.write(f"best params -> {args.out}; study summary -> {summary_path}\n")
    return 0


def provenance(args, chosen, summary):
    identity = study_identity(args.info, chosen["from"], chosen["to"], OBJECTIVE, args.code_version, search_of(args))
    block = provenance_block(chosen["study"], identity, chosen["trials_complete"],
                             chosen["deflated_sharpe"].get("dsr"), (chosen.get("pbo") or {}).get("pbo"),
                             chosen["deflated_sharpe"].get("sessions"))
    wf = summary.get("walk_forward")
    if wf:
        block["walk_forward"] = {
            "train": wf["train"], "test": wf["test"], "step": wf["step"], "embargo": wf["embargo"],
            "out_of_sample_sessions": wf["out_of_sample"]["sessions"],
            "out_of_sample_sharpe": wf["out_of_sample"]["sharpe"],
            "t_vs_defaults": wf["vs_defaults"]["t"],
            "t_vs_basket": wf["vs_basket"]["t"],
        }
    return block


def walk_forward(args, pool, storage, defaults, sessions):
    train, test, step = parse_walk_forward(args.walk_forward)
    windows = walk_forward_windows(len(sessions), train, test, step, args.embargo)
    if not windows:
        raise OptimizerError(f"--walk-forward {args.walk_forward}: {len(sessions)} sessions hold no complete window", 2)
    rows, oos_daily, oos_trades, best_values = [], [], 0, None
    base_daily, base_trades, basket_daily = [], 0, []
    for k, (a, b, c, d) in enumerate(windows):
        label = f"{args.study}-wf{k}"
        study = optimize_window(args, pool, storage, defaults, label, sessions[a], sessions[b - 1],
                                args.seed + k, f"{label} {k + 1}/{len(windows)}")
        ins = study_summary(study, defaults)
        best_values = ins["best_values"]
        oos = pool.evaluate(apply_values(defaults, best_values), sessions[c], sessions[d - 1])
        oos_daily.extend(oos["daily"])
        oos_trades += int(oos.get("trades") or 0)
        # The defaults over the same test days, under the same convention: the bar the search must clear.
        base = pool.evaluate(defaults, sessions[c], sessions[d - 1])
        base_daily.extend(base["daily"])
        basket_daily.extend(base.get("basket_daily", []))
        base_trades += int(base.get("trades") or 0)
        rows.append({
            "window": k,
            "train": {"from": sessions[a], "to": sessions[b - 1], "sessions": b - a},
            "test": {"from": sessions[c], "to": sessions[d - 1], "sessions": d - c},
            "in_sample": ins,
            "out_of_sample": {key: v for key, v in oos.items() if not key.endswith("daily")},
            "defaults_out_of_sample": {key: v for key, v in base.items() if not key.endswith("daily")},
        })
    oos_metrics = metrics_from_daily(oos_daily)
    oos_metrics["trades"] = oos_trades
    oos_metrics["psr"] = dsr_report(oos_daily, [])["dsr"]
    base_metrics = metrics_from_daily(base_daily)
    base_metrics["trades"] = base_trades
    base_metrics["psr"] = dsr_report(base_daily, [])["dsr"]
    basket_metrics = metrics_from_daily(basket_daily) if basket_daily else None
    in_sharpes = [r["in_sample"]["best_value"] for r in rows]
    return best_values, {
        "train": train, "test": test, "step": step, "embargo": args.embargo,
        "windows": rows,
        "in_sample_mean_best_sharpe": statistics.fmean(in_sharpes),
        "out_of_sample": oos_metrics,
        "out_of_sample_daily": oos_daily,
        "defaults_out_of_sample": base_metrics,
        "defaults_out_of_sample_daily": base_daily,
        "basket_out_of_sample": basket_metrics,
        "basket_out_of_sample_daily": basket_daily,
        # Paired over the same out-of-sample days: mean daily difference (percent) and its t.
        "vs_defaults": paired_t(oos_daily, base_daily),
        "vs_basket": paired_t(oos_daily, basket_daily),
        "params_from_window": len(rows) - 1,
    }


def write_json(path, obj):
    directory = os.path.dirname(os.path.abspath(path))
    os.makedirs(directory, exist_ok=True)
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(obj, f, indent=2, sort_keys=False, allow_nan=False)
        f.write("\n")
    os.replace(tmp, path)


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--data", required=True, help="bar CSV directory, passed to the worker")
    p.add_argument("--symbols", help="symbols.json, passed to the worker")
    p.add_argument("--from", dest="date_from", help="first session (YYYY-MM-DD)")
    p.add_argument("--to", dest="date_to", help="last session (YYYY-MM-DD)")
    p.add_argument("--n-trials", type=int, required=True, help="complete trials each study should hold")
    p.add_argument("--storage", help="Optuna RDB URL (default sqlite:///<dir of --out>/optuna_rotation.db)")
    p.add_argument("--study", default="sentio-rotation", help="study name (walk-forward adds -wf<k>)")
    p.add_argument("--jobs", type=int, default=1, help="parallel trials, one Java worker each")
    p.add_argument("--seed", type=int, help="TPE sampler seed (window k uses seed + k); default: derived "
                   "from host and pid, so processes sharing a study draw different trials (recorded in the summary)")
    p.add_argument("--out", required=True, help="params file to write (full rotation_params structure)")
    p.add_argument("--summary", help="study summary JSON (default <out without .json>.summary.json)")
    p.add_argument("--walk-forward", nargs="?", const="40/10/10", help="TRAIN/TEST/STEP sessions (default 40/10/10)")
    p.add_argument("--embargo", type=int, default=1,
                   help="sessions left out between each train window and its test window (default 1)")
    p.add_argument("--sentio", default=os.path.join(REPO, "launcher", "bin", "sentio"),
                   help="sentio launcher command (may include arguments)")
    p.add_argument("--defaults", help="defaults params file (default config/rotation_params.json)")
    p.add_argument("--overwrite-defaults", action="store_true", help="allow --out to be config/rotation_params.json")
    p.add_argument("--decision", choices=("probability", "expected_return", "both"), default="probability",
                   help="decision rule of the trials: probability (default: today's search, the defaults' rule), "
                   "expected_return (that rule and its keys), both (searched as a categorical)")
    p.add_argument("--labels", choices=("default", "both"), default="default",
                   help="both: oes.label on the model grid, trials grouped by label so model tapes stay cached "
                   "(default: the defaults file's label)")
    p.add_argument("--trial-timeout", type=float, default=1800.0, help="seconds a worker may take for one trial (a batch request gets --batch times as long)")
    p.add_argument("--batch", type=int, default=1,
                   help="trials per worker request (default 1); N > 1 sends batch requests, whose trials sharing a "
                   "model run as desks over one tape pass (tools/WORKER-PROTOCOL.md, batch)")
    args = p.parse_args(argv)
    for name, value in (("--n-trials", args.n_trials), ("--jobs", args.jobs), ("--batch", args.batch)):
        if value < 1:
            p.error(f"{name} must be >= 1, got {value}")
    if args.embargo < 0:
        p.error(f"--embargo must be >= 0, got {args.embargo}")
    args.seed_source = "--seed" if args.seed is not None else "host and pid"
    if args.seed is None:
        args.seed = process_seed()
    for name, value in (("--from", args.date_from), ("--to", args.date_to)):
        if value and not (len(value) == 10 and value[4] == "-" and value[7] == "-"):
            p.error(f"{name} must be YYYY-MM-DD, got {value!r}")
    return args


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    try:
        return run(args)
    except OptimizerError as e:
        sys.stderr.write(f"error: {e}\n")
        return e.exit_code
    except WorkerError as e:
        sys.stderr.write(f"error: worker: {e}\n")
        return 1


if __name__ == "__main__":
    sys.exit(main())
