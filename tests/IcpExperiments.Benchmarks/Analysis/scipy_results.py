#!/usr/bin/env python3
"""The default tests of GetResults, computed with SciPy / statsmodels on the same accounts (benchmark get-results).

Reads the arms dumped by BenchmarkAccounts.Dump (per arm: int32 n, n status bytes 0 open / 1 won / 2 lost, n float64
days, n float64 ACV, NaN unless won), then times only the computation, best of `repetitions`:
conversion (pooled two-proportion z, chi-square 2x2, Wilson intervals), cycle length (log-rank on time to win with
open and lost deals censored, in numpy; Kaplan-Meier curves and medians with statsmodels SurvfuncRight; Mann-Whitney
on won deals' days), ACV (Welch t and Mann-Whitney on won deals), revenue per account (Welch t on ACV or 0).
Prints one line: `scipy_ms=<best> p_conversion=<p> p_logrank=<p>` (the p-values let the caller check agreement).
Usage: /usr/bin/python3 scipy_results.py <dump> [repetitions=3]
"""
import sys
import time

import numpy as np
from scipy import stats
from statsmodels.duration.survfunc import SurvfuncRight
from statsmodels.stats.proportion import proportion_confint, proportions_ztest


def read_arms(path):
    raw = open(path, "rb").read()
    arms, offset = [], 0
    while offset < len(raw):
        n = int(np.frombuffer(raw, dtype="<i4", count=1, offset=offset)[0])
        offset += 4
        status = np.frombuffer(raw, dtype=np.uint8, count=n, offset=offset)
        offset += n
        days = np.frombuffer(raw, dtype="<f8", count=n, offset=offset)
        offset += 8 * n
        acv = np.frombuffer(raw, dtype="<f8", count=n, offset=offset)
        offset += 8 * n
        arms.append((status, days, acv))
    return arms


def log_rank(days_a, won_a, days_b, won_b):
    """Two-sample log-rank chi-square (as R survdiff), ties handled by risk sets at each distinct event time."""
    days = np.concatenate([days_a, days_b])
    won = np.concatenate([won_a, won_b]).astype(np.int64)
    in_a = np.concatenate([np.ones(len(days_a), np.int64), np.zeros(len(days_b), np.int64)])
    order = np.argsort(days, kind="mergesort")
    days, won, in_a = days[order], won[order], in_a[order]
    times, first = np.unique(days, return_index=True)
    n = len(days)
    at_risk = n - first
    at_risk_a = np.cumsum(in_a[::-1])[::-1][first]
    events = np.add.reduceat(won, first)
    events_a = np.add.reduceat(won * in_a, first)
    mask = events > 0
    d, r, ra, da = events[mask], at_risk[mask].astype(float), at_risk_a[mask], events_a[mask]
    expected_a = d * ra / r
    variance = np.where(r > 1, d * (ra / r) * (1 - ra / r) * (r - d) / np.maximum(r - 1, 1), 0.0)
    chi2 = (da.sum() - expected_a.sum()) ** 2 / variance.sum()
    return chi2, stats.chi2.sf(chi2, 1)


def analyse(arms):
    (sc, dc, ac), (sv, dv, av) = arms
    won_c, won_v = sc == 1, sv == 1
    n_c, n_v, x_c, x_v = len(sc), len(sv), int(won_c.sum()), int(won_v.sum())
    _, p_conversion = proportions_ztest([x_v, x_c], [n_v, n_c])
    stats.chi2_contingency([[x_c, n_c - x_c], [x_v, n_v - x_v]], correction=False)
    proportion_confint(x_c, n_c, method="wilson")
    proportion_confint(x_v, n_v, method="wilson")
    _, p_log_rank = log_rank(dc, won_c, dv, won_v)
    SurvfuncRight(dc, won_c.astype(float))
    SurvfuncRight(dv, won_v.astype(float))
    stats.mannwhitneyu(dv[won_v], dc[won_c], alternative="two-sided")
    acv_c, acv_v = ac[won_c], av[won_v]
    stats.ttest_ind(acv_v, acv_c, equal_var=False)
    stats.mannwhitneyu(acv_v, acv_c, alternative="two-sided")
    stats.ttest_ind(np.where(won_v, av, 0.0), np.where(won_c, ac, 0.0), equal_var=False)
    return p_conversion, p_log_rank


def main():
    arms = read_arms(sys.argv[1])
    repetitions = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    best = float("inf")
    for _ in range(repetitions):
        start = time.perf_counter()
        p_conversion, p_log_rank = analyse(arms)
        best = min(best, (time.perf_counter() - start) * 1000)
    print(f"scipy_ms={best:.1f} p_conversion={p_conversion:.17g} p_logrank={p_log_rank:.17g}")


if __name__ == "__main__":
    main()
