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
    return [float(v) for v in out.split()]


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
                          {"cdf": mp.erfc(-xm / mp.sqrt(2)) / 2, "sf": sf, "pdf": mp.npdf(xm), "two_sided_p": min(1, 2 * mp.erfc(abs(xm) / mp.sqrt(2)) / 2)}))
    for p in [1e-300, 1e-100, 1e-20, 1e-12, 1e-9, 0.001, 0.025, 0.3, 0.5, 0.7, 0.975, 0.999999]:
        cases.append(case(f"normal quantile p={p!r}", {"dist": "normal_quantile", "p": p},
                          {"quantile": mp.sqrt(2) * mp.erfinv(2 * mp.mpf(p) - 1) if p > 1e-20 else -mp.findroot(
                              lambda z: mp.log(mp.erfc(z / mp.sqrt(2)) / 2) - mp.log(p), -stats.norm.ppf(p))}))
    for v in [1, 2, 3, 4.5, 10, 30, 1000, 1e5, 1e6, 1e8]:
        for t in [-50.0, -3.0, -0.2, 0.0, 0.7, 2.0, 5.0, 9.0, 30.0, 1e3, 1e8]:
            if v >= 1e5 and abs(t) >= 1e3:
                continue  # P < 1e-300: underflows
            sf = t_sf(t, v)
            if sf < mp.mpf("1e-305"):
                continue
            cases.append(case(f"t v={v!r} t={t!r}", {"dist": "t", "t": t, "df": v},
                              {"sf": sf, "cdf": t_sf(-t, v), "pdf": t_pdf(t, v), "two_sided_p": min(mp.mpf(1), 2 * t_sf(abs(t), v))}))
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
                          {"upper_quantile": exact, "quantile": -exact}))
    for k in [1, 2, 3, 7.5, 30, 1000]:
        for x in [1e-10, 0.5, 3.841458820694124, 10.0, 60.0, 300.0, 1400.0]:
            sf = chi_sf(x, k)
            if sf < mp.mpf("1e-305"):
                continue
            r_sf = r_eval(f"pchisq({x!r}, {k!r}, lower.tail=FALSE)")[0]
            assert abs(r_sf - float(sf)) <= 1e-12 * float(sf), (k, x, r_sf, sf)
            cases.append(case(f"chi2 k={k!r} x={x!r}", {"dist": "chi2", "x": x, "df": k},
                              {"sf": sf, "cdf": chi_cdf(x, k)}, rtol=1e-9 if k < 1000 else 1e-11))
    for k in [1, 2, 3, 10, 100]:
        for q in [1e-300, 1e-30, 1e-12, 0.05, 0.5, 0.9]:
            cases.append(case(f"chi2 upper quantile k={k!r} q={q!r}", {"dist": "chi2_upper_quantile", "q": q, "df": k},
                              {"upper_quantile": chi_quantile(q, k, True)}))
            if q >= 1e-30:  # smaller p give quantiles below the double range for k = 1
                cases.append(case(f"chi2 quantile k={k!r} p={q!r}", {"dist": "chi2_quantile", "p": q, "df": k},
                                  {"quantile": chi_quantile(q, k, False)}))
    write("distributions.json", "mpmath 50 digits (erfc, betainc, gammainc, findroot); t quantiles cross-checked "
          "with R qt, chi-square tails with R pchisq", cases)


if __name__ == "__main__":
    import sys
    sections = {"distributions": distributions}
    for name in (sys.argv[1:] or sections):
        sections[name]()
