#!/usr/bin/python3
"""Reference fixtures for the statistics engine, part A (distributions, proportions, continuous, multiplicity).

Independent implementations: mpmath at 50 digits for the distributions (exact to double precision, also where
SciPy 1.10's t.ppf is only ~2e-9 good), cross-checked against R's pt/qt/pchisq; scipy.stats / statsmodels and R for
the tests. Run with /usr/bin/python3 from any directory; writes *.json next to this file.
Floats are written with repr (shortest round-trip), so fixtures hold full double precision.
"""
import json
import math
import os
import subprocess

import mpmath as mp
import numpy as np
from scipy import stats

mp.mp.dps = 50
HERE = os.path.dirname(os.path.abspath(__file__))
# Distributions are checked tighter than the 1e-9 of the tests: they should be right to (nearly) full precision.
DISTRIBUTION_RTOL = 1e-12


def num(x):
    x = float(x)
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return x


def case(name, inputs, expected, rtol=1e-9):
    return {"name": name, "inputs": inputs, "expected": {k: num(v) if not isinstance(v, (list, str, bool)) else v
                                                          for k, v in expected.items()}, "rtol": rtol}


def write(file_name, source, cases):
    with open(os.path.join(HERE, file_name), "w") as f:
        json.dump({"source": source, "cases": cases}, f, indent=1)
        f.write("\n")
    print(f"{file_name}: {len(cases)} cases")


def r_eval(expression):
    """Evaluates an R expression returning numbers; printed at 17 significant digits."""
    out = subprocess.run(["Rscript", "-e", f"cat(sprintf('%.17g', {expression}), sep='\\n')"],
                         check=True, capture_output=True, text=True).stdout
    return [float("nan") if v == "NA" else float(v) for v in out.split()]


# ---------------------------------------------------------------- distributions (mpmath, checked against R)
def t_sf(t, v):
    t, v = mp.mpf(t), mp.mpf(v)
    if v <= 1000:
        tail = 0.5 * mp.betainc(v / 2, 0.5, 0, v / (v + t * t), regularized=True)
    else:
        # The direct series crawls for huge ν; the mirrored one converges fast, and 400 digits absorb the cancellation.
        with mp.workdps(400):
            tail = 0.5 * (1 - mp.betainc(0.5, v / 2, 0, t * t / (v + t * t), regularized=True))
    return tail if t >= 0 else 1 - tail


def t_pdf(t, v):
    t, v = mp.mpf(t), mp.mpf(v)
    return mp.exp(mp.loggamma((v + 1) / 2) - mp.loggamma(v / 2)) / mp.sqrt(v * mp.pi) * (1 + t * t / v) ** (-(v + 1) / 2)


def log_newton(tail, density, target, x, increasing=False):
    """Newton on ln tail(x) = ln target from a close start (R's value); 50 digits make the result exact for doubles."""
    target = mp.mpf(target)
    for _ in range(100):
        t = tail(x)
        step = (mp.log(t) - mp.log(target)) * t / density(x)
        x = x + step if not increasing else x - step
        if abs(step) < mp.mpf("1e-40") * abs(x):
            return x
    raise RuntimeError("no convergence")


def t_upper_quantile(q, v, start):
    if v == 1:
        return 1 / mp.tan(mp.pi * mp.mpf(q))
    return log_newton(lambda x: t_sf(x, v), lambda x: t_pdf(x, v), q, mp.mpf(start))


def chi_sf(x, k):
    return mp.gammainc(mp.mpf(k) / 2, mp.mpf(x) / 2, mp.inf, regularized=True)


def chi_cdf(x, k):
    return mp.gammainc(mp.mpf(k) / 2, 0, mp.mpf(x) / 2, regularized=True)


def chi_pdf(x, k):
    x, k = mp.mpf(x), mp.mpf(k)
    return mp.exp((k / 2 - 1) * mp.log(x / 2) - x / 2 - mp.loggamma(k / 2)) / 2


def chi_quantile(p, k, upper):
    guess = r_eval(f"qchisq({p!r}, {k!r}, lower.tail={'FALSE' if upper else 'TRUE'})")[0]
    tail = (lambda x: chi_sf(x, k)) if upper else (lambda x: chi_cdf(x, k))
    return log_newton(tail, lambda x: chi_pdf(x, k), p, mp.mpf(guess), increasing=not upper)


def distributions():
    cases = []
    for x in [-40.0, -38.0, -20.0, -8.0, -1.96, -0.5, 0.0, 1e-8, 0.3, 1.0, 1.959963984540054, 3.0, 7.0, 9.5, 12.0, 25.0, 37.5]:
        xm = mp.mpf(x)
        sf = mp.erfc(xm / mp.sqrt(2)) / 2
        cases.append(case(f"normal x={x!r}", {"dist": "normal", "x": x},
                          {"cdf": mp.erfc(-xm / mp.sqrt(2)) / 2, "sf": sf, "pdf": mp.npdf(xm), "two_sided_p": min(1, 2 * mp.erfc(abs(xm) / mp.sqrt(2)) / 2)}, rtol=DISTRIBUTION_RTOL))
    for p in [1e-300, 1e-100, 1e-20, 1e-12, 1e-9, 0.001, 0.025, 0.3, 0.5, 0.7, 0.975, 0.999999]:
        cases.append(case(f"normal quantile p={p!r}", {"dist": "normal_quantile", "p": p},
                          {"quantile": mp.sqrt(2) * mp.erfinv(2 * mp.mpf(p) - 1) if p > 1e-20 else -mp.findroot(
                              lambda z: mp.log(mp.erfc(z / mp.sqrt(2)) / 2) - mp.log(p), -stats.norm.ppf(p))}, rtol=DISTRIBUTION_RTOL))
    for v in [1, 2, 3, 4.5, 10, 30, 1000, 1e5, 1e6, 1e8]:
        for t in [-50.0, -3.0, -0.2, 0.0, 0.7, 2.0, 5.0, 9.0, 30.0, 1e3, 1e8]:
            if v >= 1e5 and abs(t) >= 1e3:
                continue  # P < 1e-300: underflows
            sf = t_sf(t, v)
            if sf < mp.mpf("1e-305"):
                continue
            cases.append(case(f"t v={v!r} t={t!r}", {"dist": "t", "t": t, "df": v},
                              {"sf": sf, "cdf": t_sf(-t, v), "pdf": t_pdf(t, v), "two_sided_p": min(mp.mpf(1), 2 * t_sf(abs(t), v))}, rtol=DISTRIBUTION_RTOL))
    t_quantile_inputs = []
    for v in [1, 2, 3, 5, 12, 100, 1e5, 1e6, 1e8]:
        for q in [1e-300, 1e-100, 1e-15, 1e-12, 1e-6, 0.025, 0.2, 0.5]:
            if v >= 1e5 and q < 1e-100:
                continue
            t_quantile_inputs.append((v, q))
    r_quantiles = r_eval("c(" + ",".join(f"qt({q!r}, {v!r}, lower.tail=FALSE)" for v, q in t_quantile_inputs) + ")")
    for (v, q), r_value in zip(t_quantile_inputs, r_quantiles):
        exact = t_upper_quantile(q, v, r_value) if q < 0.5 else mp.mpf(0)
        # mpmath is exact; R's qt must agree to its own accuracy (it is off by ~8e-9 at ν = 3, q = 1e-300).
        assert exact == 0 or abs(r_value - float(exact)) <= 1e-7 * abs(float(exact)), (v, q, r_value, exact)
        cases.append(case(f"t quantile v={v!r} q={q!r}", {"dist": "t_quantile", "q": q, "df": v},
                          {"upper_quantile": exact, "quantile": -exact}, rtol=DISTRIBUTION_RTOL))
    for k in [1, 2, 3, 7.5, 30, 1000, 20000]:
        for x in [1e-10, 0.5, 3.841458820694124, 10.0, 60.0, 300.0, 1400.0]:
            sf = chi_sf(x, k)
            if sf < mp.mpf("1e-305"):
                continue
            r_sf = r_eval(f"pchisq({x!r}, {k!r}, lower.tail=FALSE)")[0]
            assert abs(r_sf - float(sf)) <= 1e-12 * float(sf), (k, x, r_sf, sf)
            cases.append(case(f"chi2 k={k!r} x={x!r}", {"dist": "chi2", "x": x, "df": k},
                              {"sf": sf, "cdf": chi_cdf(x, k)}, rtol=DISTRIBUTION_RTOL))
    for k in [1, 2, 3, 10, 100]:
        for q in [1e-300, 1e-30, 1e-12, 0.05, 0.5, 0.9]:
            cases.append(case(f"chi2 upper quantile k={k!r} q={q!r}", {"dist": "chi2_upper_quantile", "q": q, "df": k},
                              {"upper_quantile": chi_quantile(q, k, True)}, rtol=DISTRIBUTION_RTOL))
            if q >= 1e-30:  # smaller p give quantiles below the double range for k = 1
                cases.append(case(f"chi2 quantile k={k!r} p={q!r}", {"dist": "chi2_quantile", "p": q, "df": k},
                                  {"quantile": chi_quantile(q, k, False)}, rtol=DISTRIBUTION_RTOL))
    write("distributions.json", "mpmath 50 digits (erfc, betainc, gammainc, findroot); t quantiles cross-checked "
          "with R qt, chi-square tails with R pchisq", cases)


# ---------------------------------------------------------------- proportions (statsmodels, scipy, R fisher.test)
PROPORTION_TABLES = [  # control successes, control trials, variant successes, variant trials
    (10, 100, 15, 100), (0, 50, 0, 50), (50, 50, 50, 50), (0, 20, 5, 20), (3, 10, 8, 12), (1, 1, 0, 1),
    (3, 10, 7, 10), (0, 7, 7, 7), (2, 9, 0, 4), (120, 1000, 150, 1000), (5, 100000, 1, 100), (12, 1000000, 2, 10),
    (50000, 1000000, 50900, 1000000), (123456, 999999, 124789, 1000001), (100, 1000, 300, 1000),
    (1000, 100000, 1400, 100000), (5000, 1000000, 5400, 1000000), (20, 40, 20, 40), (1, 30, 9, 31),
    (400, 2000, 530, 2500), (0, 1000000, 30, 1000000), (999990, 1000000, 999950, 1000000), (7, 8, 1, 9),
]


def r_fisher(tables):
    body = ",".join(f"fisher.test(matrix(c({x1},{x2},{n1 - x1},{n2 - x2}),2))$p.value" for x1, n1, x2, n2 in tables)
    return r_eval(f"c({body})")


def proportions():
    from statsmodels.stats.proportion import confint_proportions_2indep, proportion_confint, proportions_ztest
    cases = []
    fisher_p = r_fisher(PROPORTION_TABLES)
    for (x1, n1, x2, n2), fp in zip(PROPORTION_TABLES, fisher_p):
        table = np.array([[x1, n1 - x1], [x2, n2 - x2]])
        expected = {"fisher_p": fp}
        no_variation = x1 + x2 in (0, n1 + n2)
        if not no_variation:
            z, zp = proportions_ztest([x2, x1], [n2, n1])
            chi, chi_p, _, _ = stats.chi2_contingency(table, correction=False)
            yates, yates_p, _, _ = stats.chi2_contingency(table, correction=True)
            expected.update(z=z, z_p=zp, chi2=chi, chi2_p=chi_p, yates=yates, yates_p=yates_p)
        expected["odds_ratio"] = stats.fisher_exact(table[::-1])[0] if (x2 * (n1 - x1) or x1 * (n2 - x2)) else float("nan")
        for arm, (x, n) in (("control", (x1, n1)), ("variant", (x2, n2))):
            lo, hi = proportion_confint(x, n, alpha=0.05, method="wilson")
            expected[f"wilson_{arm}_lower"], expected[f"wilson_{arm}_upper"] = lo, hi
        lo, hi = confint_proportions_2indep(x2, n2, x1, n1, method="newcomb", compare="diff", alpha=0.05)
        expected.update(newcombe_lower=lo, newcombe_upper=hi, difference=x2 / n2 - x1 / n1)
        if x1 > 0 and x2 > 0 and not (x1 == n1 and x2 == n2):
            lo, hi = confint_proportions_2indep(x2, n2, x1, n1, method="log", compare="ratio", alpha=0.05)
            expected.update(lift=(x2 / n2) / (x1 / n1) - 1, lift_lower=lo - 1, lift_upper=hi - 1)
        min_expected = min(n1, n2) * min(x1 + x2, n1 + n2 - x1 - x2) / (n1 + n2)
        expected["default_method"] = "fisher" if min_expected < 5 else "z"
        cases.append(case(f"table {x1}/{n1} vs {x2}/{n2}", {"x1": x1, "n1": n1, "x2": x2, "n2": n2}, expected))
    write("proportions.json", "statsmodels 0.13 proportions_ztest / proportion_confint(wilson) / "
          "confint_proportions_2indep(newcomb; log ratio), scipy 1.10 chi2_contingency, R fisher.test", cases)


# ---------------------------------------------------------------- continuous (scipy, statsmodels, mpmath tails, numpy)
def welch_expected(x_control, x_variant):
    from statsmodels.stats.weightstats import CompareMeans, DescrStatsW
    t, _ = stats.ttest_ind(x_variant, x_control, equal_var=False)
    v1, v2 = np.var(x_control, ddof=1) / len(x_control), np.var(x_variant, ddof=1) / len(x_variant)
    df = (v1 + v2) ** 2 / (v1 ** 2 / (len(x_control) - 1) + v2 ** 2 / (len(x_variant) - 1))
    lo, hi = CompareMeans(DescrStatsW(x_variant), DescrStatsW(x_control)).tconfint_diff(alpha=0.05, usevar="unequal")
    # scipy's p-value is good to ~1e-14 relative only in moderate tails; mpmath gives it exactly for these t, df.
    p = min(mp.mpf(1), 2 * t_sf(abs(t), df))
    return {"t": t, "df": df, "p": p, "difference": np.mean(x_variant) - np.mean(x_control), "lower": lo, "upper": hi}


def continuous():
    rng = np.random.default_rng(20261123)
    cases = []
    welch_sets = {
        "tiny 2 vs 2": ([1.0, 2.0], [2.5, 4.5]),
        "tiny 2 vs 3 decimals": ([0.1, 0.7], [0.3, 0.2, 0.95]),
        "unbalanced 3 vs 500": (list(rng.normal(10, 2, 3)), list(rng.normal(11, 3, 500))),
        "control constant": ([5.0] * 20, list(rng.normal(5.5, 1, 30))),
        "lognormal acv 2000 each": (list(rng.lognormal(10, 1.2, 2000)), list(rng.lognormal(10.08, 1.2, 2000))),
        "tail p huge effect": (list(rng.normal(0, 1, 400)), list(rng.normal(1.6, 1, 400))),
        "tail p extreme effect": (list(rng.normal(0, 1, 300)), list(rng.normal(4.0, 1, 300))),
        "mean offset 1e3": (list(1000 + rng.normal(0, 1, 1000)), list(1000.05 + rng.normal(0, 1.1, 1200))),
        "integers with ties": (list(rng.integers(0, 4, 200).astype(float)), list(rng.integers(0, 5, 150).astype(float))),
    }
    for name, (xc, xv) in welch_sets.items():
        xc, xv = np.array(xc, dtype=float), np.array(xv, dtype=float)
        expected = welch_expected(xc, xv)
        sums = {f"{arm}_n": len(x) for arm, x in (("control", xc), ("variant", xv))}
        for arm, x in (("control", xc), ("variant", xv)):
            sums[f"{arm}_sum"], sums[f"{arm}_sumsq"] = math.fsum(x), math.fsum(x * x)
        cases.append(case(f"welch {name}", {"test": "welch", "control": list(xc), "variant": list(xv), **sums}, expected,
                          rtol=1e-9))

    mw_sets = {
        "exact 5 vs 4": ([1.1, 2.3, 0.4, 5.5, 3.2], [4.1, 6.0, 2.9, 7.7]),
        "exact 1 vs 6": ([3.0], [1.0, 2.0, 4.0, 5.0, 6.0, 7.0]),
        "exact 12 vs 15": (list(rng.normal(0, 1, 12)), list(rng.normal(0.8, 1, 15))),
        "exact 49 vs 30 separated": (list(rng.normal(0, 1, 49)), list(rng.normal(1.5, 1, 30))),
        "asymptotic heavy ties": (list(rng.integers(0, 4, 300).astype(float)), list(rng.integers(0, 4, 260).astype(float) + (rng.random(260) < 0.2))),
        "asymptotic mostly zeros": ([0.0] * 180 + list(rng.lognormal(9, 1, 20)), [0.0] * 170 + list(rng.lognormal(9.2, 1, 40))),
        "asymptotic unbalanced 10 vs 3000": (list(rng.normal(0, 1, 10)), list(rng.normal(0.3, 1, 3000))),
        "asymptotic tail": (list(rng.normal(0, 1, 1500)), list(rng.normal(1.0, 1, 1500))),
        "asymptotic 60 vs 70 no ties": (list(rng.normal(0, 1, 60)), list(rng.normal(0.1, 1, 70))),
        "one tie group small": ([1.0, 2.0, 2.0, 3.0], [2.0, 4.0, 5.0]),
    }
    for name, (xc, xv) in mw_sets.items():
        xc, xv = np.array(xc, dtype=float), np.array(xv, dtype=float)
        has_ties = len(np.unique(np.concatenate([xc, xv]))) < len(xc) + len(xv)
        auto_exact = not has_ties and len(xc) < 50 and len(xv) < 50
        res = stats.mannwhitneyu(xv, xc, alternative="two-sided", method="exact" if auto_exact else "asymptotic",
                                 use_continuity=True)
        expected = {"u": res.statistic, "p": res.pvalue, "exact": auto_exact}
        if auto_exact:
            r_p = r_eval(f"wilcox.test(c({','.join(map(repr, xv))}), c({','.join(map(repr, xc))}), exact=TRUE)$p.value")[0]
            assert abs(r_p - res.pvalue) <= 1e-12 * res.pvalue, (name, r_p, res.pvalue)
        asym = stats.mannwhitneyu(xv, xc, alternative="two-sided", method="asymptotic", use_continuity=True)
        expected["p_asymptotic"] = asym.pvalue
        cases.append(case(f"mann-whitney {name}", {"test": "mann_whitney", "control": list(xc), "variant": list(xv)}, expected))

    for name, data, lo, hi in [("lognormal top 1%", list(rng.lognormal(10, 1.5, 500)), 0.0, 0.99),
                               ("both ends 5%", list(rng.normal(0, 1, 101)), 0.05, 0.95),
                               ("ties at cap", [0.0] * 10 + [1.0] * 5 + [100.0, 1000.0], 0.1, 0.9),
                               ("single value", [42.0], 0.0, 0.99)]:
        x = np.array(data)
        lo_v, hi_v = np.percentile(x, 100 * lo), np.percentile(x, 100 * hi)
        cases.append(case(f"winsorize {name}", {"test": "winsorize", "values": data, "lower": lo, "upper": hi},
                          {"lower_limit": lo_v, "upper_limit": hi_v, "capped": [num(v) for v in np.clip(x, lo_v, hi_v)]}))
    write("continuous.json", "scipy 1.10 ttest_ind(equal_var=False) / mannwhitneyu, statsmodels CompareMeans.tconfint_diff, "
          "mpmath t tails for Welch p, R wilcox.test(exact=TRUE) cross-check, numpy percentile/clip", cases)


# ---------------------------------------------------------------- multiplicity and SRM (R p.adjust, statsmodels, scipy)
def multiplicity():
    from statsmodels.stats.multitest import multipletests
    rng = np.random.default_rng(7)
    cases = []
    families = {
        "single": [0.03],
        "textbook": [0.01, 0.04, 0.03, 0.005, 0.2],
        "ties": [0.02, 0.02, 0.02, 0.5, 0.5],
        "all ones and zero": [1.0, 0.0, 1.0],
        "tail": [1e-15, 3e-12, 0.04, 1e-300],
        "random 50": list(rng.uniform(0, 1, 50) ** 3),
        "with nan": [0.01, float("nan"), 0.04, 0.03],
    }
    for name, p in families.items():
        values = ",".join("NA" if math.isnan(v) else repr(v) for v in p)
        holm = r_eval(f"p.adjust(c({values}), 'holm')")
        bh = r_eval(f"p.adjust(c({values}), 'BH')")
        clean = [v for v in p if not math.isnan(v)]
        sm_holm = multipletests(clean, method="holm")[1]
        assert np.allclose(sm_holm, [v for v in holm if not math.isnan(v)], rtol=1e-12, atol=0), name
        cases.append(case(f"adjust {name}", {"test": "adjust", "p": [num(v) for v in p]},
                          {"holm": [num(v) for v in holm], "bh": [num(v) for v in bh]}))
    for name, observed, planned in [("balanced ok", [5012, 4988], [1, 1]), ("balanced mismatch", [5200, 4800], [0.5, 0.5]),
                                    ("three arms 50/25/25", [2000, 1010, 985], [50, 25, 25]),
                                    ("huge mismatch", [1000000, 900000], [1, 1]), ("one empty arm", [0, 40], [1, 1]),
                                    ("unequal 90/10", [90310, 9690], [0.9, 0.1])]:
        expected_counts = np.array(planned, dtype=float) / sum(planned) * sum(observed)
        chi, p = stats.chisquare(observed, expected_counts)
        r_p = r_eval(f"chisq.test(c({','.join(map(str, observed))}), p=c({','.join(map(repr, map(float, planned)))}), rescale.p=TRUE)$p.value")[0]
        assert abs(r_p - p) <= 1e-9 * p, (name, r_p, p)
        cases.append(case(f"srm {name}", {"test": "srm", "observed": observed, "planned": planned},
                          {"chi2": chi, "p": chi_sf(chi, len(observed) - 1) if p > 0 else p}))
    write("multiplicity.json", "R p.adjust (holm, BH; NA kept and not counted), statsmodels multipletests cross-check, "
          "scipy.stats.chisquare / R chisq.test for SRM, tail p from mpmath", cases)


if __name__ == "__main__":
    import sys
    sections = {"distributions": distributions, "proportions": proportions, "continuous": continuous, "multiplicity": multiplicity}
    for name in (sys.argv[1:] or sections):
        sections[name]()
