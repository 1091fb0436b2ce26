# Reference values for Survival/ (Kaplan-Meier, median, log-rank, RMST) from R survival, written as JSON.
# Run from this folder: Rscript generate_reference_b.R   (writes survival.json; needs r-base-core r-cran-survival)
# Conventions mapped onto the C# API (documented in MedianSurvival.cs):
#   median not reached (R: NA) -> "inf"; median LCL NA -> end of follow-up; median UCL NA -> "inf".
suppressPackageStartupMessages(library(survival))

num <- function(x) {
  if (is.na(x)) return('"nan"')
  if (is.infinite(x)) return(if (x > 0) '"inf"' else '"-inf"')
  sprintf("%.17g", x)
}
arr <- function(v) paste0("[", paste(vapply(v, num, ""), collapse = ", "), "]")
obj <- function(fields) paste0("{", paste(sprintf('"%s": %s', names(fields), unlist(fields)), collapse = ", "), "}")

arm_expected <- function(time, event, tau, conf, prefix) {
  fit <- survfit(Surv(time, event) ~ 1, conf.type = "log", conf.int = conf)
  s <- summary(fit, censored = FALSE, rmean = tau)
  tab <- s$table
  lcl <- tab[[paste0(conf, "LCL")]]
  ucl <- tab[[paste0(conf, "UCL")]]
  out <- list()
  out[[paste0(prefix, "_times")]] <- arr(s$time)
  out[[paste0(prefix, "_at_risk")]] <- arr(s$n.risk)
  out[[paste0(prefix, "_events")]] <- arr(s$n.event)
  out[[paste0(prefix, "_survival")]] <- arr(s$surv)
  out[[paste0(prefix, "_std_err")]] <- arr(ifelse(s$surv == 0, 0, s$std.err))
  # R gives NA bands where S = 0; the C# API reports [0, 0] there.
  out[[paste0(prefix, "_lower")]] <- arr(ifelse(s$surv == 0, 0, s$lower))
  out[[paste0(prefix, "_upper")]] <- arr(ifelse(s$surv == 0, 0, s$upper))
  out[[paste0(prefix, "_median")]] <- num(if (is.na(tab[["median"]])) Inf else tab[["median"]])
  out[[paste0(prefix, "_median_lower")]] <- num(if (is.na(lcl)) max(time) else lcl)
  out[[paste0(prefix, "_median_upper")]] <- num(if (is.na(ucl)) Inf else ucl)
  out[[paste0(prefix, "_rmst")]] <- num(tab[["rmean"]])
  out[[paste0(prefix, "_rmst_se")]] <- num(tab[["se(rmean)"]])
  out
}

make_case <- function(name, ct, ce, vt, ve, tau, conf = 0.95) {
  expected <- c(arm_expected(ct, ce, tau, conf, "control"), arm_expected(vt, ve, tau, conf, "variant"))
  group <- c(rep(0, length(ct)), rep(1, length(vt)))
  sd <- survdiff(Surv(c(ct, vt), c(ce, ve)) ~ group, rho = 0)
  z <- qnorm(1 - (1 - conf) / 2)
  if (sum(ce) + sum(ve) > 0 && sd$var[2, 2] > 0) {
    o_minus_e <- sd$obs[2] - sd$exp[2]
    v <- sd$var[2, 2]
    expected$logrank_chisq <- num(sd$chisq)
    expected$logrank_p <- num(pchisq(sd$chisq, 1, lower.tail = FALSE))
    expected$logrank_expected_control <- num(sd$exp[1])
    expected$logrank_expected_variant <- num(sd$exp[2])
    expected$logrank_variance <- num(v)
    expected$peto_hr <- num(exp(o_minus_e / v))
    expected$peto_hr_lower <- num(exp(o_minus_e / v - z / sqrt(v)))
    expected$peto_hr_upper <- num(exp(o_minus_e / v + z / sqrt(v)))
  }
  # RMST difference from the per-arm means and SEs printed by survfit (independent of survRM2, same formula).
  rc <- summary(survfit(Surv(ct, ce) ~ 1), rmean = tau)$table
  rv <- summary(survfit(Surv(vt, ve) ~ 1), rmean = tau)$table
  diff <- rv[["rmean"]] - rc[["rmean"]]
  se <- sqrt(rc[["se(rmean)"]]^2 + rv[["se(rmean)"]]^2)
  if (se > 0) {
    expected$rmst_diff <- num(diff)
    expected$rmst_diff_lower <- num(diff - z * se)
    expected$rmst_diff_upper <- num(diff + z * se)
    expected$rmst_diff_p <- num(2 * pnorm(-abs(diff / se)))
  }
  inputs <- list(control_time = arr(ct), control_event = arr(ce), variant_time = arr(vt), variant_event = arr(ve),
                 tau = num(tau), confidence = num(conf))
  obj(list(name = sprintf('"%s"', name), inputs = obj(inputs), expected = obj(expected), rtol = "1e-9"))
}

set.seed(20261123)
cases <- list()
# Tiny samples with a tie between an event and a censoring time.
cases[[length(cases) + 1]] <- make_case("tiny", c(1, 3, 3, 7), c(1, 1, 0, 1), c(2, 4, 5), c(1, 0, 1), 5)
# Median exactly 0.5 over an interval: R takes the midpoint to the next drop.
cases[[length(cases) + 1]] <- make_case("median_plateau", c(1, 2, 3, 4), c(1, 1, 1, 1), c(1, 2, 3, 5, 6, 8), c(1, 0, 1, 1, 0, 1), 6)
# The aml data shipped with R survival (Maintained vs Nonmaintained).
cases[[length(cases) + 1]] <- make_case("aml", aml$time[aml$x == "Nonmaintained"], aml$status[aml$x == "Nonmaintained"],
                                        aml$time[aml$x == "Maintained"], aml$status[aml$x == "Maintained"], 40)
# Heavy ties: weekly integer times, many events per time, censoring too.
ht <- function(n, rate) { t <- pmin(ceiling(rexp(n, rate)), 12); e <- as.numeric(t < 12 & runif(n) < 0.8); list(t = t, e = e) }
a <- ht(300, 0.15); b <- ht(280, 0.2)
cases[[length(cases) + 1]] <- make_case("heavy_ties", a$t, a$e, b$t, b$e, 10)
# All-censored control arm: median not reached, bands at 1, log-rank still defined from the variant's events.
ac <- round(runif(40, 1, 100)); av <- round(rexp(50, 0.02)) + 1
cases[[length(cases) + 1]] <- make_case("all_censored_control", ac, rep(0, 40), av, as.numeric(runif(50) < 0.7), 60, 0.9)
# Very unbalanced arms (6 vs 600) with open deals censored at the as-of date.
cu <- round(rexp(6, 0.01), 1); vu <- round(rexp(600, 0.012), 1)
cases[[length(cases) + 1]] <- make_case("unbalanced", pmin(cu, 150), as.numeric(cu < 150), pmin(vu, 150), as.numeric(vu < 150), 100)
# Sales-cycle-like data: won within window or censored at the as-of date / at loss.
sc <- function(n, rate) { t <- rexp(n, rate); c <- runif(n, 0, 200); list(t = round(pmin(t, c), 2), e = as.numeric(t <= c)) }
a <- sc(1500, 1 / 90); b <- sc(1500, 1 / 75)
cases[[length(cases) + 1]] <- make_case("sales_cycle", a$t, a$e, b$t, b$e, 180)
# Last observation is an event: S reaches 0 (NA bands in R) and RMST beyond follow-up is exact.
cases[[length(cases) + 1]] <- make_case("curve_reaches_zero", c(2, 4, 4, 6, 9), c(1, 0, 1, 1, 1), c(1, 3, 5, 8, 10, 12), c(0, 1, 1, 0, 1, 0), 9)

json <- paste0('{"source": "R ', R.version$major, ".", R.version$minor, " survival ", packageVersion("survival"),
               ' (survfit conf.type=log, survdiff rho=0, print.survfit rmean)", "cases": [\n',
               paste(cases, collapse = ",\n"), "\n]}\n")
writeLines(json, "survival.json", sep = "")
