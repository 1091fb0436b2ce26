using IcpExperiments.Statistics.Common;

namespace IcpExperiments.Statistics.VarianceReduction;

/// <summary>Regression-adjusted (CUPED) comparison beside the unadjusted one.</summary>
/// <param name="Adjusted">OLS y ~ 1 + variant + (x − x̄): t statistic, p (t with n − 3 df), adjusted difference, interval.</param>
/// <param name="Unadjusted">OLS y ~ 1 + variant (the pooled-variance t test): same fields with n − 2 df.</param>
/// <param name="Theta">Coefficient of the centred pre-period covariate (the pooled within-arm slope), null when not computable.</param>
/// <param name="AdjustedStandardError">Standard error of the adjusted difference, null when not computable.</param>
/// <param name="VarianceReduction">1 − SE²_adjusted / SE²_unadjusted, the fraction of variance removed (can be slightly negative when x is useless); null when either is not computable.</param>
public sealed record CupedResult(TestResult Adjusted, TestResult Unadjusted, double? Theta, double? AdjustedStandardError, double? VarianceReduction);
