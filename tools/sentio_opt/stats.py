"""Sharpe-family statistics (DESIGN 5.7), the Deflated Sharpe Ratio and walk-forward windows.

Deflated Sharpe Ratio (Bailey & Lopez de Prado 2014), with per-session (non-annualized)
Sharpe ratios:
    SR0 = sqrt(V) * ((1 - g) * Z(1 - 1/N) + g * Z(1 - 1/(N e)))   g = Euler-Mascheroni
    DSR = Phi((SR - SR0) * sqrt(T - 1) / sqrt(1 - skew * SR + (kurt - 1) / 4 * SR^2))
N = completed trials, V = variance of their Sharpe ratios, T = sessions, skew/kurt the
(population, non-excess) moments of the selected trial's daily returns, Z = inverse normal
CDF, Phi = normal CDF. N < 2 gives SR0 = 0, the Probabilistic Sharpe Ratio.
"""

import math
import statistics

from .errors import OptimizerError

EULER_GAMMA = 0.5772156649015329
TRADING_DAYS = 252


def sharpe(daily_pct):
    """Annualized Sharpe of daily returns (DESIGN 5.7); 0 when undefined."""
    if len(daily_pct) < 2:
        return 0.0
    sd = statistics.stdev(daily_pct)
    return 0.0 if sd == 0 else statistics.fmean(daily_pct) / sd * math.sqrt(TRADING_DAYS)


def sortino(daily_pct):
    if not daily_pct:
        return 0.0
    downside = math.sqrt(statistics.fmean([min(d, 0.0) ** 2 for d in daily_pct]))
    if downside == 0:
        return 0.0
    return statistics.fmean(daily_pct) * TRADING_DAYS / (downside * math.sqrt(TRADING_DAYS))


def metrics_from_daily(daily):
    """Metrics of a concatenated daily record (session-level: drawdown is on daily closes)."""
    rets = [d["return_pct"] for d in daily]
    equity, peak, max_dd = 1.0, 1.0, 0.0
    for r in rets:
        equity *= 1 + r / 100
        peak = max(peak, equity)
        max_dd = min(max_dd, (equity / peak - 1) * 100)
    return {
        "sessions": len(rets),
        "mrd_pct": statistics.fmean(rets) if rets else 0.0,
        "sharpe": sharpe(rets),
        "sortino": sortino(rets),
        "max_drawdown_pct_daily": max_dd,
        "total_return_pct": (equity - 1) * 100,
    }


def moments(xs):
    """Population skewness and (non-excess) kurtosis; a constant series counts as normal."""
    n = len(xs)
    mean = statistics.fmean(xs)
    m2 = sum((x - mean) ** 2 for x in xs) / n
    if m2 == 0:
        return 0.0, 3.0
    m3 = sum((x - mean) ** 3 for x in xs) / n
    m4 = sum((x - mean) ** 4 for x in xs) / n
    return m3 / m2 ** 1.5, m4 / m2 ** 2


def normal_cdf(x):
    return 0.5 * math.erfc(-x / math.sqrt(2))


def expected_max_sharpe(n_trials, var_sharpe):
    """SR0: the Sharpe the best of N unskilled trials reaches by luck (per-period units)."""
    if n_trials < 2 or var_sharpe <= 0:
        return 0.0
    z = statistics.NormalDist().inv_cdf
    return math.sqrt(var_sharpe) * ((1 - EULER_GAMMA) * z(1 - 1 / n_trials)
                                    + EULER_GAMMA * z(1 - 1 / (n_trials * math.e)))


def deflated_sharpe(sr, t, skew, kurt, n_trials, var_sharpe):
    """Probability that the true per-period Sharpe exceeds SR0 given N trials (Bailey & LdP 2014)."""
    if t < 2:
        return None
    sr0 = expected_max_sharpe(n_trials, var_sharpe)
    denom = 1 - skew * sr + (kurt - 1) / 4 * sr * sr
    if denom <= 0:
        return None
    return normal_cdf((sr - sr0) * math.sqrt(t - 1) / math.sqrt(denom))


def per_session_sharpe(annualized):
    return annualized / math.sqrt(TRADING_DAYS)


def dsr_report(best_daily, trial_sharpes_annualized):
    """DSR of the selected trial against all completed trials of its study."""
    rets = [d["return_pct"] for d in best_daily]
    n = len(trial_sharpes_annualized)
    per = [per_session_sharpe(s) for s in trial_sharpes_annualized]
    var = statistics.pvariance(per) if n >= 2 else 0.0
    if len(rets) < 2:
        return {"dsr": None, "trials": n, "sessions": len(rets)}
    sr = per_session_sharpe(sharpe(rets))
    skew, kurt = moments(rets)
    return {
        "dsr": deflated_sharpe(sr, len(rets), skew, kurt, n, var),
        "sr_per_session": sr,
        "sr0_per_session": expected_max_sharpe(n, var),
        "var_trial_sr_per_session": var,
        "trials": n,
        "sessions": len(rets),
        "skew": skew,
        "kurtosis": kurt,
    }


def walk_forward_windows(n_sessions, train, test, step, embargo=0):
    """(train_start, train_end, test_start, test_end) index ranges, ends exclusive.

    `embargo` sessions between a train window's end and its test window's start are used by
    neither: a learner state or a parameter choice shaped by the last train days does not
    carry straight into the first test day.
    """
    if train < 2 or test < 1 or step < 1:
        raise OptimizerError("--walk-forward: TRAIN >= 2, TEST >= 1 and STEP >= 1 required", 2)
    if embargo < 0:
        raise OptimizerError(f"--embargo: sessions >= 0 required, got {embargo}", 2)
    windows = []
    start = 0
    while start + train + embargo + test <= n_sessions:
        test_start = start + train + embargo
        windows.append((start, start + train, test_start, test_start + test))
        start += step
    return windows


def parse_walk_forward(text):
    try:
        parts = [int(p) for p in text.split("/")]
    except ValueError:
        parts = []
    if len(parts) != 3:
        raise OptimizerError(f"--walk-forward: expected TRAIN/TEST/STEP sessions, e.g. 40/10/10, got {text!r}", 2)
    return tuple(parts)
