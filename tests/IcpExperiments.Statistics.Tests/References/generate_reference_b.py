#!/usr/bin/python3
"""Reference values for Power/, Sequential/, VarianceReduction/ and Bayesian/ (stats-b), written as JSON.

Run from this folder with /usr/bin/python3 (Debian python3-scipy, python3-statsmodels):
    /usr/bin/python3 generate_reference_b.py
Writes power.json, sequential.json, cuped.json, bayesian.json. Survival references come from generate_reference_b.R.
Each formula here is written independently of the C# code (statsmodels where it has the method, otherwise
first principles with SciPy), and every case states its relative tolerance.
"""
import json
import math

import numpy as np
import scipy
import statsmodels
from scipy import integrate, optimize, stats
from statsmodels.stats.power import NormalIndPower, normal_sample_size_one_tail
from statsmodels.stats.proportion import power_proportions_2indep, samplesize_proportions_2indep_onetail


def number(x):
    x = float(x)
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return x


def write(file_name, source, cases):
    for case in cases:
        case["inputs"] = {k: ([number(v) for v in vals] if isinstance(vals, (list, np.ndarray)) else number(vals))
                          for k, vals in case["inputs"].items()}
        case["expected"] = {k: number(v) for k, v in case["expected"].items()}
    with open(file_name, "w") as f:
        json.dump({"source": source, "cases": cases}, f, indent=1)
        f.write("\n")


def power_cases():
    cases = []
    # Two proportions: statsmodels nobs1 = variant (p1 = p2 + diff), ratio = control / variant.
    for name, p2, diff, power, alpha, ratio, n_c, n_v in [
        ("prop_base", 0.10, 0.02, 0.8, 0.05, 1.0, 3000, 3000),
        ("prop_negative_effect", 0.30, -0.05, 0.9, 0.01, 1.0, 1200, 1100),
        ("prop_unbalanced", 0.05, 0.01, 0.8, 0.05, 4.0, 40000, 10000),
        ("prop_rare", 0.002, 0.001, 0.8, 0.05, 1.0, 500000, 480000),
        ("prop_high", 0.9, 0.05, 0.95, 0.1, 0.5, 200, 400),
    ]:
        exact = samplesize_proportions_2indep_onetail(diff, p2, power, ratio=ratio, alpha=alpha)
        n_v_plan, n_c_plan = math.ceil(exact), math.ceil(exact * ratio)
        cases.append({
            "name": name, "rtol": 1e-9,
            "inputs": {"kind": 0, "control_rate": p2, "effect": diff, "power": power, "alpha": alpha, "ratio": ratio,
                       "control_n": n_c, "variant_n": n_v},
            "expected": {
                "exact_variant_n": exact, "variant_n_plan": n_v_plan, "control_n_plan": n_c_plan,
                "power_at_plan": power_proportions_2indep(diff, p2, n_v_plan, ratio=n_c_plan / n_v_plan, alpha=alpha).power,
                "power_at_n": power_proportions_2indep(diff, p2, n_v, ratio=n_c / n_v, alpha=alpha).power,
            }})
    # Two means: NormalIndPower with effect size delta / sigma.
    for name, delta, sigma, power, alpha, ratio, n_c, n_v in [
        ("mean_base", 500.0, 4000.0, 0.8, 0.05, 1.0, 1000, 1000),
        ("mean_unbalanced", -2.0, 10.0, 0.9, 0.05, 3.0, 900, 300),
        ("mean_tiny_sample", 1.0, 1.0, 0.8, 0.05, 1.0, 5, 4),
    ]:
        sd = sigma * math.sqrt(1 + 1 / ratio)
        exact = normal_sample_size_one_tail(abs(delta), power, alpha / 2, std_null=sd, std_alternative=sd)
        n_v_plan, n_c_plan = math.ceil(exact), math.ceil(exact * ratio)
        analysis = NormalIndPower()
        cases.append({
            "name": name, "rtol": 1e-9,
            "inputs": {"kind": 1, "effect": delta, "sd": sigma, "power": power, "alpha": alpha, "ratio": ratio,
                       "control_n": n_c, "variant_n": n_v},
            "expected": {
                "exact_variant_n": exact, "variant_n_plan": n_v_plan, "control_n_plan": n_c_plan,
                "power_at_plan": analysis.power(abs(delta) / sigma, n_v_plan, alpha, ratio=n_c_plan / n_v_plan),
                "power_at_n": analysis.power(abs(delta) / sigma, n_v, alpha, ratio=n_c / n_v),
            }})
    # Log-rank, Schoenfeld: events from the textbook formula, power with both tails, written with scipy directly.
    for name, hr, power, alpha, share, events in [
        ("logrank_base", 0.75, 0.8, 0.05, 0.5, 300.0),
        ("logrank_faster", 1.3, 0.9, 0.05, 0.3, 120.0),
        ("logrank_strict", 0.9, 0.8, 0.001, 0.5, 5000.0),
    ]:
        za, zb = stats.norm.isf(alpha / 2), stats.norm.ppf(power)
        needed = (za + zb) ** 2 / (share * (1 - share) * math.log(hr) ** 2)
        drift = math.sqrt(events * share * (1 - share)) * abs(math.log(hr))
        cases.append({
            "name": name, "rtol": 1e-9,
            "inputs": {"kind": 2, "hazard_ratio": hr, "power": power, "alpha": alpha, "share": share, "events": events},
            "expected": {"events_needed": needed, "power_at_events": stats.norm.sf(za - drift) + stats.norm.cdf(-za - drift)},
        })
    return cases


def log_mixture_likelihood_ratio(theta_hat, theta0, v, tau2):
    """ln Λ by numerical integration of the likelihood ratio over the N(theta0, tau2) mixing prior (no closed form used)."""
    sd, prior_sd = math.sqrt(v), math.sqrt(tau2)
    log_null = stats.norm.logpdf(theta_hat, loc=theta0, scale=sd)
    log_integrand = lambda t: stats.norm.logpdf(theta_hat, loc=t, scale=sd) - log_null + stats.norm.logpdf(t, theta0, prior_sd)
    centre = theta0 + (theta_hat - theta0) * tau2 / (tau2 + v)
    spread = math.sqrt(tau2 * v / (tau2 + v))
    peak = log_integrand(centre)
    value, _ = integrate.quad(lambda t: math.exp(log_integrand(t) - peak), centre - 40 * spread, centre + 40 * spread,
                              points=[centre], epsabs=0, epsrel=1e-13, limit=500)
    return peak + math.log(value)


def sequential_case(name, kind, inputs, estimate, v, n_total, alpha, tuning):
    log_term = -2 * math.log(alpha)
    rho2 = (log_term + math.log(1 + log_term)) / tuning
    tau2 = rho2 * n_total * v
    log_lam = log_mixture_likelihood_ratio(estimate, 0.0, v, tau2)
    # Sequence ends: the theta0 where Λ(theta0) = 1/alpha, found by root search on the integral.
    f = lambda t0: log_mixture_likelihood_ratio(estimate, t0, v, tau2) + math.log(alpha)
    width = math.sqrt(v) * 60
    lower = optimize.brentq(f, estimate - width, estimate, xtol=1e-15 * max(1.0, abs(estimate)), rtol=1e-14)
    upper = optimize.brentq(f, estimate, estimate + width, xtol=1e-15 * max(1.0, abs(estimate)), rtol=1e-14)
    inputs = dict(inputs, kind=kind, alpha=alpha, tuning=tuning)
    return {"name": name, "rtol": 1e-8, "inputs": inputs,
            "expected": {"estimate": estimate, "p_value": math.exp(-max(0.0, log_lam)), "lower": lower, "upper": upper}}


def sequential_cases():
    cases = []
    for name, sc, nc, sv, nv, alpha, tuning in [
        ("prop_early_look", 12, 400, 19, 410, 0.05, 20000),
        ("prop_at_tuning", 1000, 10000, 1130, 10000, 0.05, 20000),
        ("prop_strong_effect", 50, 1000, 110, 1000, 0.01, 4000),
        ("prop_unbalanced", 30, 300, 900, 6000, 0.1, 10000),
        ("prop_past_tuning", 5000, 100000, 5100, 100000, 0.05, 20000),
    ]:
        pc, pv = sc / nc, sv / nv
        v = pc * (1 - pc) / nc + pv * (1 - pv) / nv
        cases.append(sequential_case(name, 0, {"control_successes": sc, "control_trials": nc, "variant_successes": sv,
                                               "variant_trials": nv}, pv - pc, v, nc + nv, alpha, tuning))
    for name, nc, mc, vc, nv, mv, vv, alpha, tuning in [
        ("mean_acv", 250, 24000.0, 9000.0 ** 2, 260, 26500.0, 11000.0 ** 2, 0.05, 2000),
        ("mean_tiny", 3, 1.0, 0.5, 4, 2.5, 0.8, 0.05, 100),
        ("mean_null", 5000, 10.0, 4.0, 5000, 10.0, 4.0, 0.05, 10000),
    ]:
        v = vc / nc + vv / nv
        cases.append(sequential_case(name, 1, {"control_n": nc, "control_mean": mc, "control_variance": vc, "variant_n": nv,
                                               "variant_mean": mv, "variant_variance": vv}, mv - mc, v, nc + nv, alpha, tuning))
    return cases


def cuped_case(name, yc, xc, yv, xv, conf=0.95):
    import statsmodels.api as sm
    y = np.concatenate([yc, yv])
    x = np.concatenate([xc, xv])
    treated = np.concatenate([np.zeros(len(yc)), np.ones(len(yv))])
    adjusted = sm.OLS(y, sm.add_constant(np.column_stack([treated, x - x.mean()]))).fit()
    plain = sm.OLS(y, sm.add_constant(treated)).fit()
    a_lo, a_hi = adjusted.conf_int(alpha=1 - conf)[1]
    u_lo, u_hi = plain.conf_int(alpha=1 - conf)[1]
    return {"name": name, "rtol": 1e-9,
            "inputs": {"control_y": list(yc), "control_x": list(xc), "variant_y": list(yv), "variant_x": list(xv), "confidence": conf},
            "expected": {"estimate": adjusted.params[1], "se": adjusted.bse[1], "t": adjusted.tvalues[1], "p": adjusted.pvalues[1],
                         "lower": a_lo, "upper": a_hi, "theta": adjusted.params[2],
                         "unadjusted_estimate": plain.params[1], "unadjusted_p": plain.pvalues[1], "unadjusted_lower": u_lo,
                         "unadjusted_upper": u_hi, "variance_reduction": 1 - adjusted.bse[1] ** 2 / plain.bse[1] ** 2}}


def cuped_cases():
    rng = np.random.default_rng(20261123)
    cases = []
    # Pipeline-like: outcome strongly tied to pre-period engagement, small true effect.
    x = rng.gamma(2.0, 50.0, 800); y = 20 + 0.8 * x + rng.normal(0, 30, 800)
    xv = rng.gamma(2.0, 50.0, 820); yv = 23 + 0.8 * xv + rng.normal(0, 30, 820)
    cases.append(cuped_case("correlated", y, x, yv, xv))
    # Useless covariate: variance reduction near zero (may be slightly negative).
    x = rng.normal(0, 1, 300); y = rng.normal(5, 2, 300); xv = rng.normal(0, 1, 310); yv = rng.normal(5.2, 2, 310)
    cases.append(cuped_case("uncorrelated", y, x, yv, xv, 0.9))
    # Tiny sample, unbalanced arms, chance imbalance in the covariate.
    cases.append(cuped_case("tiny", np.array([3.0, 5.0, 4.0]), np.array([1.0, 3.0, 2.5]), np.array([6.0, 7.5]), np.array([2.0, 4.0])))
    # Very unbalanced, large offset in the covariate (cancellation check) and binary outcome (conversion).
    x = 1e6 + rng.normal(0, 10, 5000); y = (rng.random(5000) < 0.1 + 0.004 * (x - 1e6)).astype(float)
    xv = 1e6 + rng.normal(0, 10, 50); yv = (rng.random(50) < 0.12 + 0.004 * (xv - 1e6)).astype(float)
    cases.append(cuped_case("binary_unbalanced_offset", y, x, yv, xv))
    return cases


def beta_case(name, sc, nc, sv, nv):
    control, variant = stats.beta(1 + sc, 1 + nc - sc), stats.beta(1 + sv, 1 + nv - sv)
    a_c, b_c = 1 + sc, 1 + nc - sc
    lo = max(0.0, min(control.ppf(1e-15), variant.ppf(1e-15)))
    hi = min(1.0, max(control.isf(1e-15), variant.isf(1e-15)))
    breaks = sorted({control.mean(), variant.mean()})
    quad = lambda f: integrate.quad(f, lo, hi, points=breaks, epsabs=0, epsrel=1e-13, limit=1000)[0]
    # P(variant > control) = ∫ f_v(y) F_c(y) dy.
    chance = quad(lambda y: variant.pdf(y) * control.cdf(y))
    # E[(c − y)+] for fixed y: ∫_y^1 (c − y) f_c(c) dc = mean_c · P(Beta(a_c + 1, b_c) > y) − y · P(c > y).
    partial_c = lambda y: control.mean() * stats.beta.sf(y, a_c + 1, b_c) - y * control.sf(y)
    loss_variant = quad(lambda y: variant.pdf(y) * partial_c(y))
    # E[(v − c)+] = E[v − c] + E[(c − v)+].
    loss_control = variant.mean() - control.mean() + loss_variant
    return {"name": name, "rtol": 1e-8,
            "inputs": {"kind": 0, "control_successes": sc, "control_trials": nc, "variant_successes": sv, "variant_trials": nv},
            "expected": {"chance": chance, "loss_variant": loss_variant, "loss_control": loss_control}}


def normal_case(name, nc, mc, vc, nv, mv, vv):
    d, sd = mv - mc, math.sqrt(vc / nc + vv / nv)
    posterior = stats.norm(d, sd)
    quad = lambda f, a, b: integrate.quad(f, a, b, epsabs=0, epsrel=1e-13, limit=500)[0]
    return {"name": name, "rtol": 1e-8,
            "inputs": {"kind": 1, "control_n": nc, "control_mean": mc, "control_variance": vc,
                       "variant_n": nv, "variant_mean": mv, "variant_variance": vv},
            "expected": {"chance": posterior.sf(0.0),
                         "loss_variant": quad(lambda x: -x * posterior.pdf(x), min(d - 40 * sd, 0.0), 0.0),
                         "loss_control": quad(lambda x: x * posterior.pdf(x), 0.0, max(d + 40 * sd, 0.0))}}


def bayesian_cases():
    return [
        beta_case("beta_small", 3, 20, 7, 22),
        beta_case("beta_base", 120, 1000, 145, 1000),
        beta_case("beta_zero_conversions", 0, 50, 0, 60),
        beta_case("beta_unbalanced", 40, 400, 600, 5000),
        beta_case("beta_variant_worse", 300, 2000, 240, 2000),
        beta_case("beta_large", 20000, 200000, 20400, 200000),
        normal_case("normal_acv", 250, 24000.0, 9000.0 ** 2, 260, 26500.0, 11000.0 ** 2),
        normal_case("normal_worse", 40, 10.0, 4.0, 45, 9.0, 5.0),
        normal_case("normal_equal", 1000, 3.0, 1.0, 1000, 3.0, 1.0),
    ]


if __name__ == "__main__":
    versions = f"scipy {scipy.__version__}, statsmodels {statsmodels.__version__}"
    write("power.json", f"statsmodels power_proportions_2indep / samplesize_proportions_2indep_onetail / NormalIndPower; "
          f"Schoenfeld via scipy.stats.norm ({versions})", power_cases())
    write("sequential.json", "normal-mixture likelihood ratio integrated numerically with scipy.integrate.quad, sequence ends by "
          f"scipy.optimize.brentq on it ({versions}); rtol 1e-8 for the quadrature", sequential_cases())
    write("cuped.json", f"statsmodels OLS y ~ 1 + treated + (x - mean x) and y ~ 1 + treated ({versions})", cuped_cases())
    write("bayesian.json", f"Beta and normal posteriors integrated numerically with scipy.integrate.quad ({versions}); rtol 1e-8",
          bayesian_cases())
