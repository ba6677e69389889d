#!/usr/bin/python3
"""Deterministic stand-in for `sentio optimize-worker` (tools/WORKER-PROTOCOL.md), for tests.

Sessions: FAKE_SESSIONS weekdays from 2025-04-01. A day's return is a smooth function of
the parameters (best near buy_threshold 0.6, min_hold_bars 20; for decision expected_return near
entry_cost_multiple 1.5; label close 0.01 lower) plus noise fixed by the date,
so searches converge and equal requests give equal answers. FAKE_LOG appends one line per
evaluation ("<pid> <from> <to> <oes.label> <decision>", plus " batch<id>" for a trial of a `batch` request); FAKE_FAIL_ABOVE answers an error when
buy_threshold exceeds it; FAKE_FINGERPRINT is the data fingerprint `info` reports. Ignores its command-line arguments.
"""
import datetime
import hashlib
import json
import os
import statistics
import sys

REQUIRED = ("buy_threshold", "exit_threshold", "rotation_threshold", "min_hold_bars", "max_positions",
            "strength_smoothing", "cooldown_bars")


def sessions():
    n = int(os.environ.get("FAKE_SESSIONS", "60"))
    day, out = datetime.date(2025, 4, 1), []
    while len(out) < n:
        if day.weekday() < 5:
            out.append(day.isoformat())
        day += datetime.timedelta(days=1)
    return out


def noise(date):
    h = int.from_bytes(hashlib.sha256(date.encode()).digest()[:8], "big")
    return (h / 2 ** 64 - 0.5) * 0.4


def evaluate(params, date_from, date_to):
    for key in REQUIRED:
        if key not in params:
            raise ValueError(f"{key}: missing")
    for key in ("costs", "oes", "sync"):
        if not isinstance(params.get(key), dict):
            raise ValueError(f"{key}: section missing")
    bt = params["buy_threshold"]
    if not 0.5 <= bt <= 0.95:
        raise ValueError(f"buy_threshold: value {bt} out of range [0.5, 0.95]")
    fail_above = os.environ.get("FAKE_FAIL_ABOVE")
    if fail_above and bt > float(fail_above):
        raise ValueError(f"buy_threshold: fake failure above {fail_above}")
    if params.get("decision") == "expected_return":
        edge = 0.09 - 0.02 * (params["entry_cost_multiple"] - 1.5) ** 2 - 0.00005 * (params["min_hold_bars"] - 20) ** 2
    else:
        edge = 0.08 - 3.0 * (bt - 0.6) ** 2 - 0.00005 * (params["min_hold_bars"] - 20) ** 2
    if params["oes"].get("label") == "close":
        edge -= 0.01
    edge -= params["costs"]["slippage_bps"] * 0.001
    days = [s for s in sessions() if date_from <= s <= date_to]
    daily = [{"date": d, "return_pct": round(edge + noise(d), 10)} for d in days]
    basket = [{"date": d, "return_pct": round(0.5 * noise(d + "b"), 10)} for d in days]
    rets = [d["return_pct"] for d in daily]
    sd = statistics.stdev(rets) if len(rets) > 1 else 0
    equity = 1.0
    for r in rets:
        equity *= 1 + r / 100
    return {
        "sessions": len(days), "mrd_pct": statistics.fmean(rets) if rets else 0.0,
        "sharpe": None if sd == 0 else statistics.fmean(rets) / sd * 252 ** 0.5,
        "sortino": None, "max_drawdown_pct": -1.0, "win_rate": 0.5, "profit_factor": None,
        "trades": 10 * len(days), "total_return_pct": (equity - 1) * 100, "daily": daily, "basket_daily": basket,
    }


def log(line):
    if os.environ.get("FAKE_LOG"):
        with open(os.environ["FAKE_LOG"], "a", encoding="utf-8") as f:
            f.write(line + "\n")


def evaluation_line(params, date_from, date_to):
    return f"{os.getpid()} {date_from} {date_to} {params['oes'].get('label')} {params.get('decision')}"


def main():
    for line in sys.stdin:
        request = json.loads(line)
        rid = request.get("id")
        cmd = request.get("cmd", "evaluate")
        try:
            if cmd == "sessions":
                answer = {"id": rid, "sessions": sessions()}
            elif cmd == "info":
                answer = {"id": rid, "data_fingerprint": os.environ.get("FAKE_FINGERPRINT", "f" * 64),
                          "symbols": ["AAA", "BBB"], "costs": {"slippage_bps": 1.0, "commission_per_share": 0.0},
                          "sessions": len(sessions())}
            elif cmd == "evaluate":
                log(evaluation_line(request["params"], request["from"], request["to"]))
                answer = {"id": rid, "metrics": evaluate(request["params"], request["from"], request["to"])}
            elif cmd == "batch":
                results = []
                for trial in request["trials"]:
                    log(evaluation_line(trial["params"], trial["from"], trial["to"]) + f" batch{rid}")
                    try:
                        results.append({"metrics": evaluate(trial["params"], trial["from"], trial["to"])})
                    except (KeyError, ValueError, TypeError) as e:
                        results.append({"error": str(e)})
                answer = {"id": rid, "results": results}
            else:
                answer = {"id": rid, "error": f"unknown cmd {cmd!r}"}
        except (KeyError, ValueError, TypeError) as e:
            answer = {"id": rid, "error": str(e)}
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
