"""The rotation parameter file: defaults, dotted keys, and the Optuna search space."""

import copy
import json
import os

from .errors import OptimizerError

# StrategyParams/OesParams defaults (core io.sentio.core.config), nested by the dotted
# key prefixes (`oes.`, `costs.`, `sync.`). Used only when config/rotation_params.json is
# absent; the defaults file, when present, wins and its layout is kept.
BUILTIN_DEFAULTS = {
    "max_positions": 3,
    "min_hold_bars": 2,
    "buy_threshold": 0.557,
    "exit_threshold": 0.5,
    "rotation_threshold": 1.23,
    "strength_smoothing": 1.0,
    "cooldown_bars": 0,
    "sizing": "EQUAL_WEIGHT",
    "cash_buffer": 0.02,
    "initial_capital": 100000.0,
    "entry_cutoff_minutes": 30,
    "eod_flatten_minute": 388,
    "circuit_breaker_drawdown": 0.05,
    "costs": {"slippage_bps": 1.0, "commission_per_share": 0.0},
    "sync": {"max_forward_fill": 5, "max_missing_symbols": 5, "timeout_ms": 2000},
    "oes": {
        "ewrls_lambda": 0.995,
        "initial_variance": 10.0,
        "regularization": 0.01,
        "ridge": 20000.0,
        "max_trace": 1000000.0,
        "horizons": [1, 5, 10],
        "horizon_weights": [0.3, 0.5, 0.2],
        "probability_scale": 15.0,
        "bb_amplification": True,
    },
}


def load_defaults(path):
    if path and os.path.exists(path):
        try:
            with open(path, encoding="utf-8") as f:
                return json.load(f)
        except (OSError, ValueError) as e:
            raise OptimizerError(f"{path}: cannot read defaults: {e}", 2)
    return copy.deepcopy(BUILTIN_DEFAULTS)


def get_key(params, dotted):
    """Value of a dotted key in either layout (flat `"oes.x"` or nested `{"oes": {"x"}}`)."""
    if dotted in params:
        return params[dotted]
    node = params
    for part in dotted.split("."):
        if not isinstance(node, dict) or part not in node:
            raise KeyError(dotted)
        node = node[part]
    return node


def set_key(params, dotted, value):
    """Sets a dotted key in the file's own layout: flat when it already uses dotted keys."""
    if dotted in params or any("." in k for k in params):
        params[dotted] = value
        return
    parts = dotted.split(".")
    node = params
    for part in parts[:-1]:
        node = node.setdefault(part, {})
    node[parts[-1]] = value


def horizon_count(defaults):
    try:
        return len(get_key(defaults, "oes.horizons"))
    except KeyError:
        return len(BUILTIN_DEFAULTS["oes"]["horizons"])


def suggest(trial, n_weights):
    """The search space: turnover levers, rotation thresholds and the learner's knobs.

    Ranges lie inside StrategyParams/OesParams validation. Horizon weights are sampled raw
    in [0, 1] and normalized to sum 1 (the learner only uses their ratios).
    """
    values = {
        "buy_threshold": trial.suggest_float("buy_threshold", 0.50, 0.75),
        "exit_threshold": trial.suggest_float("exit_threshold", 0.30, 0.55),
        "rotation_threshold": trial.suggest_float("rotation_threshold", 1.0, 3.0),
        "min_hold_bars": trial.suggest_int("min_hold_bars", 0, 60),
        "max_positions": trial.suggest_int("max_positions", 1, 6),
        "strength_smoothing": trial.suggest_float("strength_smoothing", 0.05, 1.0),
        "cooldown_bars": trial.suggest_int("cooldown_bars", 0, 30),
        "oes.ewrls_lambda": trial.suggest_float("oes.ewrls_lambda", 0.98, 0.9999),
        "oes.probability_scale": trial.suggest_float("oes.probability_scale", 1.0, 100.0, log=True),
        "oes.max_trace": trial.suggest_float("oes.max_trace", 1e3, 1e8, log=True),
        "oes.bb_amplification": trial.suggest_categorical("oes.bb_amplification", [True, False]),
    }
    raw = [trial.suggest_float(f"oes.horizon_weight_{i}", 0.0, 1.0) for i in range(n_weights)]
    values["oes.horizon_weights"] = normalize_weights(raw)
    return values


def normalize_weights(raw):
    total = sum(raw)
    if total <= 1e-12:
        return [round(1.0 / len(raw), 12)] * len(raw)
    return [round(w / total, 12) for w in raw]


def trial_values(trial_params, n_weights):
    """Rebuild suggest()'s values from a stored trial's params (for best_params / resume)."""
    values = {k: v for k, v in trial_params.items() if not k.startswith("oes.horizon_weight_")}
    values["oes.horizon_weights"] = normalize_weights(
        [trial_params[f"oes.horizon_weight_{i}"] for i in range(n_weights)])
    return values


def apply_values(defaults, values):
    """Full params structure: the defaults with the searched keys replaced, costs untouched."""
    params = copy.deepcopy(defaults)
    for key in sorted(values):
        if key.startswith("costs."):
            raise OptimizerError(f"{key}: costs are never searched")
        set_key(params, key, values[key])
    return params
