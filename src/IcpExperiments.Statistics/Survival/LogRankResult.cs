using IcpExperiments.Statistics.Common;

namespace IcpExperiments.Statistics.Survival;

/// <summary>Log-rank test with the observed and expected event counts per arm (as R survival::survdiff prints them).</summary>
/// <param name="Test">χ² statistic (1 df), p-value, and the Peto hazard-ratio estimate (variant vs control) with its interval.</param>
/// <param name="ObservedControl">Events observed in control.</param>
/// <param name="ExpectedControl">Events expected in control under equal hazards.</param>
/// <param name="ObservedVariant">Events observed in the variant.</param>
/// <param name="ExpectedVariant">Events expected in the variant under equal hazards.</param>
/// <param name="Variance">Hypergeometric variance of O − E (survdiff's var[1, 1]).</param>
public sealed record LogRankResult(
    TestResult Test,
    double ObservedControl,
    double ExpectedControl,
    double ObservedVariant,
    double ExpectedVariant,
    double Variance);
