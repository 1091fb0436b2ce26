using IcpExperiments.Statistics.Survival;

namespace IcpExperiments.Core.Analysis;

/// <summary>
/// Time-to-win per arm (Kaplan–Meier of "not yet won", open deals censored at as-of, lost deals at the loss) with
/// medians, the log-rank test and the restricted-mean difference up to <see cref="RestrictedMeanComparison.Horizon"/>.
/// </summary>
public sealed record CycleLengthCurves(KaplanMeierCurve Control, KaplanMeierCurve Variant, LogRankResult LogRank, RestrictedMeanComparison? RestrictedMean);
