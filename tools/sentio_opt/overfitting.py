"""Probability of Backtest Overfitting and paired comparisons of daily records.

PBO (Bailey, Borwein, Lopez de Prado, Zhu 2015, "The Probability of Backtest Overfitting"),
combinatorially symmetric cross-validation (CSCV) over the T x N matrix of daily returns of the
N trials of a study:
  1. cut the T days, in date order, into S contiguous blocks of (near) equal size, S even;
  2. for each of the C(S, S/2) ways to pick S/2 blocks as in-sample (the rest out-of-sample):
     select the trial with the best in-sample Sharpe, find the relative rank w of its
     out-of-sample Sharpe among all N trials (average rank / (N + 1)), and its logit
     lambda = ln(w / (1 - w));
  3. PBO = share of the combinations with lambda <= 0: how often the in-sample winner lands
     at or below the median out of sample.
A PBO near 0 says selection carried information out of sample; near or above 0.5 says the
selected trial is no better than a random one.
"""

import itertools
import math
import statistics

DEFAULT_BLOCKS = 16


def block_count(days, wanted=DEFAULT_BLOCKS):
    """The largest even S <= wanted leaving at least 2 days per block (Sharpe needs 2); 0 if none."""
    s = min(wanted, days // 2)
    s -= s % 2
    return s if s >= 2 else 0


def _block_moments(np, matrix, blocks):
    """Per block and trial: day count, sum and sum of squares (blocks x trials arrays)."""
    parts = np.array_split(matrix, blocks, axis=0)
    counts = np.array([p.shape[0] for p in parts], dtype=float)
    sums = np.stack([p.sum(axis=0) for p in parts])
    squares = np.stack([(p * p).sum(axis=0) for p in parts])
    return counts, sums, squares


def _sharpe(np, n, s, q):
    """Per-period Sharpe from count, sum and sum of squares (ddof=1); 0 where the variance is 0.

    Sums of squares leave a rounding residue of about mean^2 * 1e-16 on a constant record: a
    variance below mean^2 * 1e-12 is taken as zero, as the objective takes a flat record.
    """
    mean = s / n
    var = np.maximum((q - s * mean) / (n - 1), 0.0)
    flat = var <= 1e-12 * mean * mean
    return np.where(flat, 0.0, mean / np.sqrt(np.where(flat, 1.0, var)))


def _average_rank(np, values, index):
    """1-based rank of values[index] among values, ties sharing their average rank."""
    x = values[index]
    below = np.count_nonzero(values < x)
    equal = np.count_nonzero(values == x)
    return below + (equal + 1) / 2.0


def pbo(matrix, blocks=DEFAULT_BLOCKS, batch=2048):
    """PBO of a days x trials matrix of daily returns (rows in date order); None if too small.

    Returns {"pbo", "blocks", "combinations", "trials", "days", "logit_median",
    "oos_sharpe_of_selected_mean"} with Sharpe ratios per period (not annualized).
    """
    import numpy as np

    m = np.asarray(matrix, dtype=float)
    if m.ndim != 2:
        raise ValueError("pbo: expected a days x trials matrix")
    days, trials = m.shape
    s = block_count(days, blocks)
    if trials < 2 or s == 0:
        return None
    counts, sums, squares = _block_moments(np, m, s)
    combos = np.array([[1.0 if b in c else 0.0 for b in range(s)]
                       for c in itertools.combinations(range(s), s // 2)])
    logits, selected_oos = [], []
    for start in range(0, len(combos), batch):
        train = combos[start:start + batch]
        test = 1.0 - train
        sr_in = _sharpe(np, (train @ counts)[:, None], train @ sums, train @ squares)
        sr_out = _sharpe(np, (test @ counts)[:, None], test @ sums, test @ squares)
        best = np.argmax(sr_in, axis=1)  # ties: the lowest trial index, as Optuna's best_trial
        for row, n_star in enumerate(best):
            w = _average_rank(np, sr_out[row], n_star) / (trials + 1)
            logits.append(math.log(w / (1 - w)))
            selected_oos.append(float(sr_out[row, n_star]))
    overfit = sum(1 for lam in logits if lam <= 0)
    return {
        "pbo": overfit / len(logits),
        "blocks": s,
        "combinations": len(logits),
        "trials": trials,
        "days": days,
        "logit_median": statistics.median(logits),
        "oos_sharpe_of_selected_mean": statistics.fmean(selected_oos),
    }


def study_pbo(trials_daily, blocks=DEFAULT_BLOCKS):
    """PBO over trials given as lists of {date, return_pct}; only days every trial reports are used."""
    records = [dict((d["date"], d["return_pct"]) for d in daily) for daily in trials_daily if daily]
    if len(records) < 2:
        return None
    dates = sorted(set.intersection(*(set(r) for r in records)))
    matrix = [[r[d] for r in records] for d in dates]
    return pbo(matrix, blocks) if matrix else None


def paired_t(a, b):
    """Paired comparison of two daily records ({date, return_pct}) over their common dates.

    Returns {"days", "mean_diff_pct", "t"}; t is None when undefined (fewer than 2 days or no
    variance in the differences).
    """
    other = dict((d["date"], d["return_pct"]) for d in b)
    diffs = [d["return_pct"] - other[d["date"]] for d in a if d["date"] in other]
    if len(diffs) < 2:
        return {"days": len(diffs), "mean_diff_pct": statistics.fmean(diffs) if diffs else None, "t": None}
    sd = statistics.stdev(diffs)
    mean = statistics.fmean(diffs)
    return {"days": len(diffs), "mean_diff_pct": mean,
            "t": None if sd == 0 else mean / (sd / math.sqrt(len(diffs)))}
