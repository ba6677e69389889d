"""The rotation parameter file: defaults, hard bounds and the Optuna search space.

Every key, default and valid range comes from config/rotation_params.schema.json, which
`sentio params --schema` generates from the one parameter table in core
(io.sentio.core.config.StrategyParamTable); this module keeps no copy of them.
"""

import copy
import json
import os

from .errors import OptimizerError

SCHEMA_FILE = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                           "config", "rotation_params.schema.json")


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


def load_schema(path):
    """The schema's value rows by dotted key (sections are nested objects in the schema)."""
    try:
        with open(path, encoding="utf-8") as f:
            root = json.load(f)
    except (OSError, ValueError) as e:
        raise OptimizerError(f"{path}: cannot read the parameter schema: {e}", 2)
    rows = {}

    def walk(node, prefix):
        for name, prop in node["properties"].items():
            if prop.get("type") == "object":
                walk(prop, prefix + name + ".")
            else:
                rows[prefix + name] = prop
    walk(root, "")
    return rows


def schema_defaults(rows):
    """The params structure holding every default, nested by the dotted key prefixes."""
    params = {}
    for key, prop in rows.items():
        set_key(params, key, copy.deepcopy(prop["default"]))
    return params


SCHEMA = load_schema(SCHEMA_FILE)
# The StrategyParams defaults, nested (`oes`, `costs`, `sync`). Used only when
# config/rotation_params.json is absent; the defaults file, when present, wins and its layout is kept.
BUILTIN_DEFAULTS = schema_defaults(SCHEMA)

# The search space: turnover levers, rotation thresholds and the learner's knobs, in the order
# trials suggest them (the order is part of a seeded study). Ranges are narrower than the
# valid ones on purpose; check_search_space keeps them inside the schema's hard bounds.
# (key, low, high, log); a boolean key is searched over [True, False] and has no range.
# Only desk-scope keys are searched continuously: see MODEL_GRID.
SEARCH_SPACE = (
    ("buy_threshold", 0.50, 0.75, False),
    ("exit_threshold", 0.30, 0.55, False),
    ("rotation_threshold", 1.0, 3.0, False),
    ("min_hold_bars", 0, 60, False),
    ("max_positions", 1, 6, False),
    ("strength_smoothing", 0.05, 1.0, False),
    ("cooldown_bars", 0, 30, False),
    ("oes.probability_scale", 1.0, 100.0, True),
    ("oes.bb_amplification", None, None, False),
    ("oes.forecast_clip", 0.5, 8.0, False),
)
# Model-scope keys (x-scope "model": they change what the learners learn) are drawn from a small
# grid, so that trials share the worker's model tapes: one model pass per grid point and range,
# every other trial a desk over it (tools/WORKER-PROTOCOL.md). Five points keep every tape of a
# 100-session range inside the worker's default tape budget. oes.max_trace is not searched: with
# the ridge (oes.ridge) trace(P) stays far below any cap in [1e3, 1e8]. oes.label is not searched
# either: both labels on the grid would double the tapes past that budget, and which return to
# learn is a decision about the strategy, taken in the defaults file, not a knob to fit.
MODEL_GRID = (
    ("oes.ewrls_lambda", (0.98, 0.99, 0.995, 0.998, 0.9995)),
)
# --labels both adds the label to the grid. Its trials run grouped by label (one label's trials,
# then the other's; optimize_window fixes the label per group), so at most one label's five
# tapes are live at a time and the tape cache keeps hitting.
LABEL_GRID = ("oes.label", ("next_open", "close"))
DECISIONS = ("probability", "expected_return")
# Keys only the probability rule reads: not suggested for an expected_return trial.
PROBABILITY_ONLY = ("buy_threshold", "exit_threshold", "oes.probability_scale", "oes.bb_amplification")
# Keys only the expected_return rule reads (docs/decisions.md), searched for its trials only.
EXPECTED_RETURN_SPACE = (
    ("entry_cost_multiple", 0.0, 3.0, False),
    ("exit_cost_multiple", -1.0, 1.0, False),
    ("max_hold_bars", 0, 120, False),
    ("calibration.half_life", 390.0, 39000.0, True),
)
# Horizon weights are sampled raw in this range, one per horizon, and normalized to sum 1
# (the learner only uses their ratios).
HORIZON_WEIGHT_RANGE = ("oes.horizon_weights", 0.0, 1.0)


def _inside(key, prop, low, high):
    lo_ok = low > prop["exclusiveMinimum"] if "exclusiveMinimum" in prop else low >= prop["minimum"]
    if not (lo_ok and high <= prop["maximum"] and low <= high):
        bound = f"({prop['exclusiveMinimum']}" if "exclusiveMinimum" in prop else f"[{prop['minimum']}"
        raise OptimizerError(f"search range of {key} [{low}, {high}] is outside its valid range "
                             f"{bound}, {prop['maximum']}] in the parameter schema", 2)


def check_search_space(rows, space=SEARCH_SPACE, weights=HORIZON_WEIGHT_RANGE, grid=MODEL_GRID):
    """The search space as (key, schema type, low, high, log), each range inside the schema's bounds.

    A model-scope key must be on the grid (a continuous one would run the learners for every trial)."""
    out = []
    for key, low, high, log in space:
        if key not in rows:
            raise OptimizerError(f"search space key {key} is not in the parameter schema", 2)
        kind = rows[key]["type"]
        if kind not in ("integer", "number", "boolean"):
            raise OptimizerError(f"search space key {key}: cannot search a {kind}", 2)
        if rows[key].get("x-scope") == "model":
            raise OptimizerError(f"search space key {key} changes the learners (scope model): search it on "
                                 f"MODEL_GRID so trials share model tapes", 2)
        if kind != "boolean":
            _inside(key, rows[key], low, high)
        out.append((key, kind, low, high, log))
    for key, points in grid:
        if key not in rows:
            raise OptimizerError(f"model grid key {key} is not in the parameter schema", 2)
        for point in points:
            if "enum" in rows[key]:
                if point not in rows[key]["enum"]:
                    raise OptimizerError(f"grid key {key}: {point!r} is not one of {rows[key]['enum']}", 2)
            else:
                _inside(key, rows[key], point, point)
    key, low, high = weights
    _inside(key, rows[key]["items"], low, high)
    return tuple(out)


SEARCH = check_search_space(SCHEMA, grid=MODEL_GRID + (LABEL_GRID, ("decision", DECISIONS)))
EXPECTED_RETURN_SEARCH = check_search_space(SCHEMA, EXPECTED_RETURN_SPACE, grid=())


def load_defaults(path):
    if path and os.path.exists(path):
        try:
            with open(path, encoding="utf-8") as f:
                return json.load(f)
        except (OSError, ValueError) as e:
            raise OptimizerError(f"{path}: cannot read defaults: {e}", 2)
    return copy.deepcopy(BUILTIN_DEFAULTS)


def horizon_count(defaults):
    try:
        return len(get_key(defaults, "oes.horizons"))
    except KeyError:
        return len(SCHEMA["oes.horizons"]["default"])


def model_grid(labels=False):
    """The model grid; with labels, oes.label on it too (last, so the lambda draws keep their order)."""
    return MODEL_GRID + ((LABEL_GRID,) if labels else ())


def suggest(trial, n_weights, decision="probability", labels=False):
    """One trial's values: the model grid first, then SEARCH_SPACE, horizon weights normalized to sum 1.

    decision "probability" (the default) suggests exactly what it always did, in the same order, and
    leaves the defaults' rule alone; "expected_return" fixes that rule, "both" searches it as a
    categorical. An expected_return trial skips PROBABILITY_ONLY and adds EXPECTED_RETURN_SPACE.
    The rule is a trial parameter even when fixed, so a stored trial's values name it."""
    values = {}
    for key, points in model_grid(labels):
        values[key] = trial.suggest_categorical(key, list(points))
    rule = "probability"
    if decision != "probability":
        choices = list(DECISIONS) if decision == "both" else [decision]
        rule = values["decision"] = trial.suggest_categorical("decision", choices)
    space = SEARCH
    if rule == "expected_return":
        space = tuple(row for row in SEARCH if row[0] not in PROBABILITY_ONLY) + EXPECTED_RETURN_SEARCH
    for key, kind, low, high, log in space:
        if kind == "boolean":
            values[key] = trial.suggest_categorical(key, [True, False])
        elif kind == "integer":
            values[key] = trial.suggest_int(key, low, high, log=log)
        else:
            values[key] = trial.suggest_float(key, low, high, log=log)
    _, low, high = HORIZON_WEIGHT_RANGE
    raw = [trial.suggest_float(f"oes.horizon_weight_{i}", low, high) for i in range(n_weights)]
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
