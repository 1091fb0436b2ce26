namespace IcpExperiments.Core.Analysis;

/// <summary>
/// Choices of one analysis run. <see cref="SequentialTuningSampleSize"/> must be fixed before the first look (e.g. the
/// plan's total accounts recorded when the experiment started); when null, <see cref="DefaultTuningSampleSize"/> is
/// used, which is data-independent and so keeps the sequential guarantee. <see cref="BootstrapBudget"/> bounds the
/// bootstrap's work (resamples × won deals), keeping large analyses fast. <see cref="AcvCapQuantile"/> caps ACV at
/// that upper quantile (winsorizing) before the Welch test. The bootstrap is seeded: the same data gives the same result.
/// </summary>
public sealed record AnalysisOptions(
    MultipleComparisonCorrection Correction = MultipleComparisonCorrection.Holm,
    long? SequentialTuningSampleSize = null,
    double? AcvCapQuantile = null,
    int BootstrapResamples = AnalysisOptions.DefaultBootstrapResamples,
    int BootstrapSeed = AnalysisOptions.DefaultBootstrapSeed,
    long BootstrapBudget = AnalysisOptions.DefaultBootstrapBudget)
{
    public const long DefaultTuningSampleSize = 10_000;
    public const int DefaultBootstrapResamples = 1_000;
    public const int DefaultBootstrapSeed = 20_170_813;
    public const long DefaultBootstrapBudget = 2_000_000;
    public const int MinimumBootstrapResamples = 200;

    /// <summary>Conventional SRM threshold: p below it means the arms' sizes cannot be explained by chance.</summary>
    public const double SampleRatioThreshold = Statistics.Diagnostics.SampleRatioMismatch.DefaultThreshold;

    public static AnalysisOptions Default { get; } = new();
}
